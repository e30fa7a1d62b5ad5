/**
 * A German reader from search to ticket, in Chromium: on the German home page they search in German,
 * open the German answer the header box finds, go on to the German ask form
 * from that page and send a question. The stored submission and the ticket delivered to the
 * helpdesk (a local server that speaks Zendesk's ticket API) both carry German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { de } from '../helpers/texts.ts';
import { FakeHelpdesk, zendeskCredentials } from '../helpers/fake-helpdesk.ts';
import { fastDeliveryEnv } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let site: E2eSite;
let helpdesk: FakeHelpdesk;
let context: BrowserContext;

beforeAll(async () => {
	helpdesk = await new FakeHelpdesk().start();
	site = await startE2e('german-reader', {
		...fastDeliveryEnv,
		FEEDBACK_DESTINATION: 'zendesk',
		ZENDESK_URL: helpdesk.base,
		ZENDESK_EMAIL: zendeskCredentials.email,
		ZENDESK_API_TOKEN: zendeskCredentials.token,
	});
	context = await site.browser.context({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	context.setDefaultTimeout(20_000);
});
afterAll(async () => {
	await context?.close();
	await site?.stop();
	await helpdesk?.stop();
});

describe('a German reader, from search to ticket', () => {
	it('searches in German, lands on a German answer, asks there, and the ticket carries German', async () => {
		const page = await context.newPage();
		await page.goto(`${site.base}/de/`);
		await page
			.getByRole('button', { name: /^Suchen/ })
			.first()
			.click();
		const dialog = page.getByRole('dialog', { name: de('search.ui.dialogLabel') });
		await dialog.getByRole('searchbox', { name: de('search.ui.dialogLabel') }).fill('wann kommt meine erstattung');
		await expect.poll(() => dialog.locator('#ph-modal-results a').count(), { timeout: 30_000 }).toBeGreaterThan(0);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/de\/(faq|troubleshooting)\//);
		expect(await page.locator('html').getAttribute('lang')).toBe('de');

		// On to the ask form from the answer, in German (the header's "contact support" link).
		await page
			.getByRole('link', { name: de('header.contactSupport') })
			.first()
			.click();
		await page.waitForURL(/\/de\/ask\//);
		const question = 'Meine Erstattung ist nach drei Wochen noch nicht da. Was kann ich tun?';
		await page.getByLabel(de('ask.questionLabel'), { exact: true }).fill(question);
		await page.getByLabel(de('ask.audienceLabel'), { exact: true }).selectOption('customer');
		await page.getByLabel(de('ask.emailLabel')).fill('leserin@example.de');
		await page.getByRole('button', { name: de('ask.send') }).click();
		const panel = page.locator('[data-ask-confirm]');
		await panel.waitFor({ state: 'visible' });
		expect(await panel.innerText()).toContain(de('confirm.heading'));

		const stored = site.submissions().find((s) => s['question'] === question);
		expect(stored).toMatchObject({ kind: 'question', locale: 'de', audience: 'customer' });
		await waitFor('the ticket', () => helpdesk.ticketsFor(String(stored!['reference'])).length === 1);
		const request = helpdesk.ticketsFor(String(stored!['reference']))[0]!.body['request'] as {
			requester: { locale_id: number; email: string };
			tags: string[];
			comment: { body: string };
		};
		expect(request.requester).toMatchObject({ email: 'leserin@example.de', locale_id: 8 });
		expect(request.tags).toContain('lang-de');
		expect(request.comment.body).toContain(question);
		await page.close();
	});
});
