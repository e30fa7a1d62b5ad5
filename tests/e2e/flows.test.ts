import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';

let site: E2eSite;
let context: BrowserContext;
const problems: string[] = [];

/** A new tab whose console errors, exceptions and failed requests are collected for the last test. */
async function open(path: string, from: BrowserContext = context): Promise<Page> {
	const page = await from.newPage();
	const watch = watchForErrors(page);
	page.on('close', () => problems.push(...watch.problems));
	await page.goto(`${site.base}${path}`);
	return page;
}

/** What has keyboard focus: its id, or its tag and text. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			id: el?.id ?? '',
			tag: el?.tagName ?? '',
			text: (el?.textContent ?? '').trim().slice(0, 80),
			className: el?.className ?? '',
			outline: el ? getComputedStyle(el).outlineStyle : '',
		};
	});

/** Presses Tab until `wanted` holds for the focused element; fails after `max` presses with the path taken. */
async function tabTo(page: Page, what: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
	const path: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (wanted(f)) return f;
		path.push(f.id || `${f.tag}:${f.text}`);
	}
	throw new Error(`Tab never reached ${what} in ${max} presses; focus went ${path.join(' → ')}`);
}

beforeAll(async () => {
	site = await startE2e('flows');
	context = await site.browser.context();
	context.setDefaultTimeout(15_000);
});
afterAll(async () => {
	await context?.close();
	await site?.stop();
});

