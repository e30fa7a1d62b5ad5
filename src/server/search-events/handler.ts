/**
 * `POST /api/search-events/`: a batch of search events from the browser (sendBeacon sends
 * `text/plain`; `application/json` is accepted too) → origin and rate checks → validate (masking
 * happens in the schema) → count into the day → 204. `GET` returns the groups the team marked as
 * answered, for the search box and the ask form's suggestions.
 *
 * The core works on plain values, with two thin doors: one for a Web `Request` (Astro's route) and
 * one for node:http (the server entry's fast path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatPath } from '../../lib/errors.ts';
import { searchEventBatchSchema } from '../../schemas/search-event.ts';
import { defaultLimits } from '../api.ts';
import { jsonHeaders, refusals, safeJson, type Refusal } from '../errors.ts';
import { clientKey } from '../guards.ts';
import { readLimited, readNodeBody } from '../read-body.ts';
import { getSupportRuntime, type SupportRuntime } from './runtime.ts';

/** Largest body accepted: 50 events with long queries fit in a quarter of it. */
export const maxSearchEventBytes = 65_536;

/** A request, reduced to what the endpoint reads. */
export interface EventRequest {
	method: string;
	/** Header values by lower-case name. */
	headers: Headers;
	/** The address the server was reached at (its origin may post). */
	origin: string;
	clientAddress: string;
	/** Reads the body, or says why it cannot (larger than `limit` bytes, too slow). */
	body(limit: number): Promise<Uint8Array | Refusal>;
}

/** What the endpoint answers. */
export interface EventAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const refuse = (
	status: number,
	code: string,
	message: string,
	fields: Array<{ field: string; message: string }> = [],
	extra: Record<string, string> = {},
): EventAnswer => ({
	status,
	headers: { ...jsonHeaders, ...extra },
	body: safeJson({ error: { code, message, fields } }),
});
/** The answer when the counts cannot be reached or written. */
export const eventsUnavailable = (): EventAnswer =>
	refuse(503, 'store_unavailable', 'The search events could not be counted right now; nothing was recorded.', [], {
		'retry-after': '30',
	});
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The endpoint, framework-free. */
export async function answerSearchEvents(request: EventRequest, runtime: SupportRuntime): Promise<EventAnswer> {
	if (runtime.config.SEARCH_EVENTS === 'off')
		return refuse(404, 'search_events_off', 'This server does not count searches (SEARCH_EVENTS=off).');
	if (request.method === 'GET' || request.method === 'HEAD') {
		const answers = await runtime.auth.answeredGroups();
		return {
			status: 200,
			headers: { ...jsonHeaders, 'cache-control': 'public, max-age=300' },
			body: safeJson({ answers }),
		};
	}
	if (request.method !== 'POST')
		return refuse(405, 'method_not_allowed', `Send search events with POST, not ${request.method}.`, [], {
			allow: 'GET, HEAD, POST',
		});

	// A browser says where a post comes from (Origin, Sec-Fetch-Site); another site's pages may not inflate the counts.
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	const crossSite =
		(site !== null && site !== 'same-origin' && site !== 'none') ||
		(origin !== null && origin !== request.origin && !runtime.allowedOrigins.has(origin));
	if (crossSite)
		return refuse(
			403,
			'cross_site',
			`Search events are accepted only from this site's own pages; these came from ${request.headers.get('origin') ?? 'another site'}.`,
		);

	const wait = runtime.eventLimiter.take(
		clientKey(request.headers, request.clientAddress, runtime.feedback.FEEDBACK_TRUSTED_PROXIES),
	);
	if (wait > 0)
		return refuse(429, 'rate_limited', `Too many search events from your address; try again in ${wait} s.`, [], {
			'retry-after': String(wait),
		});

	const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (mediaType !== 'text/plain' && mediaType !== 'application/json') {
		return refuse(
			415,
			'unsupported_media_type',
			`Send the events as application/json or text/plain (what sendBeacon sends); received ${mediaType ? JSON.stringify(mediaType) : 'no content type'}.`,
			[{ field: 'content-type', message: 'Expected application/json or text/plain.' }],
		);
	}
	const bytes = await request.body(maxSearchEventBytes);
	if (!(bytes instanceof Uint8Array))
		return refuse(bytes.status, bytes.code, bytes.message, bytes.fields, bytes.headers);
	let value: unknown;
	try {
		value = JSON.parse(decoder.decode(bytes));
	} catch (error) {
		const detail = error instanceof TypeError ? 'it is not valid UTF-8.' : (error as Error).message;
		return refuse(400, 'malformed_json', `The request body is not valid JSON: ${detail}`, [
			{ field: 'body', message: 'Expected a JSON object such as {"events": [...]}.' },
		]);
	}
	const parsed = searchEventBatchSchema.safeParse(value);
	if (!parsed.success) {
		const fields = parsed.error.issues.map((i) => ({ field: formatPath(i.path) || 'body', message: i.message }));
		return refuse(
			422,
			'invalid_fields',
			`Please correct: ${fields.map((f) => `${f.field}: ${f.message}`).join(' ')}`,
			fields,
		);
	}
	try {
		await runtime.events.record(parsed.data.events, Date.now());
	} catch (error) {
		console.error(`[support] Failed to count search events: ${(error as Error).message}`);
		return eventsUnavailable();
	}
	return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
}

