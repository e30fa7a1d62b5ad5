/**
 * A local stand-in for the helpdesks we cannot reach from tests. It follows their documented requests
 * and errors: Zendesk's Requests API (POST /api/v2/requests.json, Basic `email/token:token`,
 * Idempotency-Key replays, a new requester's numeric `locale_id`), Freshdesk's tickets API
 * (POST /api/v2/tickets, Basic `apikey:X`, GET /api/v2/search/tickets?query="tag:'…'") and a generic webhook (POST /hook). Failures can be
 * scripted per route: 429 with Retry-After, 5xx, or "created the ticket but the answer was lost".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = 'zendesk' | 'freshdesk' | 'webhook';

/** A scripted answer used instead of the normal one for the next request on a route. */
export interface Scripted {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Create the ticket anyway, then answer with this status (a response lost on the way back). */
	createThenFail?: boolean;
}

/** One request as the fake saw it. */
export interface Seen {
	route: Route | 'search';
	at: number;
	idempotencyKey: string | null;
	status: number;
	body: unknown;
}

/** A ticket the fake created. */
export interface Ticket {
	id: number;
	route: Route;
	reference: string;
	body: Record<string, unknown>;
}

export const zendeskCredentials = { email: 'agent@acme.example', token: 'zd-token-123' };
export const freshdeskApiKey = 'fd-key-456';

export class FakeHelpdesk {
	readonly seen: Seen[] = [];
	readonly tickets: Ticket[] = [];
	readonly script: Record<Route, Scripted[]> = { zendesk: [], freshdesk: [], webhook: [] };
	#server: Server | undefined;
	#replays = new Map<string, { status: number; body: unknown; payload: string }>();
	#nextId = 1000;
	base = '';
	/** Milliseconds to wait between creating a ticket and answering: widens the window for a crash mid-delivery. */
	answerDelayMs = 0;
	/** Requests whose body this matches are never answered (a helpdesk that hangs on one call). */
	hangIf: ((body: string) => boolean) | undefined;
	/** Requests held open by `hangIf`, until stop(). */
	hanging = 0;

