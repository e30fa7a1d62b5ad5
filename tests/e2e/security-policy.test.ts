import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';

let site: E2eSite;
let context: BrowserContext;

beforeAll(async () => {
	site = await startE2e('security-policy');
	context = await site.browser.context();
	context.setDefaultTimeout(15_000);
	// Every violation of the page's policy, as the browser reports it to the page.
	await context.addInitScript(() => {
		(window as unknown as { violations: string[] }).violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { violations: string[] }).violations.push(
				`${e.effectiveDirective} ${e.blockedURI || 'inline'} ${e.sample}`,
			),
		);
	});
});
afterAll(async () => {
	await context?.close();
	await site?.stop();
});

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the Content-Security-Policy in Chromium', () => {
	it('is enforced: a script the build did not hash is blocked', async () => {
		const page = await context.newPage();
		await page.goto(`${site.base}/faq/`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true;';
			document.body.append(script);
		});
		await expect.poll(() => violations(page), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^script-src/));
		expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
		await page.close();
	});

	it('reports no violation on any page type, with search, theme switch and the ask form in use', async () => {
		for (const path of Object.values(pageTypes)) {
			const page = await context.newPage();
			await page.goto(`${site.base}${path}`);
			await page.waitForLoadState('networkidle');
			expect(await violations(page), path).toEqual([]);
			await page.close();
		}
		const page = await context.newPage();
		await page.goto(`${site.base}/`);
		// Pagefind: its script, its WebAssembly and its worker.
		await page.getByRole('button', { name: 'Search' }).first().click();
		await page.getByRole('searchbox', { name: 'Search the help' }).fill('refund');
		// Pagefind takes over a second on a busy machine.
		await expect.poll(() => page.locator('#ph-modal-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		await page.keyboard.press('Escape');
		// Starlight's theme switch (an inline script the build hashes).
		const select = page.locator('starlight-theme-select select').first();
		await select.selectOption('light');
		expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
		await select.selectOption('dark');
		expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
		// The ask form posts to the same origin (form-action 'self', connect 'self').
		await page.goto(`${site.base}/ask/`);
		await page
			.getByLabel(/question/i)
			.first()
			.fill('Can I see the policy of this page?');
		await page.getByRole('button', { name: /send/i }).click();
		await expect
			.poll(() => site.submissions().some((s) => s['question'] === 'Can I see the policy of this page?'), {
				timeout: 15_000,
			})
			.toBe(true);
		expect(await violations(page)).toEqual([]);
		await page.close();
	});
});
