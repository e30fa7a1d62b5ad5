import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedbackStore } from '../../src/server/store.ts';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';
import { openPostgresStore } from '../../src/server/stores/postgres.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/server.ts';

let dir: string;
let postgres: TestPostgres;

beforeAll(async () => {
	dir = tempDir('store');
	postgres = await startPostgres();
});
afterAll(async () => {
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const stores: Array<{ name: string; open: (tag: string) => Promise<FeedbackStore> }> = [
	{ name: 'SQLite', open: async (tag) => openSqliteStore(join(dir, `${tag}.sqlite`)) },
	{
		name: 'PostgreSQL',
		open: async () => {
			const store = await openPostgresStore(postgres.url);
			await store.purge({ before: Number.MAX_SAFE_INTEGER });
			return store;
		},
	},
];

describe.each(stores)('the $name store', ({ open }) => {
	it('leases a delivery to one owner until the lease runs out, then lets another take it over', async () => {
		const store = await open('lease');
		try {
			await store.save(
				{ kind: 'vote', page: '/faq/', helpful: false },
				{ reference: 'FB-0000-0001', createdAt: 1000, destination: 'webhook' },
			);
			const [first] = await store.claim('a', 1000, 500, 10);
			expect(first).toMatchObject({
				attempts: 1,
				destination: 'webhook',
				submission: { reference: 'FB-0000-0001', kind: 'vote', page: '/faq/', helpful: false },
			});
			expect(await store.claim('b', 1400, 500, 10)).toEqual([]);
			const [again] = await store.claim('b', 1500, 500, 10);
			expect(again).toMatchObject({ id: first!.id, attempts: 2 });
			// The first owner's late answer no longer counts: the row belongs to b now.
			await store.delivered(first!.id, 'a', 'ticket-a', 1600);
			expect(await store.outboxStatus()).toEqual({ pending: 1, delivered: 0, failed: 0, unsent: 0 });
			await store.delivered(again!.id, 'b', 'ticket-b', 1700);
			expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 1, failed: 0, unsent: 0 });
			expect(await store.claim('c', 10_000, 500, 10)).toEqual([]);
		} finally {
			await store.close();
		}
	});

	it('holds a failed delivery back until its next attempt time, and keeps refused ones out for good', async () => {
		const store = await open('retry');
		try {
			await store.save(
				{ kind: 'question', question: 'Where is my payout?' },
				{ reference: 'FB-0000-0002', createdAt: 0, destination: 'zendesk' },
			);
			await store.save(
				{ kind: 'question', question: 'Wrong settings question' },
				{ reference: 'FB-0000-0003', createdAt: 0, destination: 'zendesk' },
			);
			const claimed = await store.claim('a', 0, 1000, 10);
			expect(claimed).toHaveLength(2);
			const byRef = Object.fromEntries(claimed.map((c) => [c.submission.reference, c]));
			await store.retryLater(byRef['FB-0000-0002']!.id, 'a', 5000, 'Zendesk answered 503');
			await store.giveUp(byRef['FB-0000-0003']!.id, 'a', 'Zendesk answered 401', 10);
			expect(await store.claim('a', 4999, 1000, 10)).toEqual([]);
			expect((await store.claim('a', 5000, 1000, 10)).map((c) => c.submission.reference)).toEqual(['FB-0000-0002']);
			expect(await store.outboxStatus()).toEqual({ pending: 1, delivered: 0, failed: 1, unsent: 0 });
		} finally {
			await store.close();
		}
	});

	it('stores no delivery when there is no destination, and purges a submission with its delivery', async () => {
		const store = await open('purge');
		try {
			await store.save(
				{ kind: 'question', question: 'Kept locally only', email: 'Privacy@Example.com' },
				{ reference: 'FB-0000-0004', createdAt: 0, destination: null },
			);
			await store.save(
				{ kind: 'question', question: 'Sent to the helpdesk', email: 'privacy@example.com' },
				{ reference: 'FB-0000-0005', createdAt: 0, destination: 'webhook' },
			);
			expect(await store.outboxStatus()).toEqual({ pending: 1, delivered: 0, failed: 0, unsent: 1 });
			expect(await store.purge({ email: 'PRIVACY@example.com' })).toBe(2);
			expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 0, failed: 0, unsent: 0 });
			expect(await store.list({})).toEqual([]);
			await expect(store.purge({})).rejects.toThrow(
				'Refusing to purge without a criterion: give an age or an email address.',
			);
		} finally {
			await store.close();
		}
	});
});

describe("the SQLite store's group commit", () => {
	it('commits submissions that arrive together in shared batches, refusing only a row the database refuses', async () => {
		const store = openSqliteStore(join(dir, 'batches.sqlite'));
		try {
			const saves = Array.from({ length: 200 }, (_, i) =>
				store.save(
					{ kind: 'vote', page: `/faq/${i}/`, helpful: i % 2 === 0 },
					{
						reference: i === 150 ? 'FB-0000-0007' : `FB-1000-${String(i).padStart(4, '0')}`,
						createdAt: 1000 + i,
						destination: i % 3 === 0 ? 'webhook' : null,
					},
				),
			);
			// The same reference twice in one batch: the second breaks the UNIQUE constraint.
			saves.push(
				store.save(
					{ kind: 'vote', page: '/faq/dup/', helpful: true },
					{ reference: 'FB-0000-0007', createdAt: 5000, destination: null },
				),
			);
			const results = await Promise.allSettled(saves);
			const refused = results.flatMap((r, i) =>
				r.status === 'rejected' ? [{ i, message: String((r.reason as Error).message) }] : [],
			);
			expect(refused).toEqual([
				{ i: 200, message: expect.stringMatching(/UNIQUE constraint failed: submissions\.reference/) },
			]);
			const stored = await store.list({});
			expect(stored).toHaveLength(200);
			expect(stored.find((s) => s.reference === 'FB-0000-0007')?.page).toBe('/faq/150/');
			expect((await store.outboxStatus()).pending).toBe(67);
		} finally {
			await store.close();
		}
	});

	it('commits what is waiting before it closes, so a save in progress is never dropped', async () => {
		const path = join(dir, 'close.sqlite');
		const store = openSqliteStore(path);
		const saving = Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				store.save(
					{ kind: 'question', question: `Question ${i}?` },
					{ reference: `FB-2000-${String(i).padStart(4, '0')}`, createdAt: i, destination: null },
				),
			),
		);
		await store.close();
		await saving;
		const reopened = openSqliteStore(path);
		try {
			expect(await reopened.list({})).toHaveLength(20);
		} finally {
			await reopened.close();
		}
	});

	it('refuses a path that is not a file, which would lose every submission at restart', () => {
		expect(() => openSqliteStore(':memory:')).toThrow(/needs the path of a file \(FEEDBACK_DB_PATH\), not ":memory:"/);
	});
});
