import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, type RunningServer } from '../helpers/server.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { waitFor } from '../helpers/wait.ts';

/** A frozen, locked or saturated PostgreSQL: posts get 503 with Retry-After within seconds, and the server recovers. */
let postgres: TestPostgres;
const servers: RunningServer[] = [];

const generous = { FEEDBACK_RATE_LIMIT: '100000', FEEDBACK_GLOBAL_RATE_LIMIT: '100000' };
const question = (n: number | string) => ({
	kind: 'question',
	question: `Where is my commission statement, part ${n}?`,
});

async function start(env: Record<string, string>, url = postgres.url): Promise<RunningServer> {
	const server = await startServer({ DATABASE_URL: url, ...env });
	servers.push(server);
	return server;
}

async function timedPost(base: string, body: unknown, headers: Record<string, string> = {}) {
	const started = performance.now();
	const response = await postJson(base, body, headers);
	const json = (await response.json()) as { reference?: string; error?: { code: string } };
	return {
		status: response.status,
		retryAfter: response.headers.get('retry-after'),
		code: json.error?.code,
		reference: json.reference,
		ms: performance.now() - started,
	};
}

async function count(sql: string, args: unknown[] = []): Promise<number> {
	const client = new pg.Client(postgres.url);
	await client.connect();
	try {
		return Number((await client.query(sql, args)).rows[0].n);
	} finally {
		await client.end();
	}
}

beforeAll(async () => {
	requireBuild();
	postgres = await startPostgres();
});
afterEach(async () => {
	postgres.signal?.('SIGCONT');
	await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(async () => {
	await postgres?.stop();
});

describe('a frozen PostgreSQL', () => {
	it('gets posts a 503 with Retry-After within seconds instead of a hang, and the server recovers when it thaws', async ({
		skip,
	}) => {
		if (!postgres.signal) skip();
		const server = await start({ ...generous, FEEDBACK_STORE_TIMEOUT_MS: '1500' });
		expect((await timedPost(server.base, question('before'))).status).toBe(201);

		postgres.signal!('SIGSTOP');
		const frozen = await Promise.all([1, 2, 3].map((n) => timedPost(server.base, question(n))));
		for (const answer of frozen) {
			expect(answer).toMatchObject({ status: 503, code: 'store_busy' });
			expect(Number(answer.retryAfter)).toBeGreaterThan(0);
			// The limiter's count and the insert each give up after 1.5 s (2.5 s for an answer on the wire).
			expect(answer.ms).toBeLessThan(8000);
		}
		// Pages and health do not need the database.
		expect((await fetch(`${server.base}/api/health/`)).status).toBe(200);

		postgres.signal!('SIGCONT');
		const after = await waitFor('a post to be stored again', async () => {
			const answer = await timedPost(server.base, question('after'));
			return answer.status === 201 ? answer : null;
		});
		expect(await count('SELECT count(*) AS n FROM feedback_submissions WHERE reference = $1', [after.reference])).toBe(
			1,
		);
	});
});

describe('a locked table and a saturated pool', () => {
	it('times the insert out, refuses at once what the pool cannot queue, and takes posts again once the lock goes', async () => {
		const server = await start({
			...generous,
			FEEDBACK_STORE_TIMEOUT_MS: '3000',
			FEEDBACK_PG_POOL_SIZE: '2',
			FEEDBACK_PG_QUEUE: '2',
		});
		expect((await timedPost(server.base, question('before'))).status).toBe(201);

		const locker = new pg.Client(postgres.url);
		await locker.connect();
		try {
			await locker.query('BEGIN');
			await locker.query('LOCK TABLE feedback_submissions IN ACCESS EXCLUSIVE MODE');
			const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => timedPost(server.base, question(n))));
			for (const answer of answers) {
				expect(answer.status).toBe(503);
				expect(Number(answer.retryAfter)).toBeGreaterThan(0);
				expect(answer.ms).toBeLessThan(10_000);
			}
			// Two connections and two waiting places: the rest is refused without waiting for the timeout.
			expect(answers.filter((a) => a.ms < 1500).length).toBeGreaterThanOrEqual(4);
			await locker.query('COMMIT');
		} finally {
			await locker.end();
		}
		expect((await timedPost(server.base, question('after'))).status).toBe(201);
		expect(server.log()).not.toMatch(/Unhandled|TypeError/);
	});
});

describe('rate limits shared through PostgreSQL', () => {
	it('hold across two instances, per client and for the whole site', async () => {
		// Counts are kept per minute: start well inside one.
		if (Date.now() % 60_000 > 45_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 200));
		// A database of their own: the other tests' posts count in the same minute.
		const admin = new pg.Client(postgres.url);
		await admin.connect();
		await admin.query('CREATE DATABASE shared_limits');
		await admin.end();
		const url = postgres.url.replace(/\/postgres$/, '/shared_limits');
		const env = { FEEDBACK_RATE_LIMIT: '3', FEEDBACK_GLOBAL_RATE_LIMIT: '5', FEEDBACK_TRUSTED_PROXIES: '1' };
		const [one, two] = [await start(env, url), await start(env, url)];
		const from = (address: string) => ({ 'x-forwarded-for': address });
		const statuses: string[] = [];
		for (let i = 0; i < 4; i++) {
			const answer = await timedPost((i % 2 ? two : one)!.base, question(`a${i}`), from('203.0.113.7'));
			statuses.push(`${answer.status}${answer.code ? ` ${answer.code}` : ''}`);
		}
		// Each instance alone would allow this client 3 a minute, so 4 alternating posts would all pass.
		expect(statuses).toEqual(['201', '201', '201', '429 rate_limited']);
		// The site allows 5 a minute from everyone: two more clients, then a third is told the site is busy.
		expect(await timedPost(two!.base, question('b'), from('203.0.113.8'))).toMatchObject({ status: 201 });
		expect(await timedPost(one!.base, question('c'), from('203.0.113.9'))).toMatchObject({ status: 201 });
		const busy = await timedPost(two!.base, question('d'), from('203.0.113.10'));
		expect(busy).toMatchObject({ status: 429, code: 'site_busy' });
		expect(Number(busy.retryAfter)).toBeGreaterThan(0);
	});
});
