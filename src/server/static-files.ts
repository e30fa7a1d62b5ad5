/**
 * The built site's files (dist/client), answered for GET and HEAD. The files are listed once at
 * start-up, so a request path is looked up in that list and never joined onto a directory: no path
 * can reach outside it. Each file is sent as its brotli or gzip copy when the client accepts one
 * (the copies are written at build time, src/integrations/precompress.ts), with an ETag per encoding
 * for 304s and a year-long immutable cache for files whose names carry a content hash.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentType, isCompressible } from './content-types.ts';
import { resourcePolicy, setSecurityHeaders } from './security-headers.ts';

interface Variant {
	path: string;
	size: number;
	etag: string;
}

interface StaticFile {
	identity: Variant;
	br?: Variant;
	gzip?: Variant;
	type: string;
	lastModified: string;
	cacheControl: string;
	policy: string;
}

/** Names that carry a content hash and so never change: Astro's bundles, Pagefind's index, fragments and filters. */
const hashed = /^\/(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/[^/]+\.pf_meta$)/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may change with the next build: cached, but checked each time (a 304 when unchanged). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Which encoding to send: brotli before gzip, as the client accepts them (`q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
	if (!acceptEncoding) return null;
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name = '', ...params] = part.split(';').map((s) => s.trim());
		const q = params.find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	const wildcard = accepted.get('*') ?? 0;
	const quality = (name: string) => accepted.get(name) ?? wildcard;
	if (quality('br') > 0 && quality('br') >= quality('gzip')) return 'br';
	if (quality('gzip') > 0) return 'gzip';
	return null;
}

/** Whether an If-None-Match header names this ETag (weakly compared, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string, etag: string): boolean {
	if (ifNoneMatch.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export class StaticFiles {
	readonly #files = new Map<string, StaticFile>();
	/** Directories that hold an index.html: `/faq` answers with a redirect to `/faq/`. */
	readonly #directories = new Set<string>();
	/** The policy of the 404 page, for the answer Astro gives to paths that are nowhere. */
	readonly notFoundPolicy: string;

	/** Lists `root` (dist/client); `policies`: dist/_headers.json's Content-Security-Policy per page. */
	constructor(root: string, policies: ReadonlyMap<string, string>, fallbackPagePolicy: string) {
		const pagePolicy = (urlPath: string) => {
			const page = urlPath.replace(/(?:\/index)?\.html$/, '') || '/';
			return policies.get(page) ?? policies.get(page.replace(/\/$/, '')) ?? fallbackPagePolicy;
		};
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) {
					walk(path);
					continue;
				}
				if (!entry.isFile() || /\.(br|gz)$/.test(entry.name) || entry.name.startsWith('.')) continue;
				const urlPath = '/' + relative(root, path).split(sep).join('/');
				const stat = statSync(path);
				const tag = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
				const variant = (suffix: string, encoding: string): Variant | undefined => {
					try {
						return { path: path + suffix, size: statSync(path + suffix).size, etag: `"${tag}-${encoding}"` };
					} catch {
						return undefined;
					}
				};
				const type = contentType(path);
				const file: StaticFile = {
					identity: { path, size: stat.size, etag: `"${tag}"` },
					type,
					lastModified: stat.mtime.toUTCString(),
					cacheControl: hashed.test(urlPath) ? IMMUTABLE : REVALIDATE,
					policy: type.startsWith('text/html')
						? pagePolicy(urlPath)
						: type.startsWith('text/javascript')
							? "frame-ancestors 'none'"
							: resourcePolicy,
				};
				if (isCompressible(path)) {
					const br = variant('.br', 'br');
					const gzip = variant('.gz', 'gzip');
					if (br) file.br = br;
					if (gzip) file.gzip = gzip;
				}
				this.#files.set(urlPath, file);
				if (entry.name === 'index.html') this.#directories.add(urlPath.slice(0, -'/index.html'.length));
			}
		};
		walk(root);
		this.notFoundPolicy = pagePolicy('/404.html');
	}

	/** Reads the per-page policies the build wrote (dist/_headers.json), keyed by page path without a trailing slash. */
	static readPolicies(headersFile: string): Map<string, string> {
		const policies = new Map<string, string>();
		let entries: { pathname: string; headers: { key: string; value: string }[] }[];
		try {
			entries = JSON.parse(readFileSync(headersFile, 'utf8'));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return policies;
			throw new Error(`${headersFile} cannot be read: ${(error as Error).message}`, { cause: error });
		}
		for (const { pathname, headers } of entries) {
			const csp = headers.find((h) => h.key.toLowerCase() === 'content-security-policy');
			if (csp) policies.set(pathname.replace(/(.)\/$/, '$1'), csp.value);
		}
		return policies;
	}

	/** Answers 404 with the site's 404 page. */
	notFound(req: IncomingMessage, res: ServerResponse): void {
		const page = this.#files.get('/404.html');
		setSecurityHeaders(res, this.notFoundPolicy);
		const body = page ? readFileSync(page.identity.path) : Buffer.from('Not found.\n');
		res.writeHead(404, {
			'content-type': page ? page.type : 'text/plain; charset=utf-8',
			'content-length': body.byteLength,
			'cache-control': 'no-store',
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	}

	get size(): number {
		return this.#files.size;
	}

	/**
	 * Answers a GET or HEAD for `path` (decoded, without the query) and returns true, or returns false
	 * when no file is there (the request goes on to Astro).
	 */
	serve(req: IncomingMessage, res: ServerResponse, path: string, query: string): boolean {
		const file = this.#files.get(path.endsWith('/') ? `${path}index.html` : path);
		if (!file) {
			if (this.#directories.has(path)) {
				setSecurityHeaders(res, resourcePolicy);
				res
					.writeHead(301, { location: `${encodeURI(path)}/${query}`, 'cache-control': REVALIDATE, 'content-length': 0 })
					.end();
				return true;
			}
			return false;
		}
		const compressible = file.br !== undefined || file.gzip !== undefined;
		const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : null;
		const variant = (encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined) ?? file.identity;
		const used = variant === file.identity ? null : encoding;

		setSecurityHeaders(res, file.policy);
		res.setHeader('etag', variant.etag);
		res.setHeader('last-modified', file.lastModified);
		res.setHeader('cache-control', file.cacheControl);
		if (compressible) res.setHeader('vary', 'Accept-Encoding');

		const ifNoneMatch = req.headers['if-none-match'];
		const ifModifiedSince = req.headers['if-modified-since'];
		if (
			ifNoneMatch !== undefined
				? matches(ifNoneMatch, variant.etag)
				: ifModifiedSince !== undefined && ifModifiedSince === file.lastModified
		) {
			res.writeHead(304).end();
			return true;
		}
		res.setHeader('content-type', file.type);
		res.setHeader('content-length', variant.size);
		if (used) res.setHeader('content-encoding', used);
		res.writeHead(200);
		if (req.method === 'HEAD') {
			res.end();
			return true;
		}
		// A reader who leaves mid-file is no error worth a log line.
		pipeline(createReadStream(variant.path), res).catch(() => res.destroy());
		return true;
	}
}
