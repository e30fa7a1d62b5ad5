/**
 * The feedback API on node:http: `/api/feedback/` (src/server/handler.ts does the work) and
 * `/api/health/`. A thin adapter: it takes the body off the connection within the deadline, hands
 * the handler the request (node:http's own headers behind the Headers interface, the bytes read),
 * and writes its answer back. Used by the built server (main.ts) and by `astro dev`
 * (src/integrations/dev-feedback.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalResponse, refusals, safeJson, type FeedbackResponse } from './errors.ts';
import { handleFeedback } from './handler.ts';
import { readNodeBody, type FeedbackRequest } from './read-body.ts';
import type { Runtime } from './runtime.ts';
import { baseHeaders, resourcePolicy, setSecurityHeaders } from './security-headers.ts';

export interface ApiLimits {
	/** Time a client has to send its whole body, from the moment its headers arrived. */
	bodyTimeoutMs: number;
}

export const defaultLimits: ApiLimits = { bodyTimeoutMs: 10_000 };

/** The security headers of every API answer. */
const apiHeaders: Readonly<Record<string, string>> = { ...baseHeaders, 'content-security-policy': resourcePolicy };

/**
 * Writes an answer with its security headers; `close`: end the connection after it (unread bytes are
 * left on it). One writeHead with every header, which node:http writes without merging header by header.
 */
function send(res: ServerResponse, response: FeedbackResponse, close: boolean): void {
	const headers: Record<string, string | number> = { ...apiHeaders, ...response.headers };
	if (close) headers['connection'] = 'close';
	headers['content-length'] = response.body === null ? 0 : Buffer.byteLength(response.body);
	res.writeHead(response.status, headers);
	res.end(res.req.method === 'HEAD' ? undefined : (response.body ?? undefined));
}

/**
 * node:http's parsed headers behind the Headers interface, read in place, so that no request copies
 * every header into a web Headers or has a web Request built round it.
 */
class NodeHeaders extends Headers {
	readonly #raw: IncomingMessage['headers'];
	readonly #contentLength: string | null;
	constructor(raw: IncomingMessage['headers'], contentLength: string | null) {
		super();
		this.#raw = raw;
		this.#contentLength = contentLength;
	}
	override get(name: string): string | null {
		const key = name.toLowerCase();
		if (key === 'content-length') return this.#contentLength;
		const value = this.#raw[key];
		return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
	}
	override has(name: string): boolean {
		return this.get(name) !== null;
	}
	override forEach(callback: (value: string, name: string, parent: Headers) => void): void {
		for (const name in this.#raw) callback(this.get(name)!, name, this);
	}
}

/** The request the handler reads: the method, URL, headers, and the body already read off the connection. */
function feedbackRequest(req: IncomingMessage, bytes: Buffer | null, complete: boolean): FeedbackRequest {
	const declared = req.headers['content-length'];
	// A body read to its end has the length read; one cut short at the limit declares that, so it is refused as too large.
	const contentLength = bytes ? String(bytes.byteLength) : declared !== undefined && !complete ? declared : null;
	// A copy with an ArrayBuffer of its own (a Buffer may share a pooled one).
	const body = bytes ? new Uint8Array(bytes) : null;
	return {
		method: req.method ?? 'GET',
		url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
		headers: new NodeHeaders(req.headers, contentLength),
		get body() {
			return body ? new Blob([body]).stream() : null;
		},
		arrayBuffer: async () => (body ? body.buffer : new ArrayBuffer(0)),
	};
}

/** Answers one request to `/api/feedback/`. */
export async function answerFeedback(
	req: IncomingMessage,
	res: ServerResponse,
	runtime: Runtime,
	limits: ApiLimits,
): Promise<void> {
	const method = req.method ?? 'GET';
	const body =
		method === 'POST'
			? await readNodeBody(req, runtime.config.FEEDBACK_MAX_BODY_BYTES, limits.bodyTimeoutMs)
			: ({ ok: true, bytes: null, complete: true } as const);
	if (!body.ok) {
		// Nobody to answer when the client went away.
		if (body.refusal) send(res, refusalResponse(body.refusal), true);
		else res.destroy();
		return;
	}
	let response: FeedbackResponse;
	try {
		response = await handleFeedback(
			feedbackRequest(req, body.bytes, body.complete),
			{ clientAddress: req.socket.remoteAddress ?? '' },
			runtime,
		);
	} catch (error) {
		// Only input can get here (storage failures are answered inside): log it for a fix, refuse the request.
		console.error(`[feedback] A request could not be processed: ${(error as Error).message}`);
		response = refusalResponse(refusals.unreadable());
	}
	if (res.destroyed) return;
	send(res, response, !body.complete);
}

/** Answers `/api/health/`: 200 while the server takes requests, 503 once it is shutting down (so a load balancer stops sending). */
export function answerHealth(req: IncomingMessage, res: ServerResponse, state: { stopping: boolean }): void {
	setSecurityHeaders(res, resourcePolicy);
	const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end(
			safeJson({
				error: {
					code: 'method_not_allowed',
					message: `Ask for the server's health with GET, not ${req.method}.`,
					fields: [],
				},
			}),
		);
		return;
	}
	const body = safeJson(state.stopping ? { status: 'stopping' } : { status: 'ok' });
	res.writeHead(state.stopping ? 503 : 200, { ...headers, 'content-length': Buffer.byteLength(body) });
	res.end(req.method === 'HEAD' ? undefined : body);
}
