import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';

/**
 * Another process (the CLI, a backup, a migration) holds SQLite's write lock for 10 s. The server must
 * keep answering everything that does not need the lock, refuse posts with 503 + Retry-After once their
 * wait runs out, and never acknowledge a submission it did not store.
 */
let dir: string;
let dbPath: string;
let server: RunningServer;

/** Starts a process that takes the write lock, says so, holds it for `ms` without yielding, then rolls back. */
function holdLock(path: string, ms: number): Promise<{ released: Promise<void> }> {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(${JSON.stringify(path)});
		db.exec('BEGIN IMMEDIATE');
		db.exec("INSERT INTO submissions (reference, kind, created_at, question) VALUES ('FB-LOCK-HELD', 'question', 0, 'never committed')");
		process.stdout.write('locked\\n');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
		db.exec('ROLLBACK');
		db.close();`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const released = new Promise<void>((resolve, reject) =>
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)))),
	);
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve({ released }));
		child.once('error', reject);
	});
}

async function timed(url: string): Promise<{ status: number; ms: number }> {
	const started = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	return { status: response.status, ms: performance.now() - started };
}

function storedReferences(): Set<string> {
	const db = new DatabaseSync(dbPath, { readOnly: true });
	try {
		return new Set(
			db
				.prepare('SELECT reference FROM submissions')
				.all()
				.map((r) => String(r['reference'])),
		);
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	requireBuild();
	dir = tempDir('lock');
	dbPath = join(dir, 'feedback.sqlite');
	server = await startServer({
		FEEDBACK_DB_PATH: dbPath,
		FEEDBACK_RATE_LIMIT: '100000',
		FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
		FEEDBACK_STORE_TIMEOUT_MS: '2000',
	});
	// The server creates the tables; one post makes sure they exist before the lock is taken.
	expect((await postJson(server.base, { kind: 'vote', page: '/faq/', helpful: true })).status).toBe(201);
	// Warm: the first answers of a fresh process load code and open files.
	for (let i = 0; i < 5; i++) for (const path of ['/api/health/', '/']) await timed(`${server.base}${path}`);
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('while another process holds the write lock for 10 s', () => {
	it('answers health and pages at once, refuses posts with 503 and Retry-After, and acknowledges only what it stored', async () => {
		const { released } = await holdLock(dbPath, 10_000);
		const lockedAt = Date.now();
		let held = true;
		void released.then(() => (held = false));

		const probes: Array<{ path: string; status: number; ms: number }> = [];
		const posts: Array<
			Promise<{ status: number; retryAfter: string | null; reference: string | undefined; sentDuringLock: boolean }>
		> = [];
		let n = 0;
		let retried = 0;
		while (held) {
			for (const path of ['/api/health/', '/']) {
				let probe = await timed(`${server.base}${path}`);
				// On a shared machine one answer can lose the CPU for a moment; a stalled server answers the
				// next request late too, so one immediate second try tells the two apart.
				if (probe.ms >= 100) ((retried += 1), (probe = await timed(`${server.base}${path}`)));
				probes.push({ path, ...probe });
			}
			if (n % 4 === 0) {
				const sentDuringLock = Date.now() - lockedAt < 7000;
				posts.push(
					postJson(server.base, { kind: 'question', question: `Asked while the store is locked, number ${n}` }).then(
						async (r) => ({
							status: r.status,
							retryAfter: r.headers.get('retry-after'),
							reference: ((await r.json()) as { reference?: string }).reference,
							sentDuringLock,
						}),
					),
				);
			}
			n += 1;
			await new Promise((r) => setTimeout(r, 100));
		}
		const answers = await Promise.all(posts);

		// Everything that needs no lock answered quickly throughout.
		expect(probes.length).toBeGreaterThan(40);
		expect(probes.every((p) => p.status === 200)).toBe(true);
		if (process.env['LOCK_TEST_VERBOSE']) console.log(probes.map((p) => `${p.path} ${p.ms.toFixed(1)}`).join('\n'));
		// Under 100 ms each. A stalled loop (the old busy_timeout) fails every probe of the lock's 10 s; a
		// machine shared with other work may delay one answer now and then, so 1 in 50 may reach 500 ms.
		const slow = probes.filter((p) => p.ms >= 100);
		const slowest = Math.max(...probes.map((p) => p.ms));
		expect(
			slow.length,
			`${slow.length} of ${probes.length} answers took 100 ms or more (slowest ${slowest.toFixed(1)} ms)`,
		).toBeLessThanOrEqual(Math.floor(probes.length / 50));
		expect(slowest, `slowest health/page answer during the lock: ${slowest.toFixed(1)} ms`).toBeLessThan(500);
		expect(retried, `${retried} of ${probes.length} probes needed a second try`).toBeLessThanOrEqual(
			Math.ceil(probes.length * 0.1),
		);

		// Posts sent early in the lock waited their 2 s and were refused, asking to come back.
		const early = answers.filter((a) => a.sentDuringLock);
		expect(early.length).toBeGreaterThan(5);
		for (const a of early) {
			expect(a.status).toBe(503);
			expect(Number(a.retryAfter)).toBeGreaterThan(0);
		}
		// No other outcome than stored-and-acknowledged or refused.
		expect(answers.every((a) => a.status === 201 || a.status === 503)).toBe(true);

		// After the lock: every acknowledged reference is in the store, the holder's row is not, and posts work again.
		const after = await postJson(server.base, { kind: 'question', question: 'Asked after the lock was released' });
		expect(after.status).toBe(201);
		const stored = storedReferences();
		for (const a of answers.filter((a) => a.status === 201)) expect(stored.has(a.reference!)).toBe(true);
		expect(stored.has(((await after.json()) as { reference: string }).reference)).toBe(true);
		expect(stored.has('FB-LOCK-HELD')).toBe(false);
		expect(server.log()).not.toMatch(/cannot rollback|Unhandled|TypeError/);
	});
});
