import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

/** Bounded storage on one instance: a site-wide ceiling beside the per-client limit, and retention. */
let dir: string;
let server: RunningServer | undefined;

beforeAll(() => {
	requireBuild();
	dir = tempDir('limits');
});
afterEach(async () => {
	await server?.stop();
	server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the site-wide ceiling', () => {
	it('refuses with 429 and Retry-After once all clients together reach it, however many addresses they use', async () => {
		const dbPath = join(dir, 'ceiling.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: dbPath,
			FEEDBACK_RATE_LIMIT: '10',
			FEEDBACK_GLOBAL_RATE_LIMIT: '5',
			FEEDBACK_TRUSTED_PROXIES: '1',
		});
		const answers: Array<{
			status: number;
			retryAfter: string | null;
			body: { error?: { code: string; message: string } };
		}> = [];
		for (let i = 0; i < 8; i++) {
			const response = await postJson(
				server.base,
				{ kind: 'vote', page: '/faq/', helpful: i % 2 === 0 },
				{ 'x-forwarded-for': `198.51.100.${i + 1}` },
			);
			answers.push({
				status: response.status,
				retryAfter: response.headers.get('retry-after'),
				body: (await response.json()) as { error?: { code: string; message: string } },
			});
		}
		expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
		expect(answers[5]!.body.error).toMatchObject({
			code: 'site_busy',
			message: expect.stringContaining('nothing was recorded'),
		});
		expect(Number(answers[5]!.retryAfter)).toBeGreaterThan(0);
		const db = new DatabaseSync(dbPath, { readOnly: true });
		expect(db.prepare('SELECT count(*) AS n FROM submissions').get()!['n']).toBe(5);
		db.close();
	});
});

describe('FEEDBACK_RETENTION_DAYS', () => {
	it('deletes submissions older than the setting soon after start-up, and keeps the rest', async () => {
		const dbPath = join(dir, 'retention.sqlite');
		const store = openSqliteStore(dbPath);
		const day = 86_400_000;
		const now = Date.now();
		// 1,200 old ones: more than one purge batch.
		for (let i = 0; i < 1200; i++)
			void store.save(
				{ kind: 'question', question: `Old question ${i}` },
				{ reference: `FB-OLD0-${String(i).padStart(4, '0')}`, createdAt: now - 40 * day - i, destination: null },
			);
		await store.save(
			{ kind: 'question', question: 'Recent question' },
			{ reference: 'FB-NEW0-0001', createdAt: now - 5 * day, destination: null },
		);
		await store.close();

		server = await startServer({ FEEDBACK_DB_PATH: dbPath, FEEDBACK_RETENTION_DAYS: '30' });
		const left = () => {
			const db = new DatabaseSync(dbPath, { readOnly: true });
			try {
				return db
					.prepare('SELECT reference FROM submissions')
					.all()
					.map((r) => String(r['reference']));
			} finally {
				db.close();
			}
		};
		await waitFor('the retention purge', () => left().length === 1, 30_000);
		expect(left()).toEqual(['FB-NEW0-0001']);
		// The log line follows the last batch's commit.
		await waitFor('the retention log line', () =>
			server!.log().includes('Retention: deleted 1200 submissions older than 30 days.'),
		);
		// The server answered throughout.
		expect((await fetch(`${server.base}/api/health/`)).status).toBe(200);
	});
});
