import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { requireBuild } from '../helpers/site.ts';
import { postForm, postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';

/**
 * The bad-input corpus: each entry is sent as raw bytes over a socket (so that headers and encodings
 * can be as wrong as an attacker likes) and must get a 4xx; the server must keep serving after each.
 * Entries the endpoint sees are answered in JSON naming the problem; a few malformed requests never
 * reach it, because Node's HTTP parser refuses them first (status 400 or 431, connection closed).
 */
interface Case {
	name: string;
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Send exactly these bytes instead of building a request. */
	raw?: string;
	status: number;
	/** The JSON error code the endpoint answers with; absent for requests Node's parser refuses. */
	code?: string;
	/** The field the error must name. */
	field?: string;
}

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const q = (extra: Record<string, unknown>) =>
	JSON.stringify({ kind: 'question', question: 'How do I reset my tracking link?', ...extra });
const v = (extra: Record<string, unknown>) => JSON.stringify({ kind: 'vote', page: '/faq/', helpful: 'yes', ...extra });
const big = (n: number) => 'x'.repeat(n);

const corpus: Case[] = [
	// Malformed or empty JSON.
	{
		name: 'truncated JSON',
		headers: json,
		body: '{"kind":"question"',
		status: 400,
		code: 'malformed_json',
		field: 'body',
	},
	{ name: 'empty JSON body', headers: json, body: '', status: 400, code: 'malformed_json' },
	{ name: 'JSON with a trailing comma', headers: json, body: '{"kind":"vote",}', status: 400, code: 'malformed_json' },
	{ name: 'JSON with single quotes', headers: json, body: "{'kind':'vote'}", status: 400, code: 'malformed_json' },
	{ name: 'two JSON documents', headers: json, body: '{}{}', status: 400, code: 'malformed_json' },
	// Wrong shapes and types.
	{ name: 'JSON null', headers: json, body: 'null', status: 422, code: 'invalid_fields' },
	{ name: 'JSON list', headers: json, body: '[]', status: 422, code: 'invalid_fields' },
	{ name: 'JSON string', headers: json, body: '"question"', status: 422, code: 'invalid_fields' },
	{ name: 'JSON number', headers: json, body: '42', status: 422, code: 'invalid_fields' },
	{ name: 'empty object', headers: json, body: '{}', status: 422, code: 'invalid_fields', field: 'kind' },
	{
		name: 'unknown kind',
		headers: json,
		body: '{"kind":"complaint"}',
		status: 422,
		code: 'invalid_fields',
		field: 'kind',
	},
	{ name: 'kind as a number', headers: json, body: '{"kind":1}', status: 422, code: 'invalid_fields', field: 'kind' },
	{
		name: 'kind carrying a script',
		headers: json,
		body: '{"kind":"<script>alert(1)</script>"}',
		status: 422,
		code: 'invalid_fields',
		field: 'kind',
	},
	{
		name: 'question missing',
		headers: json,
		body: '{"kind":"question"}',
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'question as a number',
		headers: json,
		body: q({ question: 12345 }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'question as a list',
		headers: json,
		body: q({ question: ['a', 'b'] }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'question as an object',
		headers: json,
		body: q({ question: { $ne: null } }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'question of spaces only',
		headers: json,
		body: q({ question: '        ' }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'question over 2000 characters',
		headers: json,
		body: q({ question: big(2001) }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'email not an address',
		headers: json,
		body: q({ email: 'not an email' }),
		status: 422,
		code: 'invalid_fields',
		field: 'email',
	},
	{
		name: 'email with a header injection',
		headers: json,
		body: q({ email: 'a@b.co\r\nBcc: all@example.com' }),
		status: 422,
		code: 'invalid_fields',
		field: 'email',
	},
	{
		name: 'email as a number',
		headers: json,
		body: q({ email: 7 }),
		status: 422,
		code: 'invalid_fields',
		field: 'email',
	},
	{
		name: 'email over 254 characters',
		headers: json,
		body: q({ email: `${big(250)}@example.com` }),
		status: 422,
		code: 'invalid_fields',
		field: 'email',
	},
	{
		name: 'unknown audience',
		headers: json,
		body: q({ audience: 'reseller' }),
		status: 422,
		code: 'invalid_fields',
		field: 'audience',
	},
	{
		name: 'vote without a page',
		headers: json,
		body: '{"kind":"vote","helpful":true}',
		status: 422,
		code: 'invalid_fields',
		field: 'page',
	},
	{
		name: 'vote on a relative page',
		headers: json,
		body: v({ page: 'faq/' }),
		status: 422,
		code: 'invalid_fields',
		field: 'page',
	},
	{
		name: 'vote with helpful "maybe"',
		headers: json,
		body: v({ helpful: 'maybe' }),
		status: 422,
		code: 'invalid_fields',
		field: 'helpful',
	},
	{
		name: 'vote with helpful 1',
		headers: json,
		body: v({ helpful: 1 }),
		status: 422,
		code: 'invalid_fields',
		field: 'helpful',
	},
	{
		name: 'vote without helpful',
		headers: json,
		body: '{"kind":"vote","page":"/faq/"}',
		status: 422,
		code: 'invalid_fields',
		field: 'helpful',
	},
	{
		name: 'comment over 1000 characters',
		headers: json,
		body: v({ comment: big(1001) }),
		status: 422,
		code: 'invalid_fields',
		field: 'comment',
	},
	{
		name: 'honeypot filled in JSON',
		headers: json,
		body: q({ website: 'http://spam.example' }),
		status: 422,
		code: 'invalid_fields',
		field: 'website',
	},
	{
		name: 'prototype pollution attempt',
		headers: json,
		body: '{"__proto__":{"kind":"question","question":"polluted question"}}',
		status: 422,
		code: 'invalid_fields',
		field: 'kind',
	},
	{
		name: 'deeply nested JSON',
		headers: json,
		body: `${'['.repeat(5000)}${']'.repeat(5000)}`,
		status: 400,
		code: 'malformed_json',
	},
	// Broken encodings.
	{
		name: 'NUL escaped in JSON',
		headers: json,
		body: q({ question: 'null\u0000byte question' }),
		status: 400,
		code: 'bad_encoding',
	},
	{
		name: 'invalid UTF-8 bytes in JSON',
		headers: json,
		body: Buffer.concat([
			Buffer.from('{"kind":"question","question":"caf'),
			Buffer.from([0xc3, 0x28]),
			Buffer.from('"}'),
		]),
		status: 400,
		code: 'bad_encoding',
	},
	{
		name: 'overlong UTF-8 encoding of "/"',
		headers: json,
		body: Buffer.concat([
			Buffer.from('{"kind":"vote","page":"'),
			Buffer.from([0xc0, 0xaf]),
			Buffer.from('","helpful":true}'),
		]),
		status: 400,
		code: 'bad_encoding',
	},
	{
		name: 'UTF-16 body',
		headers: json,
		body: Buffer.from(`\ufeff${v({})}`, 'utf16le'),
		status: 400,
		code: 'bad_encoding',
	},
	{
		name: 'form with a broken %-escape',
		headers: form,
		body: 'kind=question&question=caf%E0%A4%A',
		status: 400,
		code: 'malformed_form',
	},
	{
		name: 'form with %-escaped invalid UTF-8',
		headers: form,
		body: 'kind=question&question=%FF%FE%FD%20question',
		status: 400,
		code: 'malformed_form',
	},
	{
		name: 'form with raw invalid UTF-8',
		headers: form,
		body: Buffer.concat([Buffer.from('kind=question&question=abc'), Buffer.from([0xff, 0xfe]), Buffer.from('def')]),
		status: 400,
		code: 'bad_encoding',
	},
	{
		name: 'form with a repeated field',
		headers: form,
		body: 'kind=question&kind=vote&question=hello+there',
		status: 422,
		code: 'invalid_fields',
		field: 'kind',
	},
	{
		name: 'form without kind',
		headers: form,
		body: 'question=hello+there+world',
		status: 422,
		code: 'invalid_fields',
		field: 'kind',
	},
	{
		name: 'form with a %-escaped NUL in the question',
		headers: form,
		body: 'kind=question&question=null%00byte+question',
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'form with a terminal escape in a comment',
		headers: form,
		body: 'kind=vote&page=%2Ffaq%2F&helpful=no&comment=see%1B%5D52%3Bc%3BaGk%3D%07',
		status: 422,
		code: 'invalid_fields',
		field: 'comment',
	},
	{
		name: 'form with a C1 control in the page',
		headers: form,
		body: 'kind=vote&page=%2Ffaq%2F%C2%85&helpful=no',
		status: 422,
		code: 'invalid_fields',
		field: 'page',
	},
	{
		name: 'JSON with an escape character in the question',
		headers: json,
		body: q({ question: 'erase \u001b[2K this line' }),
		status: 422,
		code: 'invalid_fields',
		field: 'question',
	},
	{
		name: 'form with honeypot filled',
		headers: form,
		body: 'kind=vote&page=%2Ffaq%2F&helpful=yes&website=bot',
		status: 422,
		code: 'invalid_fields',
		field: 'website',
	},
	// Content types.
	{
		name: 'no content type',
		headers: {},
		body: v({}),
		status: 415,
		code: 'unsupported_media_type',
		field: 'content-type',
	},
	{
		name: 'text/plain',
		headers: { 'content-type': 'text/plain' },
		body: v({}),
		status: 415,
		code: 'unsupported_media_type',
	},
	{
		name: 'multipart form data',
		headers: { 'content-type': 'multipart/form-data; boundary=x' },
		body: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nvote\r\n--x--',
		status: 415,
		code: 'unsupported_media_type',
	},
	{
		name: 'JSON declared as Latin-1',
		headers: { 'content-type': 'application/json; charset=iso-8859-1' },
		body: v({}),
		status: 415,
		code: 'unsupported_media_type',
	},
	{
		name: 'form declared as UTF-16',
		headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' },
		body: 'kind=vote',
		status: 415,
		code: 'unsupported_media_type',
	},
	{
		name: 'XML',
		headers: { 'content-type': 'application/xml' },
		body: '<vote/>',
		status: 415,
		code: 'unsupported_media_type',
	},
	// Sizes.
	{
		name: 'declared Content-Length over the limit',
		headers: { ...json, 'content-length': '10000000' },
		body: '{}',
		status: 413,
		code: 'body_too_large',
		field: 'body',
	},
	{
		name: 'JSON body over the limit',
		headers: json,
		body: q({ comment: big(20_000) }),
		status: 413,
		code: 'body_too_large',
	},
	{
		name: 'chunked body over the limit',
		headers: { ...json, 'transfer-encoding': 'chunked' },
		body: `${(20_000).toString(16)}\r\n${big(20_000)}\r\n0\r\n\r\n`,
		status: 413,
		code: 'body_too_large',
	},
	// Cross-site and method tricks.
	{
		name: 'post from another origin',
		headers: { ...form, origin: 'https://evil.example' },
		body: 'kind=vote&page=%2Ffaq%2F&helpful=yes',
		status: 403,
		code: 'cross_site',
	},
	{
		name: "DNS-rebinding shaped post (Host and Origin both the attacker's name)",
		headers: { ...json, host: 'evil', origin: 'http://evil' },
		body: v({}),
		status: 403,
		code: 'cross_site',
	},
	{
		name: 'post naming a loopback Host but another Origin',
		headers: { ...json, origin: 'http://evil.example' },
		body: v({}),
		status: 403,
		code: 'cross_site',
	},
	{
		name: 'post from an opaque origin',
		headers: { ...json, origin: 'null' },
		body: v({}),
		status: 403,
		code: 'cross_site',
	},
	{
		name: 'cross-site fetch metadata',
		headers: { ...json, 'sec-fetch-site': 'cross-site' },
		body: v({}),
		status: 403,
		code: 'cross_site',
	},
	{
		name: 'same-site (other subdomain) fetch metadata',
		headers: { ...json, 'sec-fetch-site': 'same-site' },
		body: v({}),
		status: 403,
		code: 'cross_site',
	},
	{ name: 'GET', method: 'GET', headers: {}, status: 405, code: 'method_not_allowed' },
	{ name: 'PUT', method: 'PUT', headers: json, body: v({}), status: 405, code: 'method_not_allowed' },
	{ name: 'DELETE', method: 'DELETE', headers: {}, status: 405, code: 'method_not_allowed' },
	// Requests Node's HTTP parser refuses before the endpoint sees them.
	{
		name: 'Content-Length and Transfer-Encoding together',
		raw: `POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
		status: 400,
	},
	{
		name: 'two different Content-Length headers',
		raw: `POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
		status: 400,
	},
	{
		name: 'non-numeric Content-Length',
		raw: `POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
		status: 400,
	},
	{
		name: 'header folded onto a new line',
		raw: `POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n continued\r\nContent-Length: 2\r\n\r\n{}`,
		status: 400,
	},
	{
		name: 'oversized headers',
		raw: `POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nCookie: ${big(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
		status: 431,
	},
	{
		name: 'bare LF line endings with a NUL in a header',
		raw: `POST /api/feedback/ HTTP/1.1\nHost: x\nX-Evil: a\u0000b\nContent-Length: 2\n\n{}`,
		status: 400,
	},
];

let server: RunningServer;
let dir: string;
let port: number;

interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** Sends raw bytes and reads the whole answer (every request says Connection: close). */
function send(bytes: Buffer): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		socket.on('data', (c) => chunks.push(c));
		socket.on('error', (e) =>
			(e as NodeJS.ErrnoException).code === 'ECONNRESET' && chunks.length ? socket.emit('end') : reject(e),
		);
		socket.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const [head = '', ...rest] = text.split('\r\n\r\n');
			const [statusLine = '', ...lines] = head.split('\r\n');
			const headers = Object.fromEntries(
				lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
			);
			let body = rest.join('\r\n\r\n');
			if (headers['transfer-encoding'] === 'chunked')
				body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '');
			resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
			socket.destroy();
		});
		socket.setTimeout(10_000, () => reject(new Error('No answer within 10 s')));
		socket.write(bytes);
	});
}

function build(c: Case): Buffer {
	if (c.raw) return Buffer.from(c.raw, 'utf8');
	const body = c.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body, 'utf8');
	const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...c.headers };
	if (!('transfer-encoding' in headers) && !('content-length' in headers) && c.body !== undefined)
		headers['content-length'] = String(body.length);
	const head = `${c.method ?? 'POST'} ${c.path ?? '/api/feedback/'} HTTP/1.1\r\n${Object.entries(headers)
		.map(([k, val]) => `${k}: ${val}`)
		.join('\r\n')}\r\n\r\n`;
	return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

beforeAll(async () => {
	requireBuild();
	dir = tempDir('bad-inputs');
	server = await startServer({
		FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite'),
		FEEDBACK_RATE_LIMIT: '100000',
		FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
	});
	port = Number(new URL(server.base).port);
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the bad-input corpus', () => {
	it('holds at least 50 cases', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(50);
	});

	it.each(corpus)('$name → $status', async (c) => {
		const response = await send(build(c));
		expect(response.status).toBe(c.status);
		if (c.code) {
			expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
			const { error } = JSON.parse(response.body) as {
				error: { code: string; message: string; fields: Array<{ field: string }> };
			};
			expect(error.code).toBe(c.code);
			expect(error.message.length).toBeGreaterThan(10);
			if (c.field) expect(error.fields.map((f) => f.field)).toContain(c.field);
			// Nothing the sender wrote comes back in a form a browser would run.
			expect(response.body).not.toMatch(/<script|<img/);
		}
		// The server keeps serving, and keeps accepting good submissions.
		const health = await fetch(`${server.base}/api/health/`);
		expect(health.status).toBe(200);
	});

	it('accepts a good submission after the whole corpus and never logged a crash', async () => {
		const response = await postJson(server.base, { kind: 'vote', page: '/faq/', helpful: true });
		expect(response.status).toBe(201);
		expect(server.log()).not.toMatch(/\b500\b|Internal Server Error|Unhandled|TypeError/);
	});
});

