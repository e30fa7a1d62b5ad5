/** POST /api/search-events/ on the real built server: what it accepts, what it refuses (naming the field), what it stores. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';
import pg from 'pg';

const dir = tempDir('search-events-endpoint');
const dbPath = join(dir, 'feedback.sqlite');
let server: RunningServer;

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${base}/api/search-events/`, {
		method: 'POST',
		headers: { 'content-type': 'text/plain;charset=UTF-8', origin: base, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
/** Sends a raw HTTP request and resolves with the status of the answer (the server may close before reading it all). */
const rawStatus = (base: string, raw: string) =>
	new Promise<number>((resolve, reject) => {
		const { hostname, port } = new URL(base);
		let text = '';
		const socket = connect(Number(port), hostname, () => socket.write(raw));
		socket.on('data', (c) => {
			text += c;
			const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
			if (m) (resolve(Number(m[1])), socket.destroy());
		});
		socket.on('error', (e) => (text ? undefined : reject(e)));
		socket.setTimeout(10_000, () => (socket.destroy(), reject(new Error('No answer within 10 s'))));
	});
const rows = () => {
	const db = new DatabaseSync(dbPath, { readOnly: true });
	try {
		return db
			.prepare('SELECT query, filters, searches, zero_results, asked FROM search_days ORDER BY query, filters')
			.all();
	} finally {
		db.close();
	}
};

