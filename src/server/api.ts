/**
 * The feedback API on node:http: `/api/feedback/` (src/server/handler.ts does the work) and
 * `/api/health/`. A thin adapter: it takes the body off the connection within the deadline, hands
 * the handler a web Request, and writes its Response back. Used by the built server (main.ts) and
 * by `astro dev` (src/integrations/dev-feedback.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalResponse, refusals, safeJson } from './errors.ts';
import { handleFeedback } from './handler.ts';
import { readNodeBody } from './read-body.ts';
import type { Runtime } from './runtime.ts';
import { resourcePolicy, setSecurityHeaders } from './security-headers.ts';

export interface ApiLimits {
	/** Time a client has to send its whole body, from the moment its headers arrived. */
	bodyTimeoutMs: number;
}

export const defaultLimits: ApiLimits = { bodyTimeoutMs: 10_000 };

/** Writes a web Response to node:http; `close`: end the connection after it (unread bytes are left on it). */
async function send(res: ServerResponse, response: Response, close: boolean): Promise<void> {
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => {
		headers[name] = value;
	});
	if (close) headers['connection'] = 'close';
	const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
	if (body) headers['content-length'] = String(body.byteLength);
	res.writeHead(response.status, headers);
	res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Request headers as the Fetch API holds them (node:http joins repeated ones, as Headers would). */
function webHeaders(req: IncomingMessage): Headers {
	const headers = new Headers();
	for (const name in req.headers) {
		const value = req.headers[name];
		if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
	}
	return headers;
}

/** Answers one request to `/api/feedback/`. */
export async function answerFeedback(req: IncomingMessage, res: ServerResponse, runtime: Runtime, limits: ApiLimits): Promise<void> {
	setSecurityHeaders(res, resourcePolicy);
	const method = req.method ?? 'GET';
	const body = method === 'POST' ? await readNodeBody(req, runtime.config.FEEDBACK_MAX_BODY_BYTES, limits.bodyTimeoutMs) : ({ ok: true, bytes: null, complete: true } as const);
	if (!body.ok) {
		// Nobody to answer when the client went away.
		if (body.refusal) await send(res, refusalResponse(body.refusal), true);
		else res.destroy();
		return;
	}
	let response: Response;
	try {
		const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
			method: method === 'HEAD' ? 'GET' : method,
			headers: webHeaders(req),
			body: body.bytes as Uint8Array<ArrayBuffer> | null,
		});
		response = await handleFeedback(request, { clientAddress: req.socket.remoteAddress ?? '' }, runtime);
	} catch (error) {
		// Only input can get here (storage failures are answered inside): log it for a fix, refuse the request.
		console.error(`[feedback] A request could not be processed: ${(error as Error).message}`);
		response = refusalResponse(refusals.unreadable());
	}
	if (res.destroyed) return;
	await send(res, response, !body.complete);
}

/** Answers `/api/health/`: 200 while the server takes requests, 503 once it is shutting down (so a load balancer stops sending). */
export function answerHealth(req: IncomingMessage, res: ServerResponse, state: { stopping: boolean }): void {
	setSecurityHeaders(res, resourcePolicy);
	const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end(safeJson({ error: { code: 'method_not_allowed', message: `Ask for the server's health with GET, not ${req.method}.`, fields: [] } }));
		return;
	}
	const body = safeJson(state.stopping ? { status: 'stopping' } : { status: 'ok' });
	res.writeHead(state.stopping ? 503 : 200, { ...headers, 'content-length': Buffer.byteLength(body) });
	res.end(req.method === 'HEAD' ? undefined : body);
}
