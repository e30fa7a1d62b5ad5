/**
 * What the server does with one request, in order: refuse methods it does not serve, answer the
 * feedback API itself, refuse the on-demand image endpoint, answer GET and HEAD from the built
 * files, and hand whatever is left (the on-demand pages, the 404 page) to Astro.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFeedback, answerHealth, type ApiLimits } from './api.ts';
import { refusedSockets } from './connection-limit.ts';
import { serveSearchEvents } from './search-events/handler.ts';
import type { Runtime } from './runtime.ts';
import { resourcePolicy, setSecurityHeaders } from './security-headers.ts';
import type { StaticFiles } from './static-files.ts';

/** Astro's request handler, as the Node adapter's middleware mode exports it (dist/server/entry.mjs). */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppOptions {
	files: StaticFiles;
	astro: AstroHandler;
	runtime: Runtime;
	limits: ApiLimits;
	/** Set once shutdown begins: answers close their connection, and /api/health/ says 503. */
	state: { stopping: boolean };
}

/** Methods handed on to routing; pages answer GET and HEAD, the API POST, Astro the rest (404/405). */
const ROUTED = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Methods HTTP defines that no part of this site answers. */
const REFUSED = new Set(['TRACE', 'TRACK', 'CONNECT']);
export const ALLOW = 'GET, HEAD, POST';

/** A short plain-text answer (never a stack trace, never anything the request held). */
export function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	setSecurityHeaders(res, resourcePolicy);
	res.writeHead(status, {
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Splits a request target into its decoded path and its query (with its "?"), or null when it cannot be read. */
export function splitTarget(target: string | undefined): { path: string; query: string } | null {
	if (!target || target[0] !== '/') return null;
	const q = target.indexOf('?');
	const raw = q === -1 ? target : target.slice(0, q);
	try {
		const path = decodeURIComponent(raw);
		// No NUL, and no "." or ".." segment: nothing that could name a file outside the site.
		return path.includes('\0') || /(?:^|\/)\.\.?(?:\/|$)/.test(path)
			? null
			: { path, query: q === -1 ? '' : target.slice(q) };
	} catch {
		return null;
	}
}

export function createApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
	const { files, astro, runtime, limits, state } = options;
	return (req, res) => {
		// Over the per-client cap: already answered 429 on the socket.
		if (refusedSockets.has(req.socket)) {
			res.destroy();
			return;
		}
		if (state.stopping) res.setHeader('connection', 'close');
		const method = req.method ?? '';
		if (!ROUTED.has(method)) {
			if (REFUSED.has(method)) plain(res, 405, `${method} is not allowed here.\n`, { allow: ALLOW });
			else plain(res, 501, `${method} is not implemented here.\n`, { allow: ALLOW });
			return;
		}
		const target = splitTarget(req.url);
		if (!target) {
			plain(res, 400, 'The request path cannot be read.\n', { connection: 'close' });
			return;
		}
		const { path, query } = target;
		if (path === '/api/feedback/' || path === '/api/feedback') {
			answerFeedback(req, res, runtime, limits).catch((error: Error) => {
				console.error(`[feedback] The answer could not be sent: ${error.message}`);
				res.destroy();
			});
			return;
		}
		if (path === '/api/search-events/' || path === '/api/search-events') {
			setSecurityHeaders(res, resourcePolicy);
			serveSearchEvents(req, res, limits.bodyTimeoutMs).catch(
				(error: Error) => (console.error(`[support] The answer could not be sent: ${error.message}`), res.destroy()),
			);
			return;
		}
		if (path === '/api/health/' || path === '/api/health') {
			answerHealth(req, res, state);
			return;
		}
		// Astro's on-demand image service is not offered (see astro.config.mjs).
		if (path === '/_image' || path.startsWith('/_image/')) {
			files.notFound(req, res);
			return;
		}
		if ((method === 'GET' || method === 'HEAD') && files.serve(req, res, path, query)) return;
		// On-demand pages carry their own policy (Astro sets it); anything else Astro answers is the 404 page.
		setSecurityHeaders(res, files.notFoundPolicy);
		void astro(req, res);
	};
}
