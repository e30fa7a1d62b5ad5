/**
 * The search pipeline (src/lib/search-run.ts) in the browser, loaded on first use by the header
 * search box, the search page and the ask form's suggestions alike: the site's Pagefind bundle,
 * and the shards of the site's words (`/search/words/<letter>.json`), of the synonym table
 * (`/search/synonyms/<letter>.json`) and of the stem table (`/search/stems/<letter>.json`) a
 * question needs, each fetched once. Pagefind searches the index of the page's language
 * (`<html lang>`); the words are that language's too (`/de/search/words/<letter>.json` on a
 * German page), the stems English only.
 */
import { runSearch, type PagefindSearch, type SearchOptions, type SearchOutcome } from '../lib/search-run.ts';
import { searchRanking } from '../lib/search-ranking.ts';
import type { StemTable } from '../lib/search-stems.ts';
import type { SynonymTable } from '../lib/search-synonyms.ts';
import { localizedPath, locales, type LocaleKey } from '../i18n/locales.ts';

export { resultTitle } from '../lib/search-landing.ts';

// The index exists only in the built site; a variable path keeps the bundler from resolving it.
const bundle = '/pagefind/pagefind.js';
let pagefind: Promise<PagefindSearch> | undefined;
const shards = new Map<string, Promise<unknown>>();

const json = <T>(url: string, fallback: T): Promise<T> =>
	fetch(url)
		.then((r) => (r.ok ? (r.json() as Promise<T>) : fallback))
		.catch(() => fallback);

/** Loads Pagefind with the site's ranking; a failed load is tried again by the next search. */
export function loadPagefind(): Promise<PagefindSearch> {
	pagefind ??= import(/* @vite-ignore */ bundle).then(
		async (module: PagefindSearch & { options(o: object): Promise<void> }) => {
			await module.options({ ranking: searchRanking });
			return module;
		},
	);
	pagefind.catch(() => (pagefind = undefined));
	return pagefind;
}

/** The page's language, as Pagefind reads it to choose its index. */
const pageLang = (): string => document.documentElement.lang || 'en';

/** The locale whose language the page is in (its address prefix); the root for a language the site lacks. */
const pageLocale = (): LocaleKey =>
	(Object.entries(locales).find(([, { lang }]) => lang === pageLang())?.[0] as LocaleKey | undefined) ?? 'root';

const shardUrl = {
	words: (letter: string) => localizedPath(`/search/words/${letter}.json`, pageLocale()),
	synonyms: (letter: string) => localizedPath(`/search/synonyms/${letter}.json`, pageLocale()),
	stems: (letter: string) => `/search/stems/${letter}.json`,
};

/** The shards of a table for these letters, each fetched once. */
function shardsOf<T>(table: keyof typeof shardUrl, letters: string[], empty: T): Promise<T[]> {
	return Promise.all(
		letters.map((letter) => {
			const url = shardUrl[table](letter);
			let shard = shards.get(url) as Promise<T> | undefined;
			if (!shard) shards.set(url, (shard = json<T>(url, empty)));
			return shard;
		}),
	);
}
const vocabulary = async (letters: string[]): Promise<readonly string[]> =>
	(await shardsOf<string[]>('words', letters, [])).flat();
const synonyms = async (letters: string[]): Promise<SynonymTable> =>
	Object.assign({}, ...(await shardsOf<SynonymTable>('synonyms', letters, {}))) as SynonymTable;
const stems = async (letters: string[]): Promise<StemTable> =>
	Object.assign({}, ...(await shardsOf<StemTable>('stems', letters, {}))) as StemTable;

/**
 * Whether Pagefind searches the English index here: it picks the index by the page's language,
 * and the stem table holds English stems (another language's stemmer files words elsewhere).
 */
const englishIndex = (): boolean => /^en(-|$)/i.test(document.documentElement.lang || 'en');

/** Runs one search through the pipeline. */
export async function search(
	query: string,
	options: Omit<SearchOptions, 'vocabulary' | 'synonyms' | 'stems' | 'lang'> = {},
): Promise<SearchOutcome> {
	return runSearch(await loadPagefind(), query, {
		...options,
		vocabulary,
		synonyms,
		lang: pageLang(),
		...(englishIndex() ? { stems } : {}),
	});
}

/**
 * The audience the page being read is for, when it is for one alone (a customers' guide): the
 * header search box ranks that audience's answers first. Read from the page's search filters.
 */
export function pageAudience(): string | undefined {
	const audiences = [...document.querySelectorAll<HTMLElement>('[data-pagefind-filter^="audience:"]')].map((e) =>
		e.dataset['pagefindFilter']!.slice('audience:'.length),
	);
	return audiences.length === 1 ? audiences[0] : undefined;
}
