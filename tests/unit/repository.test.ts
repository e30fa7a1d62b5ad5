import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers/fixtures.ts';
import { lastCommitDate, pageSource } from '../../src/data/page-source.ts';

/** Imports the repository settings in a fresh Node process with `env`, and returns what it printed. */
function editBaseWith(env: Record<string, string>) {
	const result = spawnSync(
		process.execPath,
		[
			'-e',
			"import('./src/integrations/repository.ts').then((m) => console.log(m.editBaseUrl, m.editUrlOf('src/content/faqs/a.md')))",
		],
		{
			cwd: projectRoot,
			env: { ...process.env, REPOSITORY_URL: '', REPOSITORY_BRANCH: '', ...env },
			encoding: 'utf8',
		},
	);
	return (result.stdout + result.stderr).trim();
}

describe('edit links', () => {
	it('follow REPOSITORY_URL and REPOSITORY_BRANCH', () => {
		expect(editBaseWith({ REPOSITORY_URL: 'https://git.example/acme/help/', REPOSITORY_BRANCH: 'trunk' })).toBe(
			'https://git.example/acme/help/edit/trunk/ https://git.example/acme/help/edit/trunk/src/content/faqs/a.md',
		);
	});

	it('reject a REPOSITORY_URL that is not a web address, naming it', () => {
		expect(editBaseWith({ REPOSITORY_URL: 'git@github.com:acme/help.git' })).toContain(
			'REPOSITORY_URL must be the web address of the repository, e.g. https://github.com/tallwood/partner-help; received "git@github.com:acme/help.git".',
		);
	});
});

describe('last-updated dates', () => {
	it('are left out, not invented, for a file git does not know', () => {
		const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
		const file = join(dir, 'page.md');
		writeFileSync(file, '# A page\n');
		try {
			expect(lastCommitDate(file)).toBeUndefined();
			expect(pageSource(file)).not.toHaveProperty('lastUpdated');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