describe('a reader in Chromium', () => {
	it('searches from the home page, narrows to an audience and opens a result', async () => {
		const page = await open('/');
		await page.getByRole('button', { name: 'Search' }).first().click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('searchbox', { name: 'Search the help' }).fill('payout threshold');
		await expect.poll(() => dialog.locator('#ph-modal-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		await dialog.getByRole('link', { name: 'Search with filters' }).click();
		await page.waitForURL(/\/search\/\?q=payout\+threshold$/);
		const status = page.locator('#ph-search-status');
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/pages? match/);
		const links = () =>
			page
				.locator('#ph-search-results > li a.ph-search-title')
				.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		const unfiltered = await links();
		const before = await status.textContent();
		await page.getByLabel('Written for').selectOption('customer');
		await page.waitForURL(/audience=customer/);
		await expect.poll(() => status.textContent()).not.toBe(before);
		// Another list: a question found on fewer pages for one audience is relaxed to fewer of its words.
		expect(await links()).not.toEqual(unfiltered);
		// Every result is for customers (or for everyone: no "for …" note).
		for (const meta of await page.locator('#ph-search-results > li .ph-meta').allTextContents()) {
			const audiences = meta.split(' · ').find((part) => part.startsWith('for '));
			if (audiences) expect(audiences).toContain('customers');
		}
		const first = page.locator('#ph-search-results > li a.ph-search-title').first();
		const title = (await first.textContent())!;
		await first.click();
		await page.waitForURL((url) => !url.pathname.startsWith('/search/'));
		// Titled "Page › Section": the section landed on is on the page opened.
		expect(await page.locator('main').textContent()).toContain(title.split(' › ').at(-1)!.trim());
		await page.close();
	});

	it('finds nothing, carries the query to the ask form, sends it and gets a reference that is in the store', async () => {
		const query = 'qzxvk';
		const page = await open(`/search/?q=${encodeURIComponent(query)}`);
		const status = page.locator('#ph-search-status');
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('No pages match');
		await status.getByRole('link', { name: 'ask the support team' }).click();
		await page.waitForURL(/\/ask\/\?/);
		const question = page.getByLabel('Your question');
		expect(await question.inputValue()).toBe(query);
		await question.fill(`Can I promote ${query} lessons?`);
		await page.getByLabel('I am').selectOption('affiliate');
		await page.getByRole('button', { name: 'Send your question' }).click();
		// The form gives way to the confirmation, which carries the reference.
		const sent = page.locator('[data-ask-confirm]:not([hidden]) [data-reference]');
		await expect.poll(() => sent.textContent()).toMatch(/^FB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		const reference = (await sent.textContent())!;
		expect(site.submissions().find((r) => r['reference'] === reference)).toMatchObject({
			kind: 'question',
			question: `Can I promote ${query} lessons?`,
			audience: 'affiliate',
			from_page: 'search',
			query,
		});
		await page.close();
	});

	it('votes on a page and the vote is stored with its comment', async () => {
		const path = '/affiliates/onboarding/payments/';
		const page = await open(path);
		const before = site.submissions().length;
		// The comment box opens once "No" is pressed; the vote goes with the comment.
		await page.getByRole('group', { name: 'Was this page helpful?' }).getByRole('button', { name: 'No' }).click();
		await page.getByLabel(/What was missing or wrong/).fill('Nothing about wire fees.');
		await page.getByRole('button', { name: 'Send feedback' }).click();
		await expect.poll(() => page.locator('.ph-vote [data-feedback-status]').getAttribute('data-state')).toBe('sent');
		expect(site.submissions().slice(before)).toEqual([
			expect.objectContaining({ kind: 'vote', page: path, helpful: 0, comment: 'Nothing about wire fees.' }),
		]);
		await page.close();
	});

	it('asks without JavaScript: the search page holds the form and posts it, the thank-you page shows the reference, the store has it with the search', async () => {
		const noScript = await site.browser.context({ javaScriptEnabled: false });
		try {
			const query = 'zeppelin hangar lease';
			// The search form without JavaScript reloads the page with the query in its address.
			const page = await open(`/search/?q=${encodeURIComponent(query)}`, noScript);
			await page.getByLabel('Your question').fill('Can I promote from an airship without JavaScript?');
			await page.getByLabel('Email').fill('pilot@example.com');
			await page.getByRole('button', { name: 'Send your question' }).click();
			await page.waitForURL(/\/ask\/thanks\/\?ref=/);
			const reference = (await page.locator('[data-reference]').textContent())!;
			expect(reference).toMatch(/^FB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
			expect(site.submissions().find((r) => r['reference'] === reference)).toMatchObject({
				kind: 'question',
				question: 'Can I promote from an airship without JavaScript?',
				email: 'pilot@example.com',
				from_page: 'search',
				query,
			});
			await page.close();
		} finally {
			await noScript.close();
		}
	});

	it('searches and asks with the keyboard alone', async () => {
		const page = await open('/search/');
		await tabTo(page, 'the search box', (f) => f.id === 'ph-search-q');
		await page.keyboard.type('payment late');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.locator('#ph-search-status').textContent(), { timeout: 15_000 })
			.toMatch(/pages? match/);
		// Tab goes through the filters, then to the first result, which Enter opens.
		const result = await tabTo(page, 'the first search result', (f) => f.className.includes('ph-search-title'));
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/search/'));
		expect(await page.locator('h1').first().textContent()).toBeTruthy();
		expect(result.text).not.toBe('');

		await page.goto(`${site.base}/ask/`);
		await tabTo(page, 'the question field', (f) => f.id === 'ph-ask-question');
		await page.keyboard.type('How do I change my payout method by keyboard?');
		await page.keyboard.press('Tab');
		expect((await focused(page)).id).toBe('ph-ask-audience');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Tab');
		expect((await focused(page)).id).toBe('ph-ask-email');
		await page.keyboard.type('keys@example.com');
		// The spam trap is skipped: the next stop is the send button.
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Send your question' });
		await page.keyboard.press('Enter');
		await page.locator('[data-ask-confirm]:not([hidden])').waitFor();
		expect(site.submissions().at(-1)).toMatchObject({
			kind: 'question',
			question: 'How do I change my payout method by keyboard?',
			audience: 'customer',
			email: 'keys@example.com',
		});
		await page.close();
	});

	it('reports no console error, exception or failed request on any page type', async () => {
		for (const path of Object.values(pageTypes)) {
			const page = await open(path);
			await page.waitForLoadState('networkidle');
			// Open the search modal too: it loads Pagefind's script and index.
			if (path === '/') {
				await page.getByRole('button', { name: 'Search' }).first().click();
				await page.getByRole('searchbox', { name: 'Search the help' }).fill('refund');
				await expect.poll(() => page.locator('#ph-modal-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
			}
			await page.close();
		}
		// Every flow above is included: each tab's problems were collected when it closed.
		// The one expected entry: Chromium logs the 404 page's own status.
		const own404 = (p: string) =>
			p.startsWith(
				`console error on ${site.base}/no-such-page/: Failed to load resource: the server responded with a status of 404`,
			);
		expect(problems.filter((p) => !own404(p))).toEqual([]);
	});
});
