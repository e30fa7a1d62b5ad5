/**
 * npm run screenshots [-- --out DIR]: pictures of the reader's journey from the built site, in Chromium
 * (tests/helpers/browser.ts), at a desktop (1280 px) and a phone (390 px) width: the home page, a hub,
 * an FAQ page, a troubleshooting guide, the search page with results, and the ask page after a question
 * was sent. Needs `npm run build` first. Writes DIR/<page>-<width>.png (default screenshots/, git-ignored;
 * the pull-request workflow uploads it as the `screenshots` artifact).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { startServer, tempDir } from '../../tests/helpers/server.ts';
import { requireBuild } from '../../tests/helpers/site.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' } } });
const out = resolve(values.out!);

/** Each picture: its file name, where it starts, and what to do before it is taken. */
const shots: Array<{ name: string; path: string; ready?: (page: Page) => Promise<void> }> = [
	{ name: 'home', path: '/' },
	{ name: 'hub-customers', path: '/customers/' },
	{ name: 'faq-payments', path: '/faq/payments/' },
	{ name: 'troubleshooting', path: '/troubleshooting/link-not-tracking/' },
	{
		name: 'search-results',
		path: '/search/?q=payout+threshold',
		ready: async (page) => {
			await page.locator('#ph-search-results > li').first().waitFor({ timeout: 20_000 });
		},
	},
	{
		name: 'ask-sent',
		path: '/ask/?from=%2Ffaq%2Fpayments%2F&audience=affiliate',
		ready: async (page) => {
			await page
				.getByLabel('Your question')
				.fill('My PayPal payout for November has not arrived yet. What should I check?');
			await page.getByLabel('Email').fill('ana@example.com');
			await page.getByRole('button', { name: 'Send your question' }).click();
			await page.locator('[data-ask-confirm]:not([hidden])').waitFor({ timeout: 20_000 });
		},
	},
];
const widths = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 },
];

requireBuild();
mkdirSync(out, { recursive: true });
const dir = tempDir('screenshots');
const server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite'), FEEDBACK_RATE_LIMIT: '1000' });
const browser = await launchBrowser();
try {
	for (const viewport of widths) {
		const context = await browser.context({
			viewport,
			colorScheme: 'light',
			timezoneId: 'Europe/London',
			deviceScaleFactor: 1,
		});
		for (const shot of shots) {
			const page = await context.newPage();
			await page.goto(`${server.base}${shot.path}`, { waitUntil: 'networkidle' });
			await shot.ready?.(page);
			await page.evaluate(async () => {
				await document.fonts.ready;
				scrollTo(0, 0);
			});
			const file = join(out, `${shot.name}-${viewport.width}.png`);
			await page.screenshot({ path: file, fullPage: true });
			console.log(`wrote ${file}`);
			await page.close();
		}
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