	/** Listens on 127.0.0.1 (a free port unless one is given, so a test can bring the same address back up). */
	async start(port = 0): Promise<this> {
		this.#server = createServer((req, res) => void this.#handle(req, res));
		await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', resolve));
		this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		if (!this.#server) return;
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
		this.#server = undefined;
	}

	/** Tickets for one reference; exactly-once delivery means exactly one. */
	ticketsFor(reference: string): Ticket[] {
		return this.tickets.filter((t) => t.reference === reference);
	}

	async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', this.base);
		if (this.hangIf?.(raw)) {
			this.hanging += 1;
			return;
		}
		const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
		const reply = (route: Seen['route'], status: number, body: unknown, headers: Record<string, string> = {}) => {
			this.seen.push({ route, at: Date.now(), idempotencyKey: key, status, body: raw ? safeJson(raw) : null });
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(body === undefined ? '' : JSON.stringify(body));
		};

		if (req.method === 'GET' && url.pathname === '/api/v2/search/tickets') {
			if (req.headers.authorization !== basic(freshdeskApiKey, 'X'))
				return reply('search', 401, {
					code: 'invalid_credentials',
					message: 'You have to be logged in to perform this action.',
				});
			const tag = /^"tag:'(.+)'"$/.exec(url.searchParams.get('query') ?? '')?.[1];
			if (!tag)
				return reply('search', 400, {
					description: 'Validation failed',
					errors: [{ field: 'query', message: 'Query must be enclosed in double quotes', code: 'invalid_value' }],
				});
			const results = this.tickets
				.filter((t) => t.route === 'freshdesk' && (t.body['tags'] as string[]).includes(tag))
				.map((t) => ({ id: t.id, tags: t.body['tags'] }));
			return reply('search', 200, { results, total: results.length });
		}
		const route: Route | null =
			req.method === 'POST' && url.pathname === '/api/v2/requests.json'
				? 'zendesk'
				: req.method === 'POST' && url.pathname === '/api/v2/tickets'
					? 'freshdesk'
					: req.method === 'POST' && url.pathname === '/hook'
						? 'webhook'
						: null;
		if (!route) return reply('webhook', 404, { error: 'InvalidEndpoint', description: 'Not found' });

		const body = safeJson(raw) as Record<string, unknown> | undefined;
		if (route === 'zendesk') {
			if (req.headers.authorization !== basic(`${zendeskCredentials.email}/token`, zendeskCredentials.token))
				return reply(route, 401, { error: "Couldn't authenticate you" });
			// Zendesk: a repeated Idempotency-Key returns the first answer; the same key with another payload is an error.
			const previous = key ? this.#replays.get(key) : undefined;
			if (previous) {
				if (previous.payload !== raw)
					return reply(route, 400, {
						error: 'IdempotentRequestError',
						description: 'Request parameters do not match the original request',
					});
				return reply(route, previous.status, previous.body, { 'x-idempotency-lookup': 'hit' });
			}
		}
		if (route === 'freshdesk' && req.headers.authorization !== basic(freshdeskApiKey, 'X'))
			return reply(route, 401, {
				code: 'invalid_credentials',
				message: 'You have to be logged in to perform this action.',
			});

		const invalid = validate(route, body);
		if (invalid) return reply(route, route === 'zendesk' ? 422 : 400, invalid);

		const scripted = this.script[route].shift();
		if (scripted && !scripted.createThenFail)
			return reply(route, scripted.status, scripted.body ?? { error: 'scripted failure' }, scripted.headers);

		if (route === 'webhook' && key && this.tickets.some((t) => t.route === 'webhook' && t.reference === key)) {
			// A well-behaved receiver acknowledges a repeat without acting on it again.
			return reply(route, 200, { id: this.tickets.find((t) => t.reference === key)!.id, duplicate: true });
		}
		const reference = referenceOf(route, body!, key);
		const ticket: Ticket = { id: this.#nextId++, route, reference, body: body! };
		this.tickets.push(ticket);
		const answer =
			route === 'zendesk'
				? {
						request: {
							id: ticket.id,
							status: 'new',
							subject: (body!['request'] as Record<string, unknown>)['subject'],
						},
					}
				: { id: ticket.id };
		if (route === 'zendesk' && key) this.#replays.set(key, { status: 201, body: answer, payload: raw });
		if (this.answerDelayMs) await new Promise((r) => setTimeout(r, this.answerDelayMs));
		if (scripted?.createThenFail)
			return reply(route, scripted.status, scripted.body ?? { error: 'lost answer' }, scripted.headers);
		return reply(route, route === 'webhook' ? 200 : 201, answer);
	}
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function safeJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

/** The documented required fields and their error bodies. */
function validate(route: Route, body: Record<string, unknown> | undefined): unknown {
	if (!body)
		return route === 'freshdesk'
			? { description: 'Validation failed', errors: [{ field: 'body', message: 'Invalid JSON', code: 'invalid_json' }] }
			: { error: 'InvalidJSON' };
	if (route === 'zendesk') {
		const request = body['request'] as Record<string, unknown> | undefined;
		const comment = request?.['comment'] as Record<string, unknown> | undefined;
		if (!request || typeof comment?.['body'] !== 'string' || comment['body'] === '')
			return {
				error: 'RecordInvalid',
				description: 'Record validation errors',
				details: { description: [{ description: 'Description: cannot be blank' }] },
			};
		// A new requester may be given a language: Zendesk's numeric locale id (GET /api/v2/locales).
		const requester = request['requester'] as Record<string, unknown> | undefined;
		if (requester && 'locale_id' in requester && !Number.isInteger(requester['locale_id']))
			return {
				error: 'RecordInvalid',
				description: 'Record validation errors',
				details: { locale_id: [{ description: 'Locale: is invalid' }] },
			};
	}
	if (route === 'freshdesk') {
		const errors = ['subject', 'description', 'email']
			.filter((f) => typeof body[f] !== 'string' || body[f] === '')
			.map((field) => ({ field, message: 'It should be a/an String', code: 'missing_field' }));
		if (![2, 3, 4, 5].includes(body['status'] as number))
			errors.push({ field: 'status', message: 'It should be one of these values: 2,3,4,5', code: 'invalid_value' });
		if (![1, 2, 3, 4].includes(body['priority'] as number))
			errors.push({ field: 'priority', message: 'It should be one of these values: 1,2,3,4', code: 'invalid_value' });
		if (errors.length) return { description: 'Validation failed', errors };
	}
	return undefined;
}

/** The submission reference a delivery carries, read the way an agent would: from the subject. */
function referenceOf(route: Route, body: Record<string, unknown>, key: string | null): string {
	if (route === 'webhook') return key ?? String((body['submission'] as Record<string, unknown>)['reference']);
	const subject =
		route === 'zendesk' ? String((body['request'] as Record<string, unknown>)['subject']) : String(body['subject']);
	return /\[(FB-[0-9A-Z-]+)\]/.exec(subject)?.[1] ?? 'unknown';
}
