/**
 * The site's three search boxes in Chromium: the header box (every page), the search page and
 * the ask form's suggestions run one pipeline, so a question typed into each shows the same first
 * answer; the header box works by keyboard alone; a search that finds nothing offers the ask form
 * with the question carried over; a German page searches the German index in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { watchForErrors } from '../helpers/browser.ts';

let site: E2eSite;
let context: BrowserContext;
const problems: string[] = [];

async function open(path: string): Promise<Page> {
	const page = await context.newPage();
	const watch = watchForErrors(page);
	page.on('close', () => problems.push(...watch.problems));
	await page.goto(`${site.base}${path}`);
	return page;
}

/** Opens the header box from the page's own button and types `query`. */
async function headerSearch(page: Page, query: string) {
	await page
		.getByRole('button', { name: /^Search/ })
		.first()
		.click();
	const dialog = page.getByRole('dialog', { name: 'Search the help' });
	await dialog.getByRole('searchbox', { name: 'Search the help' }).fill(query);
	return dialog;
}

const firstHref = (page: Page, selector: string) => page.locator(selector).first().getAttribute('href');

beforeAll(async () => {
	site = await startE2e('search');
	context = await site.browser.context();
	context.setDefaultTimeout(20_000);
});
afterAll(async () => {
	await context?.close();
	await site?.stop();
});

describe('searching in Chromium', () => {
	// Questions as readers type them, each with words no page holds together.
	it.each(['my parcel never arrived', 'how long until my refund shows up', 'postback not firing'])(
		'shows the same first answer for "%s" in the header box, on the search page and in the ask form',
		async (question) => {
			const home = await open('/');
			const dialog = await headerSearch(home, question);
			await expect.poll(() => dialog.locator('#ph-modal-results > li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
			const header = await firstHref(home, '#ph-modal-results a');
			// The header box titles a result by its page and the section it lands on.
			expect(await dialog.locator('#ph-modal-results .ph-result-title').first().textContent()).toMatch(/\S/);
			await home.close();

			const search = await open(`/search/?q=${encodeURIComponent(question)}`);
			await expect
				.poll(() => search.locator('#ph-search-results > li').count(), { timeout: 20_000 })
				.toBeGreaterThan(0);
			const page = await firstHref(search, '#ph-search-results a.ph-search-title');
			await search.close();

			const ask = await open('/ask/');
			await ask.locator('[data-suggest-source]').fill(question);
			await expect.poll(() => ask.locator('[data-suggestions-list] a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
			const suggestion = await firstHref(ask, '[data-suggestions-list] a');
			await ask.close();

			expect(header).toBeTruthy();
			expect(page).toBe(header);
			expect(suggestion).toBe(header);
		},
	);

	it('works the header box by keyboard: Ctrl+K opens, arrows move through the results, Enter opens one, Escape closes', async () => {
		const page = await open('/faq/');
		// The box is ready when its button is enabled, as Starlight's was.
		await expect.poll(() => page.locator('button[data-open-modal]').isEnabled(), { timeout: 15_000 }).toBe(true);
		await page.locator('body').press('Control+k');
		const dialog = page.getByRole('dialog', { name: 'Search the help' });
		const input = dialog.getByRole('searchbox', { name: 'Search the help' });
		await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
		await page.keyboard.type('refund');
		const results = dialog.locator('#ph-modal-results a');
		await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(1);
		// The status line announces what was found.
		expect(await dialog.getByRole('status').textContent()).toMatch(/answers? for “refund”/);

		await page.keyboard.press('ArrowDown');
		expect(await results.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('ArrowDown');
		expect(await results.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

		await page.keyboard.press('Escape');
		await expect
			.poll(() => page.evaluate(() => document.querySelector('site-search dialog')!.hasAttribute('open')))
			.toBe(false);

		await page.keyboard.press('Control+k');
		await expect
			.poll(() => page.evaluate(() => document.querySelector('site-search dialog')!.hasAttribute('open')))
			.toBe(true);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const second = new URL((await results.nth(1).getAttribute('href'))!, site.base);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === second.pathname);
		await page.close();
	});

	it('offers the ask form with the question when nothing is found, in the header box and on the search page', async () => {
		const question = 'zeppelin quokka';
		const home = await open('/');
		const dialog = await headerSearch(home, question);
		const status = dialog.getByRole('status');
		await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('No answer found');
		expect(await dialog.locator('#ph-modal-results > li').count()).toBe(0);
		const ask = status.getByRole('link', { name: 'Ask the support team' });
		expect(await ask.getAttribute('href')).toBe('/ask/?q=zeppelin+quokka&from=search');
		await ask.click();
		await home.waitForURL(/\/ask\//);
		await expect.poll(() => home.locator('textarea[name="question"]').inputValue()).toBe(question);
		await home.close();

		const search = await open(`/search/?q=${encodeURIComponent(question)}`);
		const pageStatus = search.locator('#ph-search-status');
		await expect.poll(() => pageStatus.textContent(), { timeout: 20_000 }).toContain('No pages match');
		expect(await pageStatus.getByRole('link').getAttribute('href')).toBe('/ask/?q=zeppelin+quokka&from=search');
		await search.close();
	});

	it('shows a "Searching…" state until the results are in', async () => {
		const page = await open('/');
		// Slow the index down so that the state can be seen.
		await page.route('**/pagefind/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 300));
			await route.continue();
		});
		const dialog = await headerSearch(page, 'payout threshold');
		await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 5_000 }).toBe('Searching…');
		await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/answers? for/);
		await page.close();
	});

	it('reports no console error, exception or failed request', () => {
		expect(problems).toEqual([]);
	});

	it('searches a German page in German: the German index, German texts, and a German answer opened by Enter', async () => {
		const page = await open('/de/');
		await page
			.getByRole('button', { name: /^Suchen/ })
			.first()
			.click();
		const dialog = page.getByRole('dialog', { name: 'Die Hilfe durchsuchen' });
		// Umlauts typed out, as on a keyboard without them; filler words ("wie", "kann", "ich", "einen") dropped.
		await dialog
			.getByRole('searchbox', { name: 'Die Hilfe durchsuchen' })
			.fill('wie kann ich einen artikel zurueckgeben');
		await expect
			.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 })
			.toMatch(/Antworten? auf „wie kann ich einen artikel zurueckgeben“/);
		const hrefs = await dialog
			.locator('#ph-modal-results a')
			.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.filter((h) => !h.startsWith('/de/'))).toEqual([]);
		// The ways on stay in German: the search page and the ask form at /de/, with the question.
		const more = await dialog.getByRole('link', { name: 'Mit Filtern suchen' }).getAttribute('href');
		expect(more).toMatch(/^\/de\/search\/\?q=/);
		expect(await dialog.getByRole('link', { name: /Support-Team/ }).getAttribute('href')).toMatch(/^\/de\/ask\/\?q=/);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/de\/faq\/refunds-returns\//);
		expect(new URL(page.url()).pathname).toBe('/de/faq/refunds-returns/');
		expect(await page.locator('html').getAttribute('lang')).toBe('de');
		await page.close();
	});
});
