import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { projectRoot } from '../helpers/fixtures.ts';
import { requireBuild } from '../helpers/site.ts';
import { postJson, startServer, tempDir } from '../helpers/server.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

let dir: string;
let postgres: TestPostgres;

/** Runs `npm run feedback -- …` the way the support team does (the script itself, same Node). */
function cli(env: Record<string, string | undefined>, ...args: string[]) {
	const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'support', 'feedback.ts'), ...args], {
		env: { ...process.env, DATABASE_URL: undefined, ...env },
		encoding: 'utf8',
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Fills a store through the real server: questions (some repeated) and votes. */
async function fill(env: Record<string, string>) {
	const server = await startServer({ ...env, FEEDBACK_RATE_LIMIT: '1000', FEEDBACK_GLOBAL_RATE_LIMIT: '100000' });
	try {
		const send = async (body: object) =>
			((await (await postJson(server.base, body)).json()) as { reference: string }).reference;
		for (const question of [
			'How do I get paid?',
			'how do I get PAID',
			'How do I get paid ?',
			'Can I bid on the brand name?',
		])
			await send({ kind: 'question', question });
		await send({ kind: 'question', question: '=HYPERLINK("http://evil.example","click")', email: 'Ana@Example.com' });
		await send({ kind: 'question', question: 'Does "cookie window", mean days?', email: 'ana@example.com' });
		await send({
			kind: 'question',
			question: "Can I swap a tent? x;=cmd|' /C calc'!A0",
			audience: 'customer',
			from: 'search',
			query: 'exchange tent',
		});
		for (const [page, helpful] of [
			['/faq/payments/', false],
			['/faq/payments/', false],
			['/faq/payments/', true],
			['/disclosures/blog/', false],
			['/glossary/', true],
		] as const) {
			await send({ kind: 'vote', page, helpful });
		}
		// Votes on one question of an FAQ page carry its anchor.
		await send({
			kind: 'vote',
			page: '/faq/tracking/',
			section: 'cookie-window',
			helpful: false,
			comment: 'Says 30 days, the terms say 45',
		});
		await send({
			kind: 'vote',
			page: '/faq/tracking/',
			section: 'cookie-window',
			helpful: false,
			comment: 'Which one is right?',
		});
		await send({ kind: 'vote', page: '/faq/tracking/', section: 'sub-ids', helpful: true });
	} finally {
		await server.stop();
	}
}

beforeAll(async () => {
	requireBuild();
	dir = tempDir('cli');
	postgres = await startPostgres();
});
afterAll(async () => {
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run feedback (SQLite)', () => {
	const env = () => ({ FEEDBACK_DB_PATH: join(dir, 'cli.sqlite') });
	beforeAll(async () => fill(env()));

	it('lists submissions newest first', () => {
		const { code, out } = cli(env(), 'list', '--kind', 'vote');
		expect(code).toBe(0);
		expect(out.split('\n')[0]).toMatch(/^reference\s+received\s+kind\s+lang\s+email\s+audience\s+text\s+where$/);
		expect(out).toContain('8 submissions.');
		expect(out.indexOf('/glossary/')).toBeLessThan(out.indexOf('/disclosures/blog/'));
	});

	it('shows who waits for an answer, as whom, and the search that failed them', () => {
		const { out } = cli(env(), 'list', '--kind', 'question');
		const [header, , ...rows] = out.split('\n');
		const column = (name: string) => header!.indexOf(name);
		const ana = rows.find((r) => r.includes('Does "cookie window"'))!;
		expect(ana.slice(column('email'))).toMatch(/^ana@example\.com\s/);
		const swap = rows.find((r) => r.includes('Can I swap a tent?'))!;
		expect(swap.slice(column('audience'))).toMatch(/^customer\s/);
		expect(swap.trimEnd()).toMatch(/search: "exchange tent"$/);
	});

	it('never prints terminal escape sequences stored in a question', () => {
		// The endpoint refuses control characters now; a store written by an older version may hold them.
		const db = new DatabaseSync(env().FEEDBACK_DB_PATH);
		db.prepare(
			"INSERT INTO submissions (reference, kind, created_at, question, email) VALUES ('FB-ESC0-0001', 'question', ?, ?, ?)",
		).run(
			Date.now(),
			'Clipboard \u001b]52;c;ZWNobyBvd25lZA==\u0007 and \u001b[2K\rerased \u009b31m',
			'x\u001b[8m@example.com',
		);
		db.close();
		for (const args of [['list'], ['gaps']]) {
			const { code, out } = cli(env(), ...args);
			expect(code).toBe(0);
			expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		}
		expect(cli(env(), 'list').out).toContain(
			'Clipboard \ufffd]52;c;ZWNobyBvd25lZA==\ufffd and \ufffd[2K erased \ufffd31m',
		);
		const remove = new DatabaseSync(env().FEEDBACK_DB_PATH);
		remove.prepare("DELETE FROM submissions WHERE reference = 'FB-ESC0-0001'").run();
		remove.close();
	});

	it('exports CSV that quotes commas and quotes and defuses formulas', () => {
		const { code, out } = cli(env(), 'export', '--format', 'csv', '--kind', 'question');
		expect(code).toBe(0);
		const lines = out.trimEnd().split('\r\n');
		expect(lines[0]).toBe('reference,kind,createdAt,question,email,audience,from,query,page,helpful,comment,locale');
		expect(lines).toHaveLength(8);
		expect(out).toContain('"Does ""cookie window"", mean days?"');
		expect(out).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
		// Split on semicolons (a spreadsheet in a semicolon locale), no piece starts a formula.
		expect(out).toContain(`"Can I swap a tent? x;'=cmd|' /C calc'!A0"`);
		for (const piece of out.split(/[;,\t\r\n]/)) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+@]/);
	});

	it('exports JSON with every field', () => {
		const rows = JSON.parse(cli(env(), 'export', '--format', 'json').out) as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(15);
		expect(rows.find((r) => r['page'] === '/glossary/')).toMatchObject({ kind: 'vote', helpful: true, question: null });
		expect(Object.keys(rows[0]!)).toEqual([
			'reference',
			'kind',
			'createdAt',
			'question',
			'email',
			'audience',
			'from',
			'query',
			'page',
			'helpful',
			'comment',
			'locale',
		]);
	});

	it('reports content gaps: repeated questions together, pages and FAQ questions by "not helpful" votes, with comments', () => {
		const { code, out } = cli(env(), 'gaps');
		expect(code).toBe(0);
		const [questions, pages] = out.split('Pages and FAQ questions with the most "not helpful" votes');
		expect(questions).toMatch(/\n3\s+\d{4}-\d{2}-\d{2}\s+How do I get paid \?\n/);
		expect(pages!.trim().split('\n').slice(2)).toEqual([
			expect.stringMatching(
				/^2\s+0\s+\/faq\/tracking\/#cookie-window\s+"Says 30 days, the terms say 45"; "Which one is right\?"$/,
			),
			expect.stringMatching(/^2\s+1\s+\/faq\/payments\/$/),
			expect.stringMatching(/^1\s+0\s+\/disclosures\/blog\/$/),
		]);
	});

	it('says plainly that delivery is off and how many submissions are stored unsent', () => {
		const { code, out } = cli(env(), 'status');
		expect(code).toBe(0);
		expect(out).toBe(
			[
				'Delivery is off (FEEDBACK_DESTINATION=none): submissions stay in the store and nobody is notified of them.',
				'Stored without delivery: 15 submissions (received while delivery was off; they are never sent: read them with list or export).',
				'Deliveries: 0 pending, 0 delivered, 0 failed (refused by the helpdesk; see last_error).',
				'',
			].join('\n'),
		);
	});

	it('refuses a store path that does not exist, unless told to create it', () => {
		const missing = join(dir, 'typo', 'feedbak.sqlite');
		const refused = cli({ FEEDBACK_DB_PATH: missing }, 'list');
		expect(refused.code).toBe(1);
		expect(refused.err).toContain(
			`No feedback store at ${missing}: check FEEDBACK_DB_PATH (or pass --create to start an empty one).`,
		);
		expect(existsSync(missing)).toBe(false);
		const created = cli({ FEEDBACK_DB_PATH: missing }, 'list', '--create');
		expect(created.code).toBe(0);
		expect(created.out).toContain('0 submissions.');
		expect(existsSync(missing)).toBe(true);
	});

	it('purges every submission of an email address, whatever its case', () => {
		const { code, out } = cli(env(), 'purge', '--email', 'ANA@example.com');
		expect(code).toBe(0);
		expect(out).toContain('Deleted 2 submissions');
		const db = new DatabaseSync(env().FEEDBACK_DB_PATH, { readOnly: true });
		expect(db.prepare("SELECT count(*) AS n FROM submissions WHERE lower(email) = 'ana@example.com'").get()!['n']).toBe(
			0,
		);
		db.close();
	});

	it('purges by age', () => {
		const db = new DatabaseSync(env().FEEDBACK_DB_PATH);
		db.prepare("UPDATE submissions SET created_at = created_at - 400 * 86400000 WHERE page = '/glossary/'").run();
		db.close();
		expect(cli(env(), 'purge', '--older-than', '365d').out).toContain('Deleted 1 submission ');
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(12);
	});

	it('explains a wrong option and exits 2', () => {
		const { code, err } = cli(env(), 'export', '--format', 'xml');
		expect(code).toBe(2);
		expect(err).toContain('--format must be one of csv, json; received "xml".');
		expect(cli(env(), 'purge').err).toContain('purge needs --older-than AGE (e.g. 365d) or --email ADDRESS.');
		expect(cli(env(), 'list', '--since', 'yesterday').err).toContain(
			'--since: Expected an age such as 30d, 12h or 2w, or a date YYYY-MM-DD; received "yesterday".',
		);
	});
});

describe('npm run feedback (PostgreSQL)', () => {
	const env = () => ({ DATABASE_URL: postgres.url });
	beforeAll(async () => fill(env()));

	it('exports, reports and purges the shared store', () => {
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(15);
		expect(cli(env(), 'gaps').out).toMatch(/\n3\s+\d{4}-\d{2}-\d{2}\s+How do I get paid \?\n/);
		expect(cli(env(), 'purge', '--email', 'ana@EXAMPLE.com').out).toContain('Deleted 2 submissions');
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(13);
		expect(cli(env(), 'gaps').out).toMatch(/\/faq\/tracking\/#cookie-window\s+"Says 30 days/);
		expect(cli(env(), 'status').out).toContain('Stored without delivery: 13 submissions');
	});
});
