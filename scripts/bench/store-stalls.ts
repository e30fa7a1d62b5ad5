/**
 * npm run bench:store-stalls: the longest event-loop stall the SQLite store causes, measured with
 * perf_hooks.monitorEventLoopDelay in this process, each beside the way the store used to do it, in
 * the same run:
 *   1. purging N rows (default 200,000): one DELETE statement (before) vs store.purge() in batches;
 *   2. a save while another process holds the write lock for 2 s: busy_timeout=5000 inside SQLite
 *      (before) vs the store's timers (after), which answer StoreBusyError when their wait runs out.
 * Target: no stall longer than one small statement (a few milliseconds on a quiet machine; a commit
 * that syncs to disk can take longer on a busy one). The first line shows this machine's noise floor.
 * Options: --rows 200000
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'partner-help-stalls-'));

/** Runs `work` while sampling the event loop every millisecond; returns the longest delay and the wall time. */
async function measure(
	work: () => Promise<unknown> | unknown,
): Promise<{ maxMs: number; p99Ms: number; wallMs: number }> {
	const histogram = monitorEventLoopDelay({ resolution: 1 });
	histogram.enable();
	// The first sample only sets the monitor's clock: give it a few turns before the work starts.
	await new Promise((r) => setTimeout(r, 20));
	const started = performance.now();
	await work();
	const wallMs = performance.now() - started;
	// One more turn, so that a stall at the very end is sampled too.
	await new Promise((r) => setTimeout(r, 5));
	histogram.disable();
	return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, wallMs };
}

/** A store file with `rows` old questions (half with an outbox row) and a few recent ones. */
async function fill(path: string): Promise<void> {
	await openSqliteStore(path).close();
	const db = new DatabaseSync(path);
	db.exec('PRAGMA synchronous = NORMAL; BEGIN');
	const insert = db.prepare(
		"INSERT INTO submissions (reference, kind, created_at, question, email) VALUES (?, 'question', ?, ?, ?)",
	);
	const outbox = db.prepare(
		"INSERT INTO outbox (submission_id, destination, next_attempt_at, delivered_at) VALUES (?, 'webhook', 0, 1)",
	);
	const old = Date.now() - 400 * 86_400_000;
	for (let i = 0; i < rows; i++) {
		const { lastInsertRowid } = insert.run(
			`FB-B${String(i).padStart(7, '0')}`,
			old + i,
			`How do I change the payout bank of account ${i}? It still shows the old one.`,
			`reader${i}@example.com`,
		);
		if (i % 2 === 0) outbox.run(lastInsertRowid);
	}
	for (let i = 0; i < 100; i++)
		insert.run(`FB-N${String(i).padStart(7, '0')}`, Date.now(), `A recent question ${i}`, null);
	db.exec('COMMIT');
	db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
	db.close();
}

/** Holds the write lock from another process for `ms`; resolves once it is held, with a promise of its release. */
function holdLock(path: string, ms: number): Promise<{ released: Promise<void> }> {
	const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(${JSON.stringify(path)});
		db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms}); db.exec('ROLLBACK');`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return new Promise((resolve) =>
		child.stdout!.on('data', (c: Buffer) => c.toString().includes('locked') && resolve({ released })),
	);
}

const line = (label: string, m: { maxMs: number; p99Ms: number; wallMs: number }) =>
	`  ${label.padEnd(46)} longest stall ${m.maxMs.toFixed(1).padStart(8)} ms   p99 ${m.p99Ms.toFixed(1).padStart(6)} ms   wall ${(m.wallMs / 1000).toFixed(2)} s`;

try {
	console.log(`Filling a store with ${rows.toLocaleString('en')} old submissions…`);
	const before = join(dir, 'before.sqlite');
	const after = join(dir, 'after.sqlite');
	await fill(before);
	copyFileSync(before, after);
	const cutoff = Date.now() - 365 * 86_400_000;

	const idle = await measure(() => new Promise((r) => setTimeout(r, 2000)));
	console.log(`\n0. Noise floor`);
	console.log(line('nothing to do for 2 s', idle));

	console.log(`\n1. Purge of ${rows.toLocaleString('en')} rows older than 365 days`);
	const oldWay = await measure(() => {
		// What purge did: one DELETE in one transaction, on the event loop (no secure_delete then).
		const db = new DatabaseSync(before);
		db.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
		db.exec('BEGIN IMMEDIATE');
		db.prepare('DELETE FROM submissions WHERE created_at < ?').run(cutoff);
		db.exec('COMMIT');
		db.close();
	});
	console.log(line('before: one statement', oldWay));
	const store = openSqliteStore(after);
	let removed = 0;
	const newWay = await measure(async () => (removed = await store.purge({ before: cutoff })));
	await store.close();
	console.log(line(`after: store.purge() (${removed.toLocaleString('en')} rows, secure_delete)`, newWay));
	console.log(`  ratio of longest stalls: ${(oldWay.maxMs / newWay.maxMs).toFixed(0)}× shorter`);

	console.log('\n2. A save while another process holds the write lock for 2 s');
	const lockPath = join(dir, 'lock.sqlite');
	await openSqliteStore(lockPath).close();
	let { released } = await holdLock(lockPath, 2000);
	const blocking = await measure(() => {
		const db = new DatabaseSync(lockPath);
		db.exec('PRAGMA busy_timeout = 5000');
		db.exec('BEGIN IMMEDIATE');
		db.exec('ROLLBACK');
		db.close();
	});
	await released;
	console.log(line('before: busy_timeout=5000 in SQLite', blocking));
	const waiting = openSqliteStore(lockPath, 'full', { timeoutMs: 5000 });
	({ released } = await holdLock(lockPath, 2000));
	const timers = await measure(() =>
		waiting.save(
			{ kind: 'question', question: 'Saved once the lock is free' },
			{ reference: 'FB-LOCK-0001', createdAt: Date.now(), destination: null },
		),
	);
	await released;
	await waiting.close();
	console.log(line('after: timers on the event loop (then saved)', timers));
	console.log(`  ratio of longest stalls: ${(blocking.maxMs / timers.maxMs).toFixed(0)}× shorter`);
	console.log('\nFigures from one run on this machine; on a shared machine compare the ratios, not the milliseconds.');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
