/** The dashboard's views over real stores: weekly trend buckets, unhelpful pages with comments, delivery status, CSV cells. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEventBatchSchema } from '../../src/schemas/search-event.ts';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';
import { createSupportRuntime, type SupportRuntime } from '../../src/server/search-events/runtime.ts';
import { csvCell } from '../../src/lib/csv.ts';
import {
	deliveryStatus,
	toCsv,
	unhelpfulPages,
	weekStart,
	weeklyTrend,
	type ViewSources,
} from '../../src/server/search-events/views.ts';
import type { FeedbackStore } from '../../src/server/store.ts';
import { tempDir } from '../helpers/server.ts';

const day = 86_400_000;
// Wednesday 2026-12-02, noon UTC.
const now = Date.UTC(2026, 11, 2, 12);
const dir = tempDir('support-views');
let store: FeedbackStore;
let support: SupportRuntime;
let sources: ViewSources;

beforeAll(async () => {
	const path = join(dir, 'feedback.sqlite');
	store = openSqliteStore(path, 'normal');
	support = await createSupportRuntime({ FEEDBACK_DB_PATH: path });
	const feedback = { store, destination: null };
	sources = { feedback, support, now };
	let n = 0;
	const save = (createdAt: number, submission: Parameters<FeedbackStore['save']>[0]) =>
		store.save(submission, { reference: `FB-TEST-${String(n++).padStart(4, '0')}`, createdAt, destination: null });
	// This week (from Monday 2026-11-30): two questions, one helpful and one unhelpful vote.
	await save(now, { kind: 'question', question: 'Where is my payout?', audience: 'affiliate' });
	await save(now - 2 * day, { kind: 'question', question: 'Can I swap my boots?' });
	await save(now, { kind: 'vote', page: '/faq/payments/', helpful: true });
	await save(now, { kind: 'vote', page: '/faq/payments/', helpful: false, comment: 'Nothing on wire fees.' });
	// Last week (Wednesday 2026-11-25): one question, two unhelpful votes.
	await save(now - 7 * day, { kind: 'question', question: 'Tax form for Canada?' });
	await save(now - 7 * day, { kind: 'vote', page: '/faq/payments/', helpful: false });
	await save(now - 7 * day, {
		kind: 'vote',
		page: '/troubleshooting/link-not-tracking/',
		helpful: false,
		comment: '=cmd()',
	});
	const events = (raw: unknown[]) => searchEventBatchSchema.parse({ events: raw }).events;
	await support.events.record(
		events([
			{ query: 'zeppelin', results: 0 },
			{ query: 'payout', results: 3 },
		]),
		now,
	);
	await support.events.record(events([{ query: 'zeppelin hangar', results: 0 }]), now - 9 * day);
});
afterAll(async () => {
	await support?.close();
	await store?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard views', () => {
	it('puts questions, searches with no result and votes into Monday-based weeks', async () => {
		expect(new Date(weekStart(now)).toISOString().slice(0, 10)).toBe('2026-11-30');
		const weeks = await weeklyTrend(sources, 3);
		expect(weeks).toEqual([
			{
				week: '2026-11-16',
				questions: 0,
				zeroResultSearches: 0,
				searches: 0,
				helpful: 0,
				notHelpful: 0,
				helpfulRatio: null,
			},
			{
				week: '2026-11-23',
				questions: 1,
				zeroResultSearches: 1,
				searches: 1,
				helpful: 0,
				notHelpful: 2,
				helpfulRatio: 0,
			},
			{
				week: '2026-11-30',
				questions: 2,
				zeroResultSearches: 1,
				searches: 2,
				helpful: 1,
				notHelpful: 1,
				helpfulRatio: 0.5,
			},
		]);
	});

	it('lists pages by "not helpful" votes with what voters wrote', async () => {
		expect(await unhelpfulPages(sources)).toEqual([
			{ page: '/faq/payments/', notHelpful: 2, helpful: 1, comments: ['Nothing on wire fees.'] },
			{ page: '/troubleshooting/link-not-tracking/', notHelpful: 1, helpful: 0, comments: ['=cmd()'] },
		]);
	});

	it('says when delivery is off, with how many questions are stored', async () => {
		expect(await deliveryStatus(sources)).toEqual({
			destination: null,
			pending: 0,
			delivered: 0,
			failed: 0,
			unsent: 7,
			questionsStored: 3,
		});
	});

	it('neutralises cells a spreadsheet would run, and quotes what CSV needs quoted', () => {
		expect(['=1+1', '+1', '-1', '@A1', '\tx', ' =x', 'plain', 'a,b', 'say "hi"'].map(csvCell)).toEqual([
			`"'=1+1"`,
			`"'+1"`,
			`"'-1"`,
			`"'@A1"`,
			`"'\tx"`,
			`"' =x"`,
			'"plain"',
			'"a,b"',
			'"say ""hi"""',
		]);
		// As strict as the CLI's export: a formula after another delimiter is defused too.
		expect(toCsv([{ query: 'x;=cmd|calc', searches: 3 }])).toBe(`query,searches\r\n"x;'=cmd|calc",3\r\n`);
		expect(csvCell(-3)).toBe('-3');
		expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n');
	});
});
