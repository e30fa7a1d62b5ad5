import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { fieldsOf, toolSlugs, toolUrls, type ToolSlug } from '../../src/lib/tools/index.ts';
import { fieldIds } from '../../src/lib/tools/answer.ts';
import { isIsoDate } from '../../src/lib/tools/time.ts';
import { toolCases, type ToolCase } from '../fixtures/tools/cases.ts';
import { loadToolData } from '../fixtures/tools/data.ts';

/**
 * Each tool in Chromium, answered twice: in place by the page's script, and with JavaScript off by
 * the server's answer route. Both must give the hand-computed figures, in the same words.
 */
let site: E2eSite;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const problems: string[] = [];
const data = await loadToolData();

beforeAll(async () => {
	site = await startE2e('tools');
	withJs = await site.browser.context({ timezoneId: 'Asia/Tokyo' });
	withoutJs = await site.browser.context({ javaScriptEnabled: false });
	for (const c of [withJs, withoutJs]) c.setDefaultTimeout(15_000);
});
afterAll(async () => {
	await withJs?.close();
	await withoutJs?.close();
	await site?.stop();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
	const page = await context.newPage();
	const watch = watchForErrors(page);
	page.on('close', () => problems.push(...watch.problems.filter((p) => !p.includes('status of 422'))));
	await page.goto(`${site.base}${path}`, { waitUntil: 'networkidle' });
	return page;
}

/** Fills the form as a reader would; fields the case leaves out are emptied. */
async function fill(page: Page, slug: ToolSlug, query: Record<string, string>) {
	for (const f of fieldsOf(slug, data)) {
		const control = page.locator(`#${fieldIds(f.name).control}`);
		const value = query[f.name] ?? '';
		if (f.kind === 'select') await control.selectOption(value);
		else if (f.kind === 'checkbox') await control.setChecked(value === 'on');
		else await control.fill(value);
	}
}

const figures = (page: Page) =>
	page
		.locator('#tool-result dd[data-key]')
		.evaluateAll((dds) =>
			Object.fromEntries(dds.map((dd) => [dd.getAttribute('data-key'), dd.getAttribute('data-value') ?? ''])),
		);
const expected = (c: ToolCase, got: Record<string, string>) =>
	Object.fromEntries(Object.keys(c.expect!).map((k) => [k, got[k]]));
/** Whether a browser's own controls can hold a case's values (a date input cannot hold 2026-02-29, nor a time input 25:00). */
function browserCanSend(slug: ToolSlug, c: ToolCase): boolean {
	return fieldsOf(slug, data).every((f) => {
		const value = c.query[f.name] ?? '';
		if (value === '') return true;
		if (f.kind === 'date') return isIsoDate(value);
		if (f.kind === 'time') return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
		if (f.kind === 'select') return (f.options ?? []).some((o) => o.value === value);
		return true;
	});
}
/** The first three answered cases of each tool. */
const sendable = (slug: ToolSlug) => toolCases[slug].filter((c) => !c.errors && browserCanSend(slug, c)).slice(0, 3);

describe.each(toolSlugs)('the %s tool in Chromium', (slug) => {
	it.each(sendable(slug).map((c) => [c.name, c] as const))(
		'answers "%s" the same with and without JavaScript',
		async (_name, c) => {
			const js = await open(withJs, toolUrls.page(slug));
			await fill(js, slug, c.query);
			await js.getByRole('button', { name: 'Answer' }).click();
			await js.locator('#tool-result[data-answered-by="browser"] .ph-answer').waitFor();
			expect(new URL(js.url()).pathname, 'answered in place').toBe(toolUrls.page(slug));
			expect(expected(c, await figures(js))).toEqual(c.expect);
			const jsText = await js.locator('#tool-result').innerText();

			const plain = await open(withoutJs, toolUrls.page(slug));
			await fill(plain, slug, c.query);
			await plain.getByRole('button', { name: 'Answer' }).click();
			await plain.waitForURL((url) => url.pathname === toolUrls.answer(slug));
			expect(expected(c, await figures(plain))).toEqual(c.expect);
			expect(await plain.locator('#tool-result').innerText()).toBe(jsText);
			// The answer page keeps what was sent.
			for (const f of fieldsOf(slug, data)) {
				if (f.kind === 'checkbox' || f.kind === 'select') continue;
				expect(await plain.locator(`#${fieldIds(f.name).control}`).inputValue(), f.name).toBe(c.query[f.name] ?? '');
			}
			await js.close();
			await plain.close();
		},
	);

	it('refuses a bad field next to it, with and without JavaScript', async () => {
		const c = toolCases[slug].find((x) => x.errors && browserCanSend(slug, x))!;
		const [field, start] = Object.entries(c.errors!)[0]!;
		const ids = fieldIds(field);
		for (const context of [withJs, withoutJs]) {
			const page = await open(context, toolUrls.page(slug));
			await fill(page, slug, c.query);
			await page.getByRole('button', { name: 'Answer' }).click();
			const error = page.locator(`#${ids.error}`);
			await error.waitFor({ state: 'visible' });
			expect(await error.innerText()).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
			const control = page.locator(`#${ids.control}`);
			expect(await control.getAttribute('aria-invalid')).toBe('true');
			expect((await control.getAttribute('aria-describedby'))?.split(' ')).toContain(ids.error);
			// The summary in the live region links to the field.
			await page.locator(`#tool-result a[href="#${ids.control}"]`).waitFor();
			if (context === withJs) expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids.control);
			await page.close();
		}
	});
});

describe('the tool pages in Chromium', () => {
	it('start the time zone field in the reader’s own zone when JavaScript runs', async () => {
		const js = await open(withJs, toolUrls.page('payout'));
		// The module script sets the zone after the page loads: wait for it rather than read once.
		await expect.poll(() => js.locator(`#${fieldIds('zone').control}`).inputValue()).toBe('Asia/Tokyo');
		const plain = await open(withoutJs, toolUrls.page('payout'));
		expect(await plain.locator(`#${fieldIds('zone').control}`).inputValue()).toBe(data.program.payout.cutoffTimeZone);
		await js.close();
		await plain.close();
	});

	it('preselect the channel a disclosure page links with', async () => {
		const page = await open(withJs, '/disclosures/video/');
		await page.getByRole('link', { name: 'Check it with the disclosure checker' }).click();
		await page.waitForURL(/\/tools\/disclosure\/\?channel=video$/);
		await expect.poll(() => page.locator(`#${fieldIds('channel').control}`).inputValue()).toBe('video');
		await page.close();
	});

	it('put each terms label on the line of its value', async () => {
		const page = await open(withJs, '/terms/');
		const rows = await page
			.locator('.ph-terms-meta > dt')
			.evaluateAll((dts) =>
				dts.map((dt) => [
					dt.getBoundingClientRect().top,
					(dt.nextElementSibling as HTMLElement).getBoundingClientRect().top,
				]),
			);
		expect(rows.length).toBeGreaterThanOrEqual(3);
		for (const [label, value] of rows) expect(Math.abs(label! - value!)).toBeLessThan(2);
		await page.close();
	});

	it('report no console error, exception or failed request', async () => {
		expect(problems).toEqual([]);
	});
});
