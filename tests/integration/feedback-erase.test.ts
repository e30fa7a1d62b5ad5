import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { projectRoot } from '../helpers/fixtures.ts';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';

/**
 * Erase means erased: after a purge, what was purged is not in the bytes of the database file or of
 * its write-ahead log, even while the server keeps the database open.
 */
let dir: string;
let dbPath: string;
let server: RunningServer;

/**
 * Runs `npm run feedback -- …` without blocking this process's event loop (a blocked loop would keep
 * reusing a keep-alive connection the server has meanwhile closed).
 */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'support', 'feedback.ts'), ...args], {
			env: { ...process.env, DATABASE_URL: undefined, FEEDBACK_DB_PATH: dbPath },
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (err += c));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, out, err }));
	});
}

/** The database file and its log, as bytes on disk. */
function bytesOnDisk(): string {
	return [dbPath, `${dbPath}-wal`]
		.filter(existsSync)
		.map((f) => readFileSync(f).toString('latin1'))
		.join('\n');
}

const mode = (path: string) => statSync(path).mode & 0o777;

async function ask(body: Record<string, unknown>): Promise<void> {
	const response = await postJson(server.base, { kind: 'question', ...body });
	expect(response.status).toBe(201);
}

beforeAll(async () => {
	requireBuild();
	dir = tempDir('erase');
	dbPath = join(dir, 'data', 'feedback.sqlite');
	server = await startServer({
		FEEDBACK_DB_PATH: dbPath,
		FEEDBACK_RATE_LIMIT: '1000',
		FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
	});
	await ask({
		question: 'Marker-ERASE-7731: how do I change the bank for my payouts?',
		email: 'Ana.Reader@Example.com',
	});
	await ask({ question: 'Marker-MENTION-5512: my colleague ana.reader@example.com asked too, please answer her' });
	await ask({ question: 'Marker-NEARBY-3318: is joana.reader@example.com the same account?' });
	await ask({ question: 'Marker-KEEP-9001: when does the cookie window end?', email: 'bob@example.com' });
	await ask({ question: 'Marker-OLD-4420: an old question about coupon codes', email: 'carol@example.com' });
	for (let i = 0; i < 50; i++) await ask({ question: `Filler question ${i} about tracking links` });
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('purge', () => {
	it('sees the stored text in the file before the purge (so the check below can fail)', () => {
		const bytes = bytesOnDisk();
		for (const marker of [
			'Marker-ERASE-7731',
			'Marker-MENTION-5512',
			'Ana.Reader@Example.com',
			'colleague ana.reader@example.com',
		])
			expect(bytes).toContain(marker);
	});

	it('by email erases the address and its questions, also where it was typed in a question, from the file and its log', async () => {
		const { code, out } = await cli('purge', '--email', 'ana.reader@EXAMPLE.com');
		expect(code).toBe(0);
		expect(out).toContain('Deleted 2 submissions');
		expect(out).toContain('Copies already delivered to the helpdesk are not affected');
		// The server still has the database open: its log exists, and must hold none of it either.
		const bytes = bytesOnDisk();
		for (const gone of [
			'Marker-ERASE-7731',
			'Marker-MENTION-5512',
			'Ana.Reader@Example.com',
			'colleague ana.reader@example.com',
		])
			expect(bytes).not.toContain(gone);
		// A longer address that merely contains it is somebody else's.
		expect(bytes).toContain('Marker-NEARBY-3318');
		expect(bytes).toContain('Marker-KEEP-9001');
	});

	it('by age erases the old questions from the file and its log', async () => {
		const db = new DatabaseSync(dbPath);
		db.exec('PRAGMA busy_timeout = 2000');
		db.prepare(
			"UPDATE submissions SET created_at = created_at - 400 * 86400000 WHERE question LIKE 'Marker-OLD-%'",
		).run();
		db.close();
		const { code, out } = await cli('purge', '--older-than', '365d');
		expect(code).toBe(0);
		expect(out).toContain('Deleted 1 submission ');
		const bytes = bytesOnDisk();
		expect(bytes).not.toContain('Marker-OLD-4420');
		expect(bytes).not.toContain('carol@example.com');
		expect(bytes).toContain('Marker-KEEP-9001');
	});

	it('with --vacuum rewrites the file and still leaves the server working', async () => {
		const { code, out } = await cli('purge', '--email', 'nobody@example.com', '--vacuum');
		expect(code).toBe(0);
		expect(out).toContain('Rewrote the database file (VACUUM)');
		await ask({ question: 'A question after the vacuum, still stored' });
	});
});

describe("files with readers' data", () => {
	it('are readable by their owner only: the database, its log, and exports', async () => {
		expect(mode(dbPath)).toBe(0o600);
		expect(mode(`${dbPath}-wal`)).toBe(0o600);
		expect(mode(join(dir, 'data'))).toBe(0o700);
		const fresh = join(dir, 'export.csv');
		expect((await cli('export', '--format', 'csv', '--output', fresh)).code).toBe(0);
		expect(mode(fresh)).toBe(0o600);
		// A file that already exists, readable by all, is narrowed too.
		const existing = join(dir, 'existing.json');
		writeFileSync(existing, '[]', { mode: 0o644 });
		expect((await cli('export', '--format', 'json', '--output', existing)).code).toBe(0);
		expect(mode(existing)).toBe(0o600);
		expect(JSON.parse(readFileSync(existing, 'utf8')).length).toBeGreaterThan(50);
	});
});
