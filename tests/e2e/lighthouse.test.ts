import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDebuggableChromium, type DebuggableChromium } from '../helpers/browser.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';
import { fixturePageTypes, pageTypes } from '../../scripts/lib/page-types.ts';
import { startPaginatedSite, type PaginatedSite } from '../helpers/paginated-site.ts';
import { chromium as playwright } from 'playwright-core';
import { runLighthouse } from '../../scripts/bench/lighthouse.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lighthouse refuses to audit a document answered with status 404 (ERRORED_DOCUMENT_REQUEST), so the
 * 404 page is audited as the file the server sends for every unknown address, /404.html (status 200).
 * The first test checks that the two are the same page. No audit is skipped.
 */
const auditedPath = (path: string) => (path === pageTypes['404'] ? '/404.html' : path);

let server: RunningServer;
let fixture: PaginatedSite;
/** One Chromium per theme: the dark one makes every page see `prefers-color-scheme: dark`, as Starlight's "Auto" follows. */
const chromiums: Partial<Record<'light' | 'dark', DebuggableChromium>> = {};
let dir: string;

beforeAll(async () => {
	requireBuild();
	dir = tempDir('lighthouse');
	server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') });
	fixture = await startPaginatedSite();
	chromiums.light = await launchDebuggableChromium({ colorScheme: 'light' });
	chromiums.dark = await launchDebuggableChromium({ colorScheme: 'dark' });
}, 300_000);
afterAll(async () => {
	for (const c of Object.values(chromiums)) await c?.close();
	await server?.stop();
	await fixture?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** German pages: translated ones of each kind, and English ones served under /de/ with the notice. */
const germanPages = {
	home: '/de/',
	guide: '/de/affiliates/onboarding/payments/',
	faq: '/de/faq/payments/',
	troubleshooting: '/de/troubleshooting/refund-or-return/',
	terms: '/de/terms/',
	'untranslated disclosure rule': '/de/disclosures/blog/',
	'untranslated tool': '/de/tools/earnings/',
	ask: '/de/ask/',
};

const perfect = { scores: { accessibility: 100, 'best-practices': 100, seo: 100 }, failures: [] };

describe('Lighthouse (desktop)', () => {
	it('audits the 404 page as /404.html, which is what an unknown address gets', async () => {
		const missing = await fetch(`${server.base}${pageTypes['404']}`);
		const file = await fetch(`${server.base}/404.html`);
		expect([missing.status, file.status]).toEqual([404, 200]);
		const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
		expect(title(await missing.text())).toBe(title(await file.text()));
	});

	it.each(['light', 'dark'] as const)('renders the pages in the %s theme in that theme’s Chromium', async (theme) => {
		const browser = await playwright.connectOverCDP(`http://127.0.0.1:${chromiums[theme]!.port}`);
		try {
			const page = await browser.contexts()[0]!.newPage();
			// Playwright emulates a light scheme unless told not to; Lighthouse emulates none.
			await page.emulateMedia({ colorScheme: null });
			await page.goto(`${server.base}/faq/`);
			expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
			await page.close();
		} finally {
			await browser.close().catch(() => undefined);
		}
	});

	describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
		it.each(Object.entries(pageTypes))(
			'scores 100 for accessibility, best practices and SEO on the %s page (%s)',
			async (_kind, path) => {
				const summary = await runLighthouse(`${server.base}${auditedPath(path)}`, {
					port: chromiums[theme]!.port,
					categories: ['accessibility', 'best-practices', 'seo'],
					preset: 'desktop',
				});
				expect({ scores: summary.scores, failures: summary.failures }).toEqual(perfect);
			},
		);

		it.each(Object.entries(germanPages))('scores 100 on the German %s page (%s)', async (_kind, path) => {
			const summary = await runLighthouse(`${server.base}${path}`, {
				port: chromiums[theme]!.port,
				categories: ['accessibility', 'best-practices', 'seo'],
				preset: 'desktop',
			});
			expect({ scores: summary.scores, failures: summary.failures }).toEqual(perfect);
		});

		it.each(Object.entries(fixturePageTypes))(
			'scores 100 on the %s page (%s of a site with a long topic)',
			async (_kind, path) => {
				const summary = await runLighthouse(`${fixture.server.base}${path}`, {
					port: chromiums[theme]!.port,
					categories: ['accessibility', 'best-practices', 'seo'],
					preset: 'desktop',
				});
				expect({ scores: summary.scores, failures: summary.failures }).toEqual(perfect);
			},
		);
	});
});
