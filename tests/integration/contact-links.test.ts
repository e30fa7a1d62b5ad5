import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, page, pageLanguage, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';

/**
 * A person is one step away on every page: the header's "Contact support" link, visible in Chromium on
 * a desktop and on a phone, leads to the ask form and carries the page the reader is on.
 */
let server: RunningServer;
let browser: TestBrowser;
let dir: string;

beforeAll(async () => {
	requireBuild();
	dir = tempDir('contact');
	server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const pages = () => [...allPages(), '/ask/thanks/?ref=FB-7K2M-9QXD&kind=vote'];
/** "Contact support" in the page's language (src/content/i18n/<lang>.json). */
const contactLabel = (p: string) =>
	String(
		JSON.parse(readFileSync(join(projectRoot, 'src/content/i18n', `${pageLanguage(p)}.json`), 'utf8'))[
			'header.contactSupport'
		],
	);

describe('the contact link', () => {
	it('is in the header of every built page and carries the page to the ask form', () => {
		const problems = allPages().flatMap((p) => {
			const link = new RegExp(
				`<a class="ph-contact[^"]*" href="([^"]+)" data-contact-link[^>]*>\\s*<svg[\\s\\S]*?</svg>\\s*<span[^>]*>${contactLabel(p)}</span>`,
			).exec(page(p));
			if (!link) return [`${p}: no "Contact support" link`];
			const href = link[1]!.replace(/&amp;/g, '&');
			// A German page's link leads to the German ask form.
			const ask = p.startsWith('/de/') ? '/de/ask/' : '/ask/';
			const expected =
				p === '/404.html' || p.startsWith('/ask/') || p.startsWith('/de/ask/')
					? ask
					: `${ask}?from=${encodeURIComponent(p)}`;
			return href === expected ? [] : [`${p}: links ${href}, expected ${expected}`];
		});
		expect(problems).toEqual([]);
	});

	it.each([
		['desktop', { width: 1280, height: 800 }],
		['phone', { width: 390, height: 844 }],
	] as const)('is visible without scrolling on every page on a %s', async (_name, viewport) => {
		const context = await browser.context({ viewport, javaScriptEnabled: false });
		const problems: string[] = [];
		try {
			const tab = await context.newPage();
			for (const p of pages()) {
				await tab.goto(`${server.base}${p}`);
				const link = tab.locator('header a[data-contact-link]');
				if (!(await link.isVisible())) {
					problems.push(`${p}: not visible`);
					continue;
				}
				const box = (await link.boundingBox())!;
				const text = (await link.innerText()).trim();
				if (box.x < 0 || box.y < 0 || box.x + box.width > viewport.width || box.y + box.height > viewport.height)
					problems.push(`${p}: outside the screen (${JSON.stringify(box)})`);
				if (text !== contactLabel(p)) problems.push(`${p}: reads "${text}"`);
			}
		} finally {
			await context.close();
		}
		expect(problems).toEqual([]);
	});
});
