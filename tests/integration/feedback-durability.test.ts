import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { FakeHelpdesk } from '../helpers/fake-helpdesk.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { waitFor } from '../helpers/wait.ts';

let dir: string;
let postgres: TestPostgres;

beforeAll(async () => {
	requireBuild();
	dir = tempDir('durability');
	postgres = await startPostgres();
});
afterAll(async () => {
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
});

interface Engine {
	name: string;
	env: () => Record<string, string>;
	/** Every stored reference and whether its delivery is done. */
	state: () => Promise<Array<{ reference: string; delivered: boolean }>>;
	reset: () => Promise<void>;
}

async function pgQuery<T>(sql: string): Promise<T[]> {
	const client = new pg.Client(postgres.url);
	await client.connect();
	try {
		return (await client.query(sql)).rows as T[];
	} finally {
		await client.end();
	}
}

const sqlitePath = () => join(dir, 'durable.sqlite');
const engines: Engine[] = [
	{
		name: 'SQLite',
		env: () => ({ FEEDBACK_DB_PATH: sqlitePath() }),
		async state() {
			const db = new DatabaseSync(sqlitePath(), { readOnly: true });
			try {
				return db
					.prepare('SELECT s.reference, o.delivered_at FROM submissions s LEFT JOIN outbox o ON o.submission_id = s.id')
					.all()
					.map((r) => ({ reference: String(r['reference']), delivered: r['delivered_at'] !== null }));
			} finally {
				db.close();
			}
		},
		async reset() {
			rmSync(sqlitePath(), { force: true });
		},
	},
	{
		name: 'PostgreSQL',
		env: () => ({ DATABASE_URL: postgres.url }),
		async state() {
			const rows = await pgQuery<{ reference: string; delivered_at: string | null }>(
				'SELECT s.reference, o.delivered_at FROM feedback_submissions s LEFT JOIN feedback_outbox o ON o.submission_id = s.id',
			);
			return rows.map((r) => ({ reference: r.reference, delivered: r.delivered_at !== null }));
		},
		async reset() {
			await pgQuery('DROP TABLE IF EXISTS feedback_outbox, feedback_submissions');
		},
	},
];

/** Sends questions from `concurrency` loops until stopped; returns the references that were acknowledged. */
function load(base: string, concurrency: number) {
	const acknowledged: string[] = [];
	let running = true;
	let sent = 0;
	const loops = Array.from({ length: concurrency }, async () => {
		while (running) {
			try {
				const response = await postJson(base, {
					kind: 'question',
					question: `Question number ${sent++} about payouts`,
				});
				if (response.status === 201) acknowledged.push(((await response.json()) as { reference: string }).reference);
			} catch {
				return; // the server is gone: this request was never acknowledged
			}
		}
	});
	return { acknowledged, stop: async () => ((running = false), await Promise.all(loops)) };
}

describe.each(engines)('with $name', (engine) => {
	it('keeps every acknowledged submission through kill -9 and delivers each exactly once', async () => {
		await engine.reset();
		const helpdesk = await new FakeHelpdesk().start();
		// Deliveries are slow to answer, so the kill lands while some are in flight.
		helpdesk.answerDelayMs = 150;
		const env = {
			...engine.env(),
			FEEDBACK_RATE_LIMIT: '100000',
			FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
			FEEDBACK_WORKER_POLL_MS: '20',
			FEEDBACK_RETRY_BASE_MS: '50',
			FEEDBACK_DELIVERY_TIMEOUT_MS: '400',
		};
		let server: RunningServer | undefined;
		try {
			server = await startServer(env);
			const traffic = load(server.base, 8);
			await waitFor('150 acknowledged submissions', () => traffic.acknowledged.length >= 150);
			await waitFor('a delivery in flight', () => helpdesk.tickets.length > 0);
			await server.kill9();
			await traffic.stop();
			const acknowledged = [...traffic.acknowledged];

			const stored = new Map((await engine.state()).map((s) => [s.reference, s]));
			expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([]);

			server = await startServer(env);
			await waitFor('every delivery', async () => (await engine.state()).every((s) => s.delivered), 60_000);
			const all = await engine.state();
			for (const { reference } of all) expect(helpdesk.ticketsFor(reference)).toHaveLength(1);
			expect(helpdesk.tickets).toHaveLength(all.length);
			expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
		} finally {
			await server?.stop();
			await helpdesk.stop();
		}
	});
});

describe('several instances on one PostgreSQL', () => {
	it('share the submissions and never deliver the same one twice', async () => {
		await engines[1]!.reset();
		const helpdesk = await new FakeHelpdesk().start();
		helpdesk.answerDelayMs = 20;
		const env = {
			DATABASE_URL: postgres.url,
			FEEDBACK_RATE_LIMIT: '100000',
			FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
			FEEDBACK_WORKER_POLL_MS: '10',
		};
		const servers = await Promise.all([startServer(env), startServer(env), startServer(env)]);
		try {
			const references: string[] = [];
			for (let i = 0; i < 60; i++) {
				const response = await postJson(servers[i % 3]!.base, {
					kind: 'vote',
					page: `/faq/page-${i % 7}/`,
					helpful: i % 2 === 0,
				});
				references.push(((await response.json()) as { reference: string }).reference);
			}
			await waitFor('every delivery', async () => (await engines[1]!.state()).every((s) => s.delivered), 30_000);
			// Each submission was sent once: no instance claimed a row another was delivering.
			expect(helpdesk.seen.filter((s) => s.route === 'webhook')).toHaveLength(60);
			for (const reference of references) expect(helpdesk.ticketsFor(reference)).toHaveLength(1);
		} finally {
			await Promise.all(servers.map((s) => s.stop()));
			await helpdesk.stop();
		}
	});
});

describe('when the database is unreachable', () => {
	it('answers 503 with Retry-After, acknowledges nothing, and keeps serving', async () => {
		const own = await startPostgres();
		const server = await startServer({
			DATABASE_URL: own.url,
			FEEDBACK_RATE_LIMIT: '1000',
			FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
		});
		try {
			expect((await postJson(server.base, { kind: 'vote', page: '/faq/', helpful: true })).status).toBe(201);
			await own.stop();
			const response = await postJson(server.base, { kind: 'vote', page: '/faq/', helpful: false });
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('30');
			const { error } = (await response.json()) as { error: { code: string; message: string } };
			expect(error.code).toBe('store_unavailable');
			expect(error.message).toContain('nothing was recorded');
			expect((await fetch(`${server.base}/api/health/`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	});
});
