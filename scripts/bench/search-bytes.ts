/**
 * The bytes a browser downloads for one search on a built site. The site's
 * own Pagefind bundle runs against a local HTTP server that records every file
 * it serves, making the calls the site's search box makes. On this project's
 * site (it has /search/words.json), that is the search pipeline the header box
 * runs (src/lib/search-run.ts, 5 answers; the shards of the site's words, of the synonym
 * table and of the stem table it needs fetched from the same server). On a bare Starlight site, it
 * is what Starlight's box does: load the filters, search, then load the first
 * page of results (5, Pagefind UI's page size).
 * A browser also fetches the search box's scripts, pagefind.js and Pagefind's
 * web worker, which Node does not need; they are added from the built files.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runSearch, type PagefindSearch } from '../../src/lib/search-run.ts';
import { searchRanking } from '../../src/lib/search-ranking.ts';
import type { StemTable } from '../../src/lib/search-stems.ts';
import type { SynonymTable } from '../../src/lib/search-synonyms.ts';

/** One file a search downloads. */
export interface SearchFile {
	/** URL path, e.g. "/pagefind/wasm.en.pagefind". */
	path: string;
	/** Size on disk. */
	bytes: number;
	/** Size on the wire: Pagefind's binary files are gzipped already; text files as a server gzips them. */
	wireBytes: number;
	/**
	 * `ui`: the search box's scripts (Starlight's bundle of Pagefind's UI, or this site's
	 * search box and pipeline); `code`: Pagefind's runtime (the same for any site); `data`:
	 * index files and the site's word lists, which depend on the content.
	 */
	kind: 'ui' | 'code' | 'data';
}

/** What one search cost. */
export interface SearchCost {
	query: string;
	results: number;
	files: SearchFile[];
	/** Pagefind's own files (runtime and index), on disk and over the wire. */
	pagefind: { bytes: number; wireBytes: number };
	/** Pagefind's files plus the search box script. */
	total: { bytes: number; wireBytes: number };
}

/**
 * Runs one search for `query` against the site built into `clientDir` (the folder served to browsers),
 * in the index of `language` (a browser takes it from the page's `lang`; without it, Pagefind's largest).
 */
export async function measureSearch(clientDir: string, query: string, language?: string): Promise<SearchCost> {
	const served: string[] = [];
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		const file = join(clientDir, normalize(path));
		if (!file.startsWith(clientDir + sep)) {
			res.writeHead(403).end();
			return;
		}
		try {
			const body = readFileSync(file);
			served.push(path);
			res.writeHead(200, { 'content-length': body.length }).end(body);
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const address = server.address();
		if (!address || typeof address === 'string') throw new Error('The search server has no port.');
		const origin = `http://127.0.0.1:${address.port}`;
		const pagefind = (await import(pathToFileURL(join(clientDir, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
		const pipeline = existsSync(join(clientDir, 'search', 'words.json'));
		let results: number;
		if (pipeline) {
			// As src/client/search-engine.ts loads them: the ranking, the site's words, the synonym and stem shards.
			await pagefind.options({
				basePath: `${origin}/pagefind/`,
				ranking: searchRanking,
				...(language && { language }),
			});
			const json = async <T>(path: string, fallback: T) => {
				const response = await fetch(`${origin}${path}`);
				return response.ok ? ((await response.json()) as T) : fallback;
			};
			const outcome = await runSearch(pagefind, query, {
				limit: 5,
				vocabulary: async (letters) =>
					(await Promise.all(letters.map((l) => json<string[]>(`/search/words/${l}.json`, [])))).flat(),
				synonyms: async (letters) =>
					Object.assign(
						{},
						...(await Promise.all(letters.map((l) => json<SynonymTable>(`/search/synonyms/${l}.json`, {})))),
					) as SynonymTable,
				// The stem table holds English stems: the browser uses it on English pages only.
				...((!language || /^en(-|$)/i.test(language)) && {
					stems: async (letters: string[]) =>
						Object.assign(
							{},
							...(await Promise.all(letters.map((l) => json<StemTable>(`/search/stems/${l}.json`, {})))),
						) as StemTable,
				}),
			});
			results = outcome.total;
		} else {
			await pagefind.options({ basePath: `${origin}/pagefind/`, ...(language && { language }) });
			await pagefind.init();
			await pagefind.filters();
			const search = await pagefind.search(query);
			if (!search) throw new Error(`Pagefind returned no answer for "${query}".`);
			await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
			results = search.results.length;
		}
		await pagefind.destroy?.();

		const paths = new Set([
			'/pagefind/pagefind.js',
			'/pagefind/pagefind-worker.js',
			...searchUiScripts(clientDir, pipeline),
			...served,
		]);
		const files = [...paths].map((path) => fileCost(clientDir, path));
		const sum = (list: SearchFile[]) => ({
			bytes: list.reduce((n, f) => n + f.bytes, 0),
			wireBytes: list.reduce((n, f) => n + f.wireBytes, 0),
		});
		return { query, results, files, pagefind: sum(files.filter((f) => f.kind !== 'ui')), total: sum(files) };
	} finally {
		server.close();
	}
}

/** The part of Pagefind's browser API the search boxes use. */
interface PagefindApi extends PagefindSearch {
	options(options: object): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<unknown>;
	destroy?(): Promise<void>;
}

/**
 * The search box's scripts. Starlight bundles Pagefind's UI into a script of its own that the
 * box loads on first use; this site's box is a small script on every page that loads the
 * pipeline's module (the one that fetches the site's words) when it is opened, with the
 * modules that one imports.
 */
function searchUiScripts(clientDir: string, pipeline: boolean): string[] {
	const dir = join(clientDir, '_astro');
	const source = (name: string) => readFileSync(join(dir, name), 'utf8');
	const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'));
	const roots = scripts.filter((name) =>
		pipeline
			? /customElements\.define\(["`]site-search["`]|\/search\/words\//.test(source(name))
			: source(name).includes('pagefind-ui__'),
	);
	// Follow static imports ("./chunk.js") so that shared chunks count once.
	const found = new Set<string>();
	const visit = (name: string) => {
		if (found.has(name) || !scripts.includes(name)) return;
		found.add(name);
		for (const m of source(name).matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g))
			visit(m[1]!);
	};
	roots.forEach(visit);
	return [...found].map((name) => `/_astro/${name}`);
}

function fileCost(clientDir: string, path: string): SearchFile {
	const body = readFileSync(join(clientDir, path));
	const gzipped = body[0] === 0x1f && body[1] === 0x8b;
	const kind = path.startsWith('/_astro/')
		? 'ui'
		: /\.pf_(index|fragment|filter|meta)$|pagefind-entry\.json$|^\/search\/.*\.json$/.test(path)
			? 'data'
			: 'code';
	return { path, bytes: body.length, wireBytes: gzipped ? body.length : gzipSync(body).length, kind };
}
