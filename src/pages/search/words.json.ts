/**
 * The site's words, most frequent first: the dictionary for correcting the spelling of a word
 * no page uses. Built with the pages; the search page fetches it once, with its first search.
 */
import type { APIRoute } from 'astro';
import { loadContent } from '../../data/content.ts';
import { vocabularyOf } from '../../lib/spelling.ts';

/** Every string inside front matter, without the field names. */
const stringsOf = (value: unknown): string[] =>
	typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsOf) : [];

export const GET: APIRoute = async () => {
	const content = await loadContent();
	const entries = [...content.docs, ...content.faqs, ...content.troubleshooting, ...content.disclosures, ...content.commission, ...content.terms];
	const words = vocabularyOf(entries.flatMap((e) => [...stringsOf(e.data), e.body ?? '']));
	return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json' } });
};
