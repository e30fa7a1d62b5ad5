/**
 * A German reader in Chromium, with JavaScript: the vote and the ask form speak German in every state
 * the script shows (pressed "Nein", thanks, the confirmation with the reader's own hours), and what
 * is sent is stored as German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { de } from '../helpers/texts.ts';

let site: E2eSite;
let context: BrowserContext;

beforeAll(async () => {
	site = await startE2e('german-feedback');
	// A reader in Berlin: the team's Denver hours get the reader's own beside them.
	context = await site.browser.context({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	context.setDefaultTimeout(15_000);
});
afterAll(async () => {
	await context?.close();
	await site?.stop();
});

describe('a German reader in Chromium', () => {
	it('votes "Nein" on a German page with a comment, in German, and the vote is stored as German', async () => {
		const path = '/de/affiliates/onboarding/payments/';
		const page = await context.newPage();
		await page.goto(`${site.base}${path}`);
		const before = site.submissions().length;
		const status = page.locator('.ph-vote [data-feedback-status]');
		await page
			.getByRole('group', { name: de('vote.legend') })
			.getByRole('button', { name: de('vote.no') })
			.click();
		await expect.poll(() => status.textContent()).toBe(de('vote.sorry'));
		await page.getByLabel(de('vote.commentLabel')).fill('Die Gebühr für Überweisungen fehlt.');
		await page.getByRole('button', { name: de('vote.send') }).click();
		await expect.poll(() => status.getAttribute('data-state')).toBe('sent');
		expect(await status.textContent()).toBe(de('vote.thanksComment'));
		expect(site.submissions().slice(before)).toEqual([
			expect.objectContaining({ kind: 'vote', page: path, helpful: 0, locale: 'de' }),
		]);
		await page.close();
	});

	it('asks in German and gets the German confirmation with the reader’s own hours', async () => {
		// The German ask form as the thank-you page after a German vote offers it.
		const page = await context.newPage();
		await page.goto(`${site.base}/ask/thanks/?kind=vote&locale=de`);
		const before = site.submissions().length;
		await page.getByLabel(de('ask.questionLabel'), { exact: true }).fill('Wann wird mein Guthaben ausgezahlt?');
		await page.getByLabel(de('ask.audienceLabel'), { exact: true }).selectOption('affiliate');
		await page.getByRole('button', { name: de('ask.send') }).click();
		const panel = page.locator('[data-ask-confirm]');
		await panel.waitFor({ state: 'visible' });
		const text = (await panel.innerText()).replace(/\s+/g, ' ');
		expect(text).toContain(de('confirm.heading'));
		expect(text).toMatch(/Affiliates: erste Antwort innerhalb von .+ Montag bis Freitag, 08:00–17:00/);
		// Denver's hours in Berlin time (16:00–01:00 most of the year), said in German.
		expect(text).toMatch(/\(\d\d:\d\d–\d\d:\d\d Ihre Zeit, Europe\/Berlin\)/);
		expect(site.submissions().slice(before)).toEqual([
			expect.objectContaining({ kind: 'question', question: 'Wann wird mein Guthaben ausgezahlt?', locale: 'de' }),
		]);
		await page.close();
	});
});
