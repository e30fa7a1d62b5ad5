/** The search-event counts in both engines: masking before storing, folding per day, retention purge. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEventBatchSchema } from '../../src/schemas/search-event.ts';
import { createSupportRuntime, type SupportRuntime } from '../../src/server/search-events/runtime.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/server.ts';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 1, 12);
const events = (raw: unknown[]) => searchEventBatchSchema.parse({ events: raw }).events;

let pg: TestPostgres;
const dir = tempDir('search-events');
beforeAll(async () => {
	pg = await startPostgres();
});
afterAll(async () => {
	await pg?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'postgres'] as const)('search events in %s', (engine) => {
	let runtime: SupportRuntime;
	const sqlitePath = join(dir, `${engine}.sqlite`);
	beforeAll(async () => {
		runtime = await createSupportRuntime({
			FEEDBACK_DB_PATH: sqlitePath,
			DATABASE_URL: engine === 'postgres' ? pg.url : undefined,
			SEARCH_EVENTS_RETENTION_DAYS: '30',
		});
	});
	afterAll(async () => {
		await runtime?.close();
	});

	it('stores queries masked and normalised, never the raw text', async () => {
		await runtime.events.record(
			events([
				{ query: '  Where is ORDER 40021187 ', results: 0, asked: true },
				{ query: 'refund for jane@example.com', results: 0 },
				{ query: 'call +44 20 7946 0958', results: 0 },
			]),
			now,
		);
		const stored = (await runtime.events.queries('2026-01-01')).map((q) => q.query).sort();
		expect(stored).toEqual(['call [phone]', 'refund for [email]', 'where is order [order number]']);
		const everything = JSON.stringify(await runtime.db.all('SELECT * FROM search_days'));
		for (const secret of ['40021187', 'jane@example.com', '7946']) expect(everything).not.toContain(secret);
	});

	it('folds searches of one day into one row per query and filters, and counts zero results, asks and opens', async () => {
		await Promise.all([
			runtime.events.record(
				events([
					{ query: 'payout threshold', results: 4, filters: { audience: 'affiliate' } },
					{
						query: 'payout threshold',
						results: 4,
						filters: { audience: 'affiliate' },
						opened: '/faq/payments/#payout-threshold',
					},
				]),
				now,
			),
			runtime.events.record(
				events([
					{ query: 'Payout  threshold', results: 0, filters: { audience: 'affiliate', type: 'faq' }, asked: true },
				]),
				now,
			),
			runtime.events.record(events([{ query: 'payout threshold', results: 5 }]), now - day),
		]);
		const rows = await runtime.db.all(
			"SELECT day, filters, searches, zero_results, asked FROM search_days WHERE query = 'payout threshold' ORDER BY day, filters",
		);
		expect(
			rows.map((r) => [r['day'], r['filters'], Number(r['searches']), Number(r['zero_results']), Number(r['asked'])]),
		).toEqual([
			['2026-11-30', '', 1, 0, 0],
			['2026-12-01', 'audience=affiliate', 2, 0, 0],
			['2026-12-01', 'audience=affiliate&type=faq', 1, 1, 1],
		]);
		const [totals] = (await runtime.events.queries('2026-11-01')).filter((q) => q.query === 'payout threshold');
		expect(totals).toMatchObject({
			searches: 4,
			zeroResults: 1,
			asked: 1,
			filters: 'audience=affiliate',
			lastDay: '2026-12-01',
		});
		expect(await runtime.events.opened('2026-11-01')).toContainEqual({
			query: 'payout threshold',
			page: '/faq/payments/#payout-threshold',
			opens: 1,
		});
		expect((await runtime.events.queries('2026-11-01', { zeroOnly: true })).map((q) => q.query)).toContain(
			'payout threshold',
		);
		expect((await runtime.events.queries('2026-11-01', { askedOnly: true })).map((q) => q.query).sort()).toEqual([
			'payout threshold',
			'where is order [order number]',
		]);
	});

	it('purges days older than the retention, and only those', async () => {
		await runtime.events.record(events([{ query: 'old search', results: 0, opened: '/faq/' }]), now - 30 * day);
		await runtime.events.record(events([{ query: 'recent search', results: 0 }]), now - 29 * day);
		const removed = await runtime.purge(now);
		expect(removed).toBe(2);
		const left = (await runtime.events.queries('2000-01-01')).map((q) => q.query);
		expect(left).toContain('recent search');
		expect(left).not.toContain('old search');
		expect(await runtime.db.all("SELECT * FROM search_opens WHERE query = 'old search'")).toEqual([]);
	});

	it('keeps team accounts and sessions: rotation at sign-in, lockout, expiry', async () => {
		const { hashPassword } = await import('../../src/server/auth/password.ts');
		const auth = runtime.auth;
		await auth.addUser(
			`lead-${engine}@example.com`,
			await hashPassword('a long enough password', { N: 1024, r: 8, p: 1 }),
			now,
		);
		const first = await auth.signIn(`lead-${engine}@example.com`, 'a long enough password', undefined, now);
		if (!first.ok) throw new Error('sign-in failed');
		const second = await auth.signIn(`LEAD-${engine}@example.com`, 'a long enough password', first.id, now + 1000);
		if (!second.ok) throw new Error('sign-in failed');
		expect(await auth.session(first.id, now + 2000)).toBeNull();
		expect((await auth.session(second.id, now + 2000))?.email).toBe(`lead-${engine}@example.com`);
		expect(await auth.session(second.id, now + 31 * 60_000)).toBeNull();
		const results = [];
		for (let i = 0; i < 5; i++)
			results.push(
				(await auth.signIn(`lead-${engine}@example.com`, `wrong ${i}`, undefined, now)) as { reason?: string },
			);
		expect(results.map((r) => r.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
		expect(
			await auth.signIn(`lead-${engine}@example.com`, 'a long enough password', undefined, now + 60_000),
		).toMatchObject({ ok: false, reason: 'locked' });
	});

	it.runIf(engine === 'sqlite')('keeps its tables in the feedback store’s own file', () => {
		const db = new DatabaseSync(sqlitePath, { readOnly: true });
		const tables = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.all()
			.map((r) => r['name']);
		db.close();
		expect(tables).toEqual(
			expect.arrayContaining(['search_days', 'search_opens', 'support_sessions', 'support_users']),
		);
	});
});
