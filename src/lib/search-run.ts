/**
 * One search, as both the search page (in the browser) and the relevance benchmark (in Node)
 * run it, so that what is measured is what readers get.
 */
import { fillerWords } from './filler-words.ts';
import { landingFor, type Landing, type PagefindResultData } from './search-landing.ts';
import { correctQuery } from './spelling.ts';

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
	/** The query Pagefind was given: the reader's, without filler words, or with its spelling corrected. */
	searched: string;
	/** Whether `searched` is a spelling correction of what the reader typed. */
	corrected: boolean;
}

/** Options for one search. */
export interface SearchOptions {
	/** Filter name to value(s), as Pagefind takes them. */
	filters?: Record<string, string | string[]>;
	/** How many results to load; default 10. */
	limit?: number;
	/** The site's words, most frequent first; when given, a search that finds nothing is tried again spelled as the site spells. */
	vocabulary?: () => Promise<readonly string[]>;
}

/**
 * Searches for `query` without its filler words (with them when that finds nothing). A word
 * the site never uses cannot match exactly, and Pagefind's loose matches for it are poor
 * ("comission" finds pages about reversals, not commissions), so when the site's words are
 * given, a query with such a word is first tried spelled as the site spells.
 */
export async function runSearch(pagefind: PagefindSearch, query: string, { filters, limit = 10, vocabulary }: SearchOptions = {}): Promise<SearchOutcome> {
	const options = filters && Object.keys(filters).length > 0 ? { filters } : {};
	const search = async (q: string) => (await pagefind.search(q, options))?.results ?? [];
	const relaxed = withoutFillerWords(query.trim());
	const respelled = vocabulary ? correctQuery(relaxed ?? query.trim(), await vocabulary()) : undefined;
	let [searched, found, corrected] = [relaxed ?? query.trim(), [] as Awaited<ReturnType<typeof search>>, false];
	if (respelled) {
		found = await search(respelled);
		if (found.length > 0) [searched, corrected] = [respelled, true];
	}
	if (found.length === 0) found = await search(searched);
	if (found.length === 0 && relaxed) {
		searched = query.trim();
		found = await search(searched);
	}
	const landings = (await Promise.all(found.slice(0, limit).map((r) => r.data()))).map(landingFor);
	return { landings, total: found.length, searched, corrected };
}
