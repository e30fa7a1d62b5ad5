import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
	const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'feedback.ts'), ...args], { env: { ...process.env, DATABASE_URL: undefined, ...env }, encoding: 'utf8' });
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Fills a store through the real server: questions (some repeated) and votes. */
async function fill(env: Record<string, string>) {
	const server = await startServer({ ...env, FEEDBACK_RATE_LIMIT: '1000', FEEDBACK_GLOBAL_RATE_LIMIT: '100000' });
	try {
		const send = async (body: object) => ((await (await postJson(server.base, body)).json()) as { reference: string }).reference;
		for (const question of ['How do I get paid?', 'how do I get PAID', 'How do I get paid ?', 'Can I bid on the brand name?']) await send({ kind: 'question', question });
		await send({ kind: 'question', question: '=HYPERLINK("http://evil.example","click")', email: 'Ana@Example.com' });
		await send({ kind: 'question', question: 'Does "cookie window", mean days?', email: 'ana@example.com' });
		for (const [page, helpful] of [['/faq/payments/', false], ['/faq/payments/', false], ['/faq/payments/', true], ['/disclosures/blog/', false], ['/glossary/', true]] as const) {
			await send({ kind: 'vote', page, helpful });
		}
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
		expect(out.split('\n')[0]).toMatch(/^reference\s+received\s+kind\s+text\s+where$/);
		expect(out).toContain('5 submissions.');
		expect(out.indexOf('/glossary/')).toBeLessThan(out.indexOf('/disclosures/blog/'));
	});

	it('exports CSV that quotes commas and quotes and defuses formulas', () => {
		const { code, out } = cli(env(), 'export', '--format', 'csv', '--kind', 'question');
		expect(code).toBe(0);
		const lines = out.trimEnd().split('\r\n');
		expect(lines[0]).toBe('reference,kind,createdAt,question,email,audience,from,query,page,helpful,comment');
		expect(lines).toHaveLength(7);
		expect(out).toContain('"Does ""cookie window"", mean days?"');
		expect(out).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
	});

	it('exports JSON with every field', () => {
		const rows = JSON.parse(cli(env(), 'export', '--format', 'json').out) as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(11);
		expect(rows.find((r) => r['page'] === '/glossary/')).toMatchObject({ kind: 'vote', helpful: true, question: null });
		expect(Object.keys(rows[0]!)).toEqual(['reference', 'kind', 'createdAt', 'question', 'email', 'audience', 'from', 'query', 'page', 'helpful', 'comment']);
	});

	it('reports content gaps: repeated questions together, pages by "not helpful" votes', () => {
		const { code, out } = cli(env(), 'gaps');
		expect(code).toBe(0);
		const [questions, pages] = out.split('Pages with the most "not helpful" votes');
		expect(questions).toMatch(/\n3\s+\d{4}-\d{2}-\d{2}\s+How do I get paid \?\n/);
		expect(pages!.trim().split('\n').slice(2)).toEqual([expect.stringMatching(/^2\s+1\s+\/faq\/payments\/$/), expect.stringMatching(/^1\s+0\s+\/disclosures\/blog\/$/)]);
	});

	it('purges every submission of an email address, whatever its case', () => {
		const { code, out } = cli(env(), 'purge', '--email', 'ANA@example.com');
		expect(code).toBe(0);
		expect(out).toContain('Deleted 2 submissions');
		const db = new DatabaseSync(env().FEEDBACK_DB_PATH, { readOnly: true });
		expect(db.prepare("SELECT count(*) AS n FROM submissions WHERE lower(email) = 'ana@example.com'").get()!['n']).toBe(0);
		db.close();
	});

	it('purges by age', () => {
		const db = new DatabaseSync(env().FEEDBACK_DB_PATH);
		db.prepare("UPDATE submissions SET created_at = created_at - 400 * 86400000 WHERE page = '/glossary/'").run();
		db.close();
		expect(cli(env(), 'purge', '--older-than', '365d').out).toContain('Deleted 1 submission ');
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(8);
	});

	it('explains a wrong option and exits 2', () => {
		const { code, err } = cli(env(), 'export', '--format', 'xml');
		expect(code).toBe(2);
		expect(err).toContain('--format must be one of csv, json; received "xml".');
		expect(cli(env(), 'purge').err).toContain('purge needs --older-than AGE (e.g. 365d) or --email ADDRESS.');
		expect(cli(env(), 'list', '--since', 'yesterday').err).toContain('--since: Expected an age such as 30d, 12h or 2w, or a date YYYY-MM-DD; received "yesterday".');
	});
});

describe('npm run feedback (PostgreSQL)', () => {
	const env = () => ({ DATABASE_URL: postgres.url });
	beforeAll(async () => fill(env()));

	it('exports, reports and purges the shared store', () => {
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(11);
		expect(cli(env(), 'gaps').out).toMatch(/\n3\s+\d{4}-\d{2}-\d{2}\s+How do I get paid \?\n/);
		expect(cli(env(), 'purge', '--email', 'ana@EXAMPLE.com').out).toContain('Deleted 2 submissions');
		expect(JSON.parse(cli(env(), 'export', '--format', 'json').out)).toHaveLength(9);
		expect(cli(env(), 'status').out).toBe('Deliveries: 0 pending, 0 delivered, 0 failed (refused by the helpdesk; see last_error).\n');
	});
});
