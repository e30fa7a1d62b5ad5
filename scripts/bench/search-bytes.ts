/**
 * The bytes a browser downloads for one search on a built site. The site's
 * own Pagefind bundle runs against a local HTTP server that records every file
 * it serves, making the calls Starlight's search box makes: load the filters,
 * search, then load the first page of results (5, Pagefind UI's page size).
 * A browser also fetches the search UI script, pagefind.js and Pagefind's web
 * worker, which Node does not need; they are added from the built files.
 */
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file a search downloads. */
export interface SearchFile {
	/** URL path, e.g. "/pagefind/wasm.en.pagefind". */
	path: string;
	/** Size on disk. */
	bytes: number;
	/** Size on the wire: Pagefind's binary files are gzipped already; text files as a server gzips them. */
	wireBytes: number;
	/**
	 * `ui`: Starlight's bundle of Pagefind's search box; `code`: Pagefind's
	 * runtime (the same for any site); `data`: index files, which depend on the content.
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

/** Runs one search for `query` against the site built into `clientDir` (the folder served to browsers). */
export async function measureSearch(clientDir: string, query: string): Promise<SearchCost> {
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
		const pagefind = (await import(pathToFileURL(join(clientDir, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
		await pagefind.options({ basePath: `http://127.0.0.1:${address.port}/pagefind/` });
		await pagefind.init();
		await pagefind.filters();
		const search = await pagefind.search(query);
		if (!search) throw new Error(`Pagefind returned no answer for "${query}".`);
		await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
		await pagefind.destroy?.();

		const paths = new Set(['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', ...searchUiScripts(clientDir), ...served]);
		const files = [...paths].map((path) => fileCost(clientDir, path));
		const sum = (list: SearchFile[]) => ({ bytes: list.reduce((n, f) => n + f.bytes, 0), wireBytes: list.reduce((n, f) => n + f.wireBytes, 0) });
		return { query, results: search.results.length, files, pagefind: sum(files.filter((f) => f.kind !== 'ui')), total: sum(files) };
	} finally {
		server.close();
	}
}

/** The part of Pagefind's browser API the search box uses. */
interface PagefindApi {
	options(options: { basePath: string }): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<unknown>;
	search(term: string): Promise<{ results: Array<{ data(): Promise<unknown> }> } | null>;
	destroy?(): Promise<void>;
}

/** Starlight bundles Pagefind's UI into a script of its own that the search box loads on first use. */
function searchUiScripts(clientDir: string): string[] {
	const dir = join(clientDir, '_astro');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.js') && readFileSync(join(dir, name), 'utf8').includes('pagefind-ui__'))
		.map((name) => `/_astro/${name}`);
}

function fileCost(clientDir: string, path: string): SearchFile {
	const body = readFileSync(join(clientDir, path));
	const gzipped = body[0] === 0x1f && body[1] === 0x8b;
	const kind = path.startsWith('/_astro/') ? 'ui' : /\.pf_(index|fragment|filter|meta)$|pagefind-entry\.json$/.test(path) ? 'data' : 'code';
	return { path, bytes: body.length, wireBytes: gzipped ? body.length : gzipSync(body).length, kind };
}
