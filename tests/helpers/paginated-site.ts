/**
 * A fixture site with an FAQ topic that spans pages (the long-lists scenario with 40 questions about
 * payments), for the audits of page kinds the real content does not have (fixturePageTypes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { buildAt, materializeFixture, removeFixture } from './fixtures.ts';
import { startServer, type RunningServer } from './server.ts';

export interface PaginatedSite {
	server: RunningServer;
	stop(): Promise<void>;
}

/** Builds the fixture (share images off) and serves it on a free port with its own feedback store. */
export async function startPaginatedSite(): Promise<PaginatedSite> {
	const root = materializeFixture('long-lists', { withProject: true });
	for (let n = 1; n <= 40; n++) {
		const file = join(root, 'src', 'content', 'faqs', `long-${String(n).padStart(2, '0')}.md`);
		mkdirSync(dirname(file), { recursive: true });
		const data = {
			question: `How does payout rule ${String(n).padStart(2, '0')} work?`,
			description: 'One of many answers about payout rules, for the long topic.',
			audience: 'affiliate',
			topic: 'payments',
			owner: 'partner-support',
			lastReviewed: '2026-11-01',
		};
		writeFileSync(file, `---\n${stringify(data)}---\n\nIt applies once a month, as the program terms describe.\n`);
	}
	const build = await buildAt(root, { OG_IMAGES: 'off' });
	if (build.code !== 0) {
		removeFixture(root);
		throw new Error(`The paginated fixture site did not build:\n${build.output}`);
	}
	const server = await startServer({ FEEDBACK_DB_PATH: join(root, 'feedback.sqlite') }, 0, root);
	return {
		server,
		async stop() {
			await server.stop();
			removeFixture(root);
		},
	};
}
