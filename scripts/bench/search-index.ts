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
import type { SynonymTable } from '../../src/lib/search-synonyms.ts';

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
	search(query: string, options?: Omit<SearchOptions, 'vocabulary' | 'synonyms'>): Promise<SearchOutcome>;
	/** Searches as one way in does: the landings it shows, best first. */
	entry(entry: SearchEntry, query: string): Promise<{ landings: Landing[] }>;
	/** Every filter value in the index with its page count. */
	filters(): Promise<Record<string, Record<string, number>>>;
	/** Stops the file server. */
	close(): Promise<void>;
}

let instances = 0;

/** Serves the files under `root` read-only; anything outside it is a 404. */
function staticServer(root: string): Server {
	return createServer(async (request, response) => {
		const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)));
		if (!path.startsWith(root + sep)) return void response.writeHead(404).end();
		try {
			response.writeHead(200).end(await readFile(path));
		} catch {
			response.writeHead(404).end();
		}
	});
}

/**
 * Opens the Pagefind index of the site built into `clientDir` (normally dist/client),
 * ranking as the site does unless another `ranking` is given (to try one out).
 */
export async function openSearchIndex(clientDir: string, { ranking = searchRanking }: { ranking?: object } = {}): Promise<SearchIndex> {
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
		await pagefind.init();
		// The spelling dictionary the search page fetches from the same build; a build from
		// before it existed (measured for comparison) searches without spelling correction.
		const wordsFile = join(clientDir, 'search', 'words.json');
		let words: Promise<string[]> | undefined;
		const vocabulary = () => (words ??= existsSync(wordsFile) ? readFile(wordsFile, 'utf8').then((text) => JSON.parse(text) as string[]) : Promise.resolve([]));
		// The synonym table's shards, as the browser fetches them; none in a build from before they existed.
		const shard = (letter: string) => join(clientDir, 'search', 'synonyms', `${letter}.json`);
		const synonyms = async (letters: string[]): Promise<SynonymTable> =>
			Object.assign({}, ...(await Promise.all(letters.map((l) => (existsSync(shard(l)) ? readFile(shard(l), 'utf8').then((t) => JSON.parse(t) as SynonymTable) : {})))));
		const search: SearchIndex['search'] = (query, options) => runSearch(pagefind, query, { ...options, vocabulary, synonyms });
		// The same pipeline everywhere; each way in shows its own number of answers.
		const entries: Record<SearchEntry, (query: string) => Promise<{ landings: Landing[] }>> = {
			'header box': (query) => search(query, { limit: 5 }),
			'search page': (query) => search(query, { limit: 10 }),
			suggestions: (query) => search(query, { limit: 5 }),
		};
		return {
			search,
			entry: (entry, query) => entries[entry](query),
			filters: () => pagefind.filters(),
			close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		};
	} catch (cause) {
		server.close();
		throw new Error(`Failed to load the search index from ${script}.`, { cause });
	}
}
