/**
 * The site's words, most frequent first: the dictionary for correcting the spelling of a word
 * no page uses. Built with the pages; search fetches it once, with its first search.
 */
import type { APIRoute } from 'astro';
import { siteWordCounts } from './_words.ts';

export const GET: APIRoute = async () => {
	const words = [...(await siteWordCounts()).keys()];
	return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json' } });
};