beforeAll(async () => {
	requireBuild();
	server = await startServer({ FEEDBACK_DB_PATH: dbPath, SEARCH_EVENTS_RATE_LIMIT: '1000' });
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/search-events/', () => {
	it('counts a batch sent as sendBeacon sends it (text/plain) and one sent as JSON, masked before storing', async () => {
		const beacon = await post(server.base, {
			events: [
				{ query: 'Refund to jane@example.com', results: 0, asked: true },
				{
					query: 'payout threshold',
					results: 3,
					filters: { audience: 'affiliate' },
					opened: '/faq/payments/#payout-threshold',
				},
			],
		});
		expect(beacon.status).toBe(204);
		expect(beacon.headers.get('set-cookie')).toBeNull();
		const json = await post(
			server.base,
			{ events: [{ query: 'payout threshold', results: 3, filters: { audience: 'affiliate' } }] },
			{ 'content-type': 'application/json' },
		);
		expect(json.status).toBe(204);
		expect(rows()).toEqual([
			{ query: 'payout threshold', filters: 'audience=affiliate', searches: 2, zero_results: 0, asked: 0 },
			{ query: 'refund to [email]', filters: '', searches: 1, zero_results: 1, asked: 1 },
		]);
	});

	it.each([
		[{ events: [{ query: 'x', results: 'many' }] }, 'events[0].results'],
		[{ events: [{ query: 'ok', results: 1 }, { results: 1 }] }, 'events[1].query'],
		[{ events: [{ query: 'x', results: 1, filters: { audience: 'robot' } }] }, 'events[0].filters.audience'],
		[{ events: [{ query: 'x', results: 1, opened: 'https://evil.example/' }] }, 'events[0].opened'],
		[{ events: [{ query: 'x', results: 1, ip: '1.2.3.4' }] }, 'events[0]'],
		[{ events: [] }, 'events'],
		[{ events: Array.from({ length: 51 }, () => ({ query: 'x', results: 1 })) }, 'events'],
		[[{ query: 'x', results: 1 }], 'body'],
	])('refuses %j with 422 naming %s', async (body, field) => {
		const r = await post(server.base, body);
		expect(r.status).toBe(422);
		const { error } = await r.json();
		expect(error.fields.map((f: { field: string }) => f.field)).toContain(field);
		expect(error.message).toContain(field);
	});

	it('refuses other content types, broken JSON, large bodies, other methods and other sites', async () => {
		const form = await post(server.base, 'query=x', { 'content-type': 'application/x-www-form-urlencoded' });
		expect([form.status, (await form.json()).error.fields[0].field]).toEqual([415, 'content-type']);
		const broken = await post(server.base, '{"events": [');
		expect([broken.status, (await broken.json()).error.fields[0].field]).toEqual([400, 'body']);
		const large = await post(server.base, JSON.stringify({ events: [{ query: 'x'.repeat(70_000), results: 0 }] }));
		expect(large.status).toBe(413);
		// A body without a declared length (chunked) is cut off at the limit too.
		const big = 'x'.repeat(70_000);
		expect(
			await rawStatus(
				server.base,
				`POST /api/search-events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
			),
		).toBe(413);
		const put = await fetch(`${server.base}/api/search-events/`, { method: 'PUT', body: '{}' });
		expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
		const cross = await post(
			server.base,
			{ events: [{ query: 'x', results: 0 }] },
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
		);
		expect(cross.status).toBe(403);
		expect(rows().map((r) => r['query'])).not.toContain('x');
	});
});

describe('limits and settings', () => {
	it('answers 429 with Retry-After past the rate limit, keeping no address anywhere', async () => {
		const limitedDir = tempDir('search-events-limit');
		const limited = await startServer({
			FEEDBACK_DB_PATH: join(limitedDir, 'f.sqlite'),
			SEARCH_EVENTS_RATE_LIMIT: '3',
		});
		try {
			const statuses = [];
			for (let i = 0; i < 5; i++)
				statuses.push((await post(limited.base, { events: [{ query: 'q', results: 1 }] })).status);
			expect(statuses).toEqual([204, 204, 204, 429, 429]);
			const r = await post(limited.base, { events: [{ query: 'q', results: 1 }] });
			expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
			await limited.stop();
			const db = new DatabaseSync(join(limitedDir, 'f.sqlite'), { readOnly: true });
			const dump =
				JSON.stringify(db.prepare('SELECT name, sql FROM sqlite_master').all()) +
				JSON.stringify(db.prepare('SELECT * FROM search_days').all());
			db.close();
			expect(dump).not.toContain('127.0.0.1');
			expect(dump).not.toMatch(/\bip\b|address|user_agent/i);
		} finally {
			await limited.stop();
			rmSync(limitedDir, { recursive: true, force: true });
		}
	});

	it('answers 408 and closes the connection when a batch does not arrive within the body deadline, as for feedback', async () => {
		const slowDir = tempDir('search-events-slow');
		const slow = await startServer({ FEEDBACK_DB_PATH: join(slowDir, 'f.sqlite'), SERVER_BODY_TIMEOUT_MS: '1000' });
		try {
			const { hostname, port } = new URL(slow.base);
			const started = performance.now();
			const answer = await new Promise<string>((resolve, reject) => {
				let text = '';
				// Half the declared body, and then nothing.
				const socket = connect(Number(port), hostname, () =>
					socket.write(
						`POST /api/search-events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 40\r\n\r\n{"events": [`,
					),
				);
				socket.setEncoding('utf8');
				socket.on('data', (c: string) => (text += c));
				socket.on('close', () => resolve(text));
				socket.on('error', reject);
				socket.setTimeout(10_000, () => (socket.destroy(), reject(new Error('No answer within 10 s'))));
			});
			expect(answer).toMatch(/^HTTP\/1\.1 408 /);
			expect(answer).toMatch(/connection: close/i);
			expect(answer).toContain('"code":"request_timeout"');
			expect(performance.now() - started).toBeLessThan(5000);
		} finally {
			await slow.stop();
			rmSync(slowDir, { recursive: true, force: true });
		}
	});

	it('is absent with SEARCH_EVENTS=off (404), as on a static-only site', async () => {
		const offDir = tempDir('search-events-off');
		const off = await startServer({ FEEDBACK_DB_PATH: join(offDir, 'f.sqlite'), SEARCH_EVENTS: 'off' });
		try {
			expect((await post(off.base, { events: [{ query: 'q', results: 1 }] })).status).toBe(404);
		} finally {
			await off.stop();
			rmSync(offDir, { recursive: true, force: true });
		}
	});

	it('stops at start-up with the variable named when a setting is wrong', async () => {
		const started = startServer({ FEEDBACK_DB_PATH: join(dir, 'bad.sqlite'), SEARCH_EVENTS_RETENTION_DAYS: 'forever' });
		// Should it start after all, stop it: no server outlives the test.
		started.then(
			(s) => s.stop(),
			() => {},
		);
		await expect(started).rejects.toThrow(/SEARCH_EVENTS_RETENTION_DAYS must be a whole number/);
	});
});

describe('with PostgreSQL', () => {
	let database: TestPostgres;
	let shared: RunningServer;
	beforeAll(async () => {
		database = await startPostgres();
		shared = await startServer({ DATABASE_URL: database.url, FEEDBACK_DB_PATH: join(dir, 'unused.sqlite') });
	});
	afterAll(async () => {
		await shared?.stop();
		await database?.stop();
	});
	it('counts into the PostgreSQL database that holds the submissions', async () => {
		expect(
			(
				await post(shared.base, {
					events: [
						{ query: 'call 555 123 4567', results: 0 },
						{ query: 'call 555 123 4567', results: 0 },
					],
				})
			).status,
		).toBe(204);
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			const { rows: found } = await client.query('SELECT query, searches::int, zero_results::int FROM search_days');
			expect(found).toEqual([{ query: 'call [phone]', searches: 2, zero_results: 2 }]);
			const { rows: tables } = await client.query(
				"SELECT table_name FROM information_schema.tables WHERE table_name IN ('feedback_submissions', 'search_days')",
			);
			expect(tables).toHaveLength(2);
		} finally {
			await client.end();
		}
	});
});