/** The endpoint for a Web Request (Astro's on-demand route). */
export async function handleSearchEventsRequest(
	request: Request,
	clientAddress: string,
	runtime: SupportRuntime,
): Promise<Response> {
	const answer = await answerSearchEvents(
		{
			method: request.method,
			headers: request.headers,
			origin: new URL(request.url).origin,
			clientAddress,
			body: (limit) => readLimited(request, limit),
		},
		runtime,
	);
	return new Response(answer.status === 204 || request.method === 'HEAD' ? null : answer.body, {
		status: answer.status,
		headers: answer.headers,
	});
}

/**
 * The endpoint over node:http, for a server entry that routes `/api/search-events/` itself:
 * `if (url.pathname === '/api/search-events/') return handleSearchEvents(req, res, await getSupportRuntime());`
 */
export async function handleSearchEvents(
	req: IncomingMessage,
	res: ServerResponse,
	runtime: SupportRuntime,
	bodyTimeoutMs = defaultLimits.bodyTimeoutMs,
): Promise<void> {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
	const secure = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
	/** Bytes were left unread on the connection (or the client went away): it cannot carry another request. */
	let close = false;
	let gone = false;
	const answer = await answerSearchEvents(
		{
			method: req.method ?? 'GET',
			headers,
			origin: `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`,
			clientAddress: req.socket.remoteAddress ?? '',
			async body(limit) {
				const body = await readNodeBody(req, limit, bodyTimeoutMs);
				close = !body.ok || !body.complete;
				if (!body.ok) {
					gone = body.refusal === null;
					return body.refusal ?? refusals.unreadable();
				}
				return body.complete ? (body.bytes ?? new Uint8Array(0)) : refusals.tooLarge(limit);
			},
		},
		runtime,
	);
	if (gone) {
		res.destroy();
		return;
	}
	res.writeHead(answer.status, close ? { ...answer.headers, connection: 'close' } : answer.headers);
	res.end(answer.status === 204 || req.method === 'HEAD' ? undefined : answer.body);
}

/** The node:http door with the process's runtime: 503 when its database cannot be reached. For src/server/app.ts. */
export async function serveSearchEvents(
	req: IncomingMessage,
	res: ServerResponse,
	bodyTimeoutMs = defaultLimits.bodyTimeoutMs,
): Promise<void> {
	let runtime: SupportRuntime;
	try {
		runtime = await getSupportRuntime();
	} catch (error) {
		console.error(`[support] Search events cannot be counted: ${(error as Error).message}`);
		req.resume();
		const answer = eventsUnavailable();
		res.writeHead(answer.status, answer.headers).end(answer.body);
		return;
	}
	await handleSearchEvents(req, res, runtime, bodyTimeoutMs);
}
