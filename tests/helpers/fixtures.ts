import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(projectRoot, 'tests', 'fixtures', 'builds');

/**
 * A throw-away copy of the project whose content is the shared base fixture
 * with the scenario's files laid over it. Returns its root.
 */
export function materializeFixture(scenario: string, { withProject = false } = {}): string {
	// Inside the project, so that packages resolve from its node_modules as they do for the real site.
	mkdirSync(join(projectRoot, '.fixture-builds'), { recursive: true });
	const root = mkdtempSync(join(projectRoot, '.fixture-builds', `${scenario}-`));
	if (withProject) {
		for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) {
			cpSync(join(projectRoot, entry), join(root, entry), {
				recursive: true,
				// The content is the fixture's; the interface texts (src/content/i18n) are the site's, as its code is.
				filter: (src) =>
					!src.startsWith(join(projectRoot, 'src', 'content') + '/') ||
					src === join(projectRoot, 'src', 'content') ||
					src.startsWith(join(projectRoot, 'src', 'content', 'i18n')),
			});
		}
	}
	cpSync(join(fixtures, '_base'), root, { recursive: true });
	cpSync(join(fixtures, scenario), root, { recursive: true });
	return root;
}

export interface BuildResult {
	code: number | null;
	output: string;
	root: string;
}

/** Builds a fixture site with the project's own Astro and returns its exit code and log. */
export function buildFixture(scenario: string, env: Record<string, string> = {}): Promise<BuildResult> {
	return buildAt(materializeFixture(scenario, { withProject: true }), env);
}

/** Builds the project copy at `root` (see materializeFixture) with the project's own Astro and extra environment variables. */
export function buildAt(root: string, env: Record<string, string> = {}): Promise<BuildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root],
			{
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
			},
		);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output, root }));
	});
}

export const removeFixture = (root: string) => rmSync(root, { recursive: true, force: true });
