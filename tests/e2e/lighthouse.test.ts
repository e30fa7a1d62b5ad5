import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDebuggableChromium, type DebuggableChromium } from '../helpers/browser.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';
import { runLighthouse } from '../../scripts/lib/lighthouse-run.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lighthouse refuses to audit a document answered with status 404 (ERRORED_DOCUMENT_REQUEST), so the
 * 404 page is audited as the file the server sends for every unknown address, /404.html (status 200).
 * The first test checks that the two are the same page. No audit is skipped.
 */
const auditedPath = (path: string) => (path === pageTypes['404'] ? '/404.html' : path);

let server: RunningServer;
let chromium: DebuggableChromium;
let dir: string;

beforeAll(async () => {
	requireBuild();
	dir = tempDir('lighthouse');
	server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') });
	chromium = await launchDebuggableChromium();
});
afterAll(async () => {
	await chromium?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Lighthouse (desktop)', () => {
	it('audits the 404 page as /404.html, which is what an unknown address gets', async () => {
		const missing = await fetch(`${server.base}${pageTypes['404']}`);
		const file = await fetch(`${server.base}/404.html`);
		expect([missing.status, file.status]).toEqual([404, 200]);
		const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
		expect(title(await missing.text())).toBe(title(await file.text()));
	});

	it.each(Object.entries(pageTypes))('scores 100 for accessibility, best practices and SEO on the %s page (%s)', async (_kind, path) => {
		const summary = await runLighthouse(`${server.base}${auditedPath(path)}`, { port: chromium.port, categories: ['accessibility', 'best-practices', 'seo'], preset: 'desktop' });
		expect({ scores: summary.scores, failures: summary.failures }).toEqual({ scores: { accessibility: 100, 'best-practices': 100, seo: 100 }, failures: [] });
	});
});