/** The stored row of a reference. */
function stored(reference: string): Record<string, unknown> {
	const db = new DatabaseSync(join(dir, 'feedback.sqlite'), { readOnly: true });
	try {
		return db.prepare('SELECT * FROM submissions WHERE reference = ?').get(reference) as Record<string, unknown>;
	} finally {
		db.close();
	}
}

describe('hidden fields the reader cannot see', () => {
	const question = { kind: 'question', question: 'Can I exchange a tent I bought through a link?' };

	it('drops a "from" that is not a site path instead of refusing the question', async () => {
		for (const from of [
			'https://evil.example/',
			'javascript:alert(1)',
			'//evil.example/',
			'/faq/"><img src=x onerror=alert(1)>',
			'oops',
		]) {
			const response = await postJson(server.base, { ...question, from });
			expect(response.status, from).toBe(201);
			expect(stored(((await response.json()) as { reference: string }).reference)).toMatchObject({
				from_page: null,
				question: question.question,
			});
		}
	});

	it('keeps a question posted without JavaScript from /ask/?from=oops, and cuts a 300-character search to 200', async () => {
		const long = 'exchange tent '.repeat(22).trim();
		expect(long.length).toBeGreaterThan(300);
		const referer = `${server.base}/ask/?${new URLSearchParams({ q: long, from: 'oops' })}`;
		const response = await postForm(
			server.base,
			{ kind: 'question', question: question.question },
			{ origin: server.base, referer },
		);
		expect(response.status).toBe(303);
		const reference = new URL(response.headers.get('location')!, server.base).searchParams.get('ref')!;
		const row = stored(reference);
		expect(row['from_page']).toBeNull();
		expect(String(row['query'])).toBe(long.slice(0, 200).trim());
	});

	it('cleans control characters out of a carried search query', async () => {
		const response = await postJson(server.base, { ...question, from: 'search', query: 'exchange\u001b[2Jtent' });
		expect(response.status).toBe(201);
		expect(stored(((await response.json()) as { reference: string }).reference)).toMatchObject({
			from_page: 'search',
			query: 'exchange [2Jtent',
		});
	});
});

describe('allowed origins', () => {
	it('accepts the loopback address the server is reached at, for local use, but not a name that resolves to it', async () => {
		expect(
			(await postJson(server.base, { kind: 'vote', page: '/faq/', helpful: true }, { origin: server.base })).status,
		).toBe(201);
		const rebinding = await send(
			build({
				name: 'rebinding',
				headers: { ...json, host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
				body: v({}),
				status: 403,
			}),
		);
		expect(rebinding.status).toBe(403);
	});
});
