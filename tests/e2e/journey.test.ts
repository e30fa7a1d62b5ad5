import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's violations on the page as it is now (after a vote, after sending), one line each. */
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run(
						d: Document,
						o: object,
					): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
				};
			}
		).axe;
		return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
		);
	});
}

/**
 * A reader for whom an article did not help: "No" leads to the ask form with the page carried over,
 * with JavaScript and without, and the question arrives in the store with that page.
 */
let site: E2eSite;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const article = '/affiliates/onboarding/payments/';

beforeAll(async () => {
	site = await startE2e('journey');
	// axe-core is injected as an inline script, which the pages' Content-Security-Policy (rightly) blocks.
	withJs = await site.browser.context({ bypassCSP: true });
	withoutJs = await site.browser.context({ javaScriptEnabled: false });
	for (const c of [withJs, withoutJs]) c.setDefaultTimeout(15_000);
});
afterAll(async () => {
	await withJs?.close();
	await withoutJs?.close();
	await site?.stop();
});

describe('after a "No" vote', () => {
	it('with JavaScript: shows the pressed button, opens the comment box and the ask link, and the ask form carries the page', async () => {
		const page = await withJs.newPage();
		await page.goto(`${site.base}${article}`);
		const vote = page.locator('form.ph-vote');
		expect(await vote.getByLabel(/What was missing or wrong/).isVisible()).toBe(false);
		await vote.getByRole('button', { name: 'No' }).click();
		expect(await vote.getByRole('button', { name: 'No' }).getAttribute('aria-pressed')).toBe('true');
		expect(await vote.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('false');
		expect(await vote.getByLabel(/What was missing or wrong/).isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		const before = site.submissions().length;
		await vote.getByRole('link', { name: 'Ask the team about this page' }).click();
		await page.waitForURL(/\/ask\/\?/);
		expect(new URL(page.url()).searchParams.get('from')).toBe(article);
		// Leaving the article sent the "No" on its own.
		await expect
			.poll(() =>
				site
					.submissions()
					.slice(before)
					.filter((r) => r['kind'] === 'vote'),
			)
			.toEqual([expect.objectContaining({ page: article, helpful: 0, comment: null })]);

		await page.getByLabel('Your question').fill('Can I be paid twice a month instead of once?');
		await page.getByRole('button', { name: 'Send your question' }).click();
		const panel = page.locator('[data-ask-confirm]:not([hidden])');
		await panel.waitFor();
		expect(await page.locator('form.ph-ask').isVisible()).toBe(false);
		const reference = (await panel.locator('[data-reference]').textContent())!;
		expect(reference).toMatch(/^FB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(await panel.getByRole('link', { name: 'Back to the page you were reading' }).getAttribute('href')).toBe(
			article,
		);
		// Questions stay in the store here (no helpdesk): the panel promises no email.
		expect(await panel.textContent()).toContain('not answered by email');
		expect(await panel.locator('[data-delivery="helpdesk"]').first().isVisible()).toBe(false);
		expect(site.submissions().find((r) => r['reference'] === reference)).toMatchObject({
			kind: 'question',
			from_page: article,
		});
		expect(await page.evaluate(() => document.activeElement?.matches('[data-ask-confirm]'))).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('with JavaScript: a comment goes with the vote, once', async () => {
		const page = await withJs.newPage();
		await page.goto(`${site.base}/faq/payments/`);
		const first = page.locator('section.ph-faq').first();
		const id = (await first.locator('h2').getAttribute('id'))!;
		const vote = first.locator('form.ph-vote');
		await vote.getByRole('button', { name: 'No' }).click();
		expect(await vote.getByRole('link', { name: 'Ask the team about this question' }).getAttribute('href')).toBe(
			`/ask/?from=${encodeURIComponent(`/faq/payments/#${id}`)}`,
		);
		const before = site.submissions().length;
		await vote.getByLabel(/What was missing or wrong/).fill('Nothing about the form for a company.');
		await vote.getByRole('button', { name: 'Send feedback' }).click();
		await expect.poll(() => vote.locator('[data-feedback-status]').getAttribute('data-state')).toBe('sent');
		await page.close(); // leaving sends nothing more
		await new Promise((r) => setTimeout(r, 500));
		expect(site.submissions().slice(before)).toEqual([
			expect.objectContaining({
				kind: 'vote',
				page: `/faq/payments/#${id}`,
				helpful: 0,
				comment: 'Nothing about the form for a company.',
			}),
		]);
	});

	it('without JavaScript: the thank-you page leads back to the article and offers the ask form about it', async () => {
		const page = await withoutJs.newPage();
		await page.goto(`${site.base}${article}`);
		const before = site.submissions().length;
		await page.locator('form.ph-vote').getByRole('button', { name: 'No' }).click();
		await page.waitForURL(/\/ask\/thanks\/\?ref=.*kind=vote/);
		expect(site.submissions().slice(before)).toEqual([
			expect.objectContaining({ kind: 'vote', page: article, helpful: 0 }),
		]);
		expect(await page.getByRole('link', { name: 'Back to the page you were reading' }).getAttribute('href')).toBe(
			article,
		);
		expect(await page.locator('form.ph-ask input[name="from"]').inputValue()).toBe(article);

		await page.getByLabel('Your question').fill('Is there a fee for a second payment method?');
		await page.getByRole('button', { name: 'Send your question' }).click();
		await page.waitForURL(/\/ask\/thanks\/\?ref=.*kind=question/);
		const reference = (await page.locator('[data-reference]').textContent())!;
		expect(site.submissions().find((r) => r['reference'] === reference)).toMatchObject({
			kind: 'question',
			question: 'Is there a fee for a second payment method?',
			from_page: article,
		});
		expect(await page.getByRole('heading', { name: 'Sent to the support team' }).isVisible()).toBe(true);
		expect(await page.textContent('main')).toContain('not answered by email');
		await page.close();
	});
});
