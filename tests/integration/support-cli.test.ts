/** npm run feedback -- user …: accounts made, changed and removed from the command line. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/server.ts';
import { createSupportRuntime } from '../../src/server/search-events/runtime.ts';

const dir = tempDir('support-cli');
const env = { ...process.env, DATABASE_URL: undefined, FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') };
const user = (args: string[], input = '') =>
	spawnSync(process.execPath, [join(projectRoot, 'scripts', 'support', 'feedback.ts'), 'user', ...args], {
		env,
		input,
		encoding: 'utf8',
	});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('feedback user', () => {
	it('adds an account with the password from stdin, stored only as a scrypt hash', async () => {
		const r = user(['add', 'Lead@Example.com'], 'correct horse battery staple\n');
		expect([r.status, r.stdout.trim()]).toEqual([0, 'Added lead@example.com: they can sign in at /support/sign-in/.']);
		const runtime = await createSupportRuntime(env);
		try {
			const [row] = await runtime.db.all('SELECT password_hash FROM support_users');
			expect(String(row!['password_hash'])).toMatch(/^scrypt\$131072\$8\$1\$/);
			expect(String(row!['password_hash'])).not.toContain('horse');
			expect((await runtime.auth.signIn('lead@example.com', 'correct horse battery staple')).ok).toBe(true);
		} finally {
			await runtime.close();
		}
	});

	it('refuses a second account for the same email, a short password and a missing email, saying why', () => {
		const again = user(['add', 'lead@example.com'], 'another long password\n');
		expect([again.status, again.stderr.trim()]).toEqual([
			1,
			'An account for lead@example.com exists already; use "user password" to change its password.',
		]);
		const short = user(['add', 'new@example.com'], 'short\n');
		expect([short.status, short.stderr.trim()]).toEqual([
			1,
			'The password must be at least 12 characters long. Nothing was changed.',
		]);
		const missing = user(['add']);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('user add needs an email address.');
		expect(missing.stderr).toContain('Usage: npm run feedback -- user');
		expect(user(['frobnicate']).status).toBe(2);
	});

	it('lists, changes the password of and removes accounts', () => {
		expect(user(['list']).stdout).toMatch(/^lead@example\.com {2}\(since \d{4}-\d{2}-\d{2}\)\n1 account\.\n$/);
		expect(user(['password', 'lead@example.com'], 'a brand new password\n').status).toBe(0);
		expect(user(['remove', 'nobody@example.com']).stderr.trim()).toBe('There is no account for nobody@example.com.');
		expect(user(['remove', 'lead@example.com']).status).toBe(0);
		expect(user(['list']).stdout.trim()).toBe('0 accounts.');
	});
});
