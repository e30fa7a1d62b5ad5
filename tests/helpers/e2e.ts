/**
 * What each browser test file starts once: the built server on a free port with its own SQLite
 * store, and one Chromium. The store is read back with node:sqlite to find what a flow submitted.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { startServer, tempDir, type RunningServer } from './server.ts';
import { requireBuild } from './site.ts';

/** A running site and browser for one test file. */
export interface E2eSite {
	base: string;
	server: RunningServer;
	browser: TestBrowser;
	/** Every stored submission, oldest first. */
	submissions(): Array<Record<string, unknown>>;
	stop(): Promise<void>;
}

/** Starts the built server (temp SQLite store, generous rate limit, and `env`: a helpdesk, say) and Chromium. */
export async function startE2e(name: string, env: Record<string, string> = {}): Promise<E2eSite> {
	requireBuild();
	const dir = tempDir(`e2e-${name}`);
	const dbPath = join(dir, 'feedback.sqlite');
	const server = await startServer({ FEEDBACK_DB_PATH: dbPath, FEEDBACK_RATE_LIMIT: '1000', ...env });
	let browser: TestBrowser;
	try {
		browser = await launchBrowser();
	} catch (error) {
		await server.stop();
		throw error;
	}
	return {
		base: server.base,
		server,
		browser,
		submissions() {
			const db = new DatabaseSync(dbPath, { readOnly: true });
			try {
				return db.prepare('SELECT * FROM submissions ORDER BY id').all() as Array<Record<string, unknown>>;
			} finally {
				db.close();
			}
		},
		async stop() {
			await browser.close();
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
