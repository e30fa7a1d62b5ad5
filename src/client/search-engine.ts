/**
 * The search pipeline (src/lib/search-run.ts) in the browser, loaded on first use by the header
 * search box, the search page and the ask form's suggestions alike: the site's Pagefind bundle,
 * its words (`/search/words.json`) and the shards of the synonym table a question needs
 * (`/search/synonyms/<letter>.json`), each fetched once.
 */
import { runSearch, type PagefindSearch, type SearchOptions, type SearchOutcome } from '../lib/search-run.ts';
import { searchRanking } from '../lib/search-ranking.ts';
import type { SynonymTable } from '../lib/search-synonyms.ts';

export { resultTitle } from '../lib/search-landing.ts';

// The index exists only in the built site; a variable path keeps the bundler from resolving it.
const bundle = '/pagefind/pagefind.js';
let pagefind: Promise<PagefindSearch> | undefined;
let words: Promise<readonly string[]> | undefined;
const shards = new Map<string, Promise<SynonymTable>>();

const json = <T>(url: string, fallback: T): Promise<T> =>
	fetch(url)
		.then((r) => (r.ok ? (r.json() as Promise<T>) : fallback))
		.catch(() => fallback);

/** Loads Pagefind with the site's ranking, and the site's words beside it; a failed load is tried again by the next search. */
export function loadPagefind(): Promise<PagefindSearch> {
	void vocabulary();
	pagefind ??= import(/* @vite-ignore */ bundle).then(async (module: PagefindSearch & { options(o: object): Promise<void> }) => {
		await module.options({ ranking: searchRanking });
		return module;
	});
	pagefind.catch(() => (pagefind = undefined));
	return pagefind;
}

function vocabulary(): Promise<readonly string[]> {
	return (words ??= json<string[]>('/search/words.json', []));
}
const synonyms = async (letters: string[]): Promise<SynonymTable> => {
	const tables = await Promise.all(
		letters.map((letter) => {
			let shard = shards.get(letter);
			if (!shard) shards.set(letter, (shard = json<SynonymTable>(`/search/synonyms/${letter}.json`, {})));
			return shard;
		}),
	);
	return Object.assign({}, ...tables) as SynonymTable;
};

/** Runs one search through the pipeline. */
export async function search(query: string, options: Omit<SearchOptions, 'vocabulary' | 'synonyms'> = {}): Promise<SearchOutcome> {
	return runSearch(await loadPagefind(), query, { ...options, vocabulary, synonyms });
}

/**
 * The audience the page being read is for, when it is for one alone (a customers' guide): the
 * header search box ranks that audience's answers first. Read from the page's search filters.
 */
export function pageAudience(): string | undefined {
	const audiences = [...document.querySelectorAll<HTMLElement>('[data-pagefind-filter^="audience:"]')].map((e) => e.dataset['pagefindFilter']!.slice('audience:'.length));
	return audiences.length === 1 ? audiences[0] : undefined;
}
