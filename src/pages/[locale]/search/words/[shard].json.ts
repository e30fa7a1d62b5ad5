/**
 * A translated site's words split by first letter (`/de/search/words/r.json` holds "rückgabe",
 * "rechnung"…), as `/search/words/<letter>.json` splits the English site's: a search fetches only
 * the shards of its own words' first letters.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { prefixedLocales, type LocaleKey } from '../../../../i18n/locales.ts';
import { synonymShard } from '../../../../lib/search-words.ts';
import { siteWordCounts } from '../../../search/_words.ts';

const shards = [...'abcdefghijklmnopqrstuvwxyz', '_'];

export const getStaticPaths = (() =>
	prefixedLocales.flatMap((locale) => shards.map((shard) => ({ params: { locale, shard } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const words = [...(await siteWordCounts(params['locale'] as LocaleKey)).keys()].filter(
		(word) => synonymShard(word) === params['shard'],
	);
	return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json' } });
};
