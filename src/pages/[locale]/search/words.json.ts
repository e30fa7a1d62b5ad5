/**
 * A translated site's words, most frequent first (`/de/search/words.json`): the dictionary that
 * corrects the spelling of a word no page in that language uses, as `/search/words.json` does
 * for the English site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { prefixedLocales, type LocaleKey } from '../../../i18n/locales.ts';
import { siteWordCounts } from '../../search/_words.ts';

export const getStaticPaths = (() =>
	prefixedLocales.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const words = [...(await siteWordCounts(params['locale'] as LocaleKey)).keys()];
	return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json' } });
};
