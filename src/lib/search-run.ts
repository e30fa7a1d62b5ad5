/**
 * One search, as both the search page (in the browser) and the relevance benchmark (in Node)
 * run it, so that what is measured is what readers get.
 */
import { fillerWords } from './filler-words.ts';
import { landingFor, type Landing, type PagefindResultData } from './search-landing.ts';

/** The part of Pagefind's API a search needs. */
export interface PagefindSearch {
	search(
		query: string,
		options?: { filters?: Record<string, string | string[]> },
	): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

// Pagefind returns only pages holding every word of the query, so "how to disclose on
// instagram" finds nothing when no page says "how", and "what am i not allowed to do" finds
// the pages that happen to say "what", "am" and "do". The words that carry the subject are
// searched first; the whole question only when they find nothing.
/** The query without filler words, or undefined when that changes nothing or leaves nothing. */
export function withoutFillerWords(query: string): string | undefined {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	const kept = words.filter((w) => !fillerWords.has(w));
	return kept.length > 0 && kept.length < words.length ? kept.join(' ') : undefined;
}

/** What a search found. */
export interface SearchOutcome {
	/** The best results, at most `limit`. */
	landings: Landing[];
	/** How many pages matched in all. */
	total: number;
	/** The query Pagefind was given: the reader's, or the reader's without filler words. */
	searched: string;
}

/** Searches for `query` without its filler words, or with them when that finds nothing. */
export async function runSearch(
	pagefind: PagefindSearch,
	query: string,
	{ filters, limit = 10 }: { filters?: Record<string, string | string[]>; limit?: number } = {},
): Promise<SearchOutcome> {
	const options = filters && Object.keys(filters).length > 0 ? { filters } : {};
	const relaxed = withoutFillerWords(query.trim());
	let searched = relaxed ?? query.trim();
	let found = (await pagefind.search(searched, options))?.results ?? [];
	if (found.length === 0 && relaxed) {
		searched = query.trim();
		found = (await pagefind.search(searched, options))?.results ?? [];
	}
	const landings = (await Promise.all(found.slice(0, limit).map((r) => r.data()))).map(landingFor);
	return { landings, total: found.length, searched };
}
