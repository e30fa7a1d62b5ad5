/**
 * The built site's real Pagefind index, queried from Node exactly as a browser queries it:
 * the site's own `pagefind/pagefind.js` loads its WebAssembly and index chunks over HTTP
 * from a small static server on 127.0.0.1, with the same ranking the site uses.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchRanking } from '../../src/lib/search-ranking.ts';
import { runSearch, type PagefindSearch, type SearchOptions, type SearchOutcome } from '../../src/lib/search-run.ts';
import type { Landing } from '../../src/lib/search-landing.ts';
import type { StemTable } from '../../src/lib/search-stems.ts';
import type { SynonymTable } from '../../src/lib/search-synonyms.ts';
import { locales } from '../../src/i18n/locales.ts';

/** The ways a reader searches: the header search box, the search page, the ask form's suggestions. */
export const searchEntries = ['header box', 'search page', 'suggestions'] as const;
export type SearchEntry = (typeof searchEntries)[number];

/** The parts of Pagefind's browser API this module calls. */
interface PagefindApi extends PagefindSearch {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

/** A search over the built index. */
export interface SearchIndex {
	/** Searches as every search box does: answers best first (at most `limit`), the total and the words searched. */
	search(query: string, options?: Omit<SearchOptions, 'vocabulary' | 'synonyms' | 'stems'>): Promise<SearchOutcome>;
	/** Searches as one way in does: the landings it shows, best first. */
	entry(entry: SearchEntry, query: string): Promise<{ landings: Landing[] }>;
	/** Pagefind's own search for `query` as typed, without the pipeline: the first `limit` pages' URLs. */
	raw(query: string, limit: number): Promise<string[]>;
	/** Pagefind's own search for `query` as typed: every page found, as its id and score, no page loaded. */
	hits(query: string): Promise<Array<{ id: string; score: number | undefined }>>;
	/** Every filter value in the index with its page count. */
	filters(): Promise<Record<string, Record<string, number>>>;
	/** Stops the file server. */
	close(): Promise<void>;
}

let instances = 0;

/** The address prefix of the locale in language `lang`: none for the root ("en"), ["de"] for German. */
function localeOf(lang: string): string[] {
	const key = Object.entries(locales).find(([, l]) => l.lang === lang)?.[0];
	if (!key)
		throw new Error(
			`No locale has the language "${lang}"; the site's are ${Object.values(locales)
				.map((l) => l.lang)
				.join(', ')}.`,
		);
	return key === 'root' ? [] : [key];
}

/** Serves the files under `root` read-only; anything outside it is a 404. */
function staticServer(root: string): Server {
	return createServer((request, response) => {
		let path: string;
		try {
			path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)));
		} catch {
			return void response.writeHead(400).end();
		}
		if (!path.startsWith(root + sep)) return void response.writeHead(404).end();
		readFile(path).then(
			(body) => response.writeHead(200).end(body),
			() => response.writeHead(404).end(),
		);
	});
}

/**
 * Opens the Pagefind index of the site built into `clientDir` (normally dist/client),
 * ranking as the site does unless another `ranking` is given (to try one out), in the language
 * `lang` (a locale's, "de"), as a page of that language searches it: English by default.
 */
export async function openSearchIndex(
	clientDir: string,
	{ ranking = searchRanking, lang = 'en' }: { ranking?: object; lang?: string } = {},
): Promise<SearchIndex> {
	const script = join(clientDir, 'pagefind', 'pagefind.js');
	if (!existsSync(script)) {
		throw new Error(`No search index at ${script}: build the site first (npm run build).`);
	}
	const server = staticServer(clientDir);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	try {
		// A module instance of its own: Pagefind keeps its options and loaded chunks in module state.
		const pagefind = (await import(`${pathToFileURL(script).href}?instance=${++instances}`)) as PagefindApi;
		// Result URLs stay site-relative ("/faq/payments/"), as the browser sees them.
		await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/`, baseUrl: '/', ranking });
		// Pagefind takes its language's index from the page's <html lang>; outside a browser there is none and it
		// would take the language with the most pages. It reads the language once, as it starts: say which here.
		const global = globalThis as { document?: unknown };
		const own = Object.getOwnPropertyDescriptor(global, 'document');
		global.document = { querySelector: () => ({ getAttribute: () => lang }) };
		try {
			await pagefind.init();
		} finally {
			if (own) Object.defineProperty(global, 'document', own);
			else delete global.document;
		}
		const prefix = localeOf(lang);
		// The shards of the site's words, of the synonym table and of the stem table, as the browser fetches them;
		// none in a build from before they existed (measured for comparison).
		const shard = <T>(table: string, letter: string, empty: T): Promise<T> => {
			const file = join(clientDir, ...prefix, 'search', table, `${letter}.json`);
			return existsSync(file) ? readFile(file, 'utf8').then((t) => JSON.parse(t) as T) : Promise.resolve(empty);
		};
		const vocabulary = async (letters: string[]) =>
			(await Promise.all(letters.map((l) => shard<string[]>('words', l, [])))).flat();
		const synonyms = async (letters: string[]): Promise<SynonymTable> =>
			Object.assign({}, ...(await Promise.all(letters.map((l) => shard<SynonymTable>('synonyms', l, {})))));
		// The stem table holds English stems: used for the English index only, as in the browser.
		const stems = async (letters: string[]): Promise<StemTable> =>
			Object.assign({}, ...(await Promise.all(letters.map((l) => shard<StemTable>('stems', l, {})))));
		const search: SearchIndex['search'] = (query, options) =>
			runSearch(pagefind, query, { ...options, vocabulary, synonyms, lang, ...(/^en(-|$)/i.test(lang) && { stems }) });
		// The same pipeline everywhere; each way in shows its own number of answers.
		const entries: Record<SearchEntry, (query: string) => Promise<{ landings: Landing[] }>> = {
			'header box': (query) => search(query, { limit: 5 }),
			'search page': (query) => search(query, { limit: 10 }),
			suggestions: (query) => search(query, { limit: 5 }),
		};
		return {
			search,
			entry: (entry, query) => entries[entry](query),
			raw: async (query, limit) =>
				Promise.all(
					((await pagefind.search(query))?.results ?? [])
						.slice(0, limit)
						.map(async (r) => (await r.data()).url.replace(/#.*$/, '')),
				),
			hits: async (query) => ((await pagefind.search(query))?.results ?? []).map((r) => ({ id: r.id, score: r.score })),
			filters: () => pagefind.filters(),
			close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		};
	} catch (cause) {
		server.close();
		throw new Error(`Failed to load the search index from ${script}.`, { cause });
	}
}
