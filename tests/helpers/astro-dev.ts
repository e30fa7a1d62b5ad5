/** What tests that run `astro dev` share: a free port, and the dev server started as `npm run dev` starts it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './fixtures.ts';

/** A port nobody listens on right now, on 127.0.0.1. */
export const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

/**
 * `astro dev` for the project at `root` on 127.0.0.1:`port` (0: any), as `npm run dev` runs it: without
 * the test runner's variables (VITEST*, MODE, DEV, PROD…; Astro's dev server leaves its routes out when
 * it thinks it runs inside a test runner), with `env` added.
 */
export function startAstroDev(
	root: string,
	port: number | string,
	env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
	return spawn(
		process.execPath,
		[
			join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'),
			'dev',
			'--root',
			root,
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{
			cwd: root,
			env: {
				...Object.fromEntries(
					Object.entries(process.env).filter(
						([k]) => !k.startsWith('VITEST') && !['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(k),
					),
				),
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				...env,
			},
		},
	);
}
