/**
 * Our components in German on the real built site, and the German feedback forms without JavaScript
 * against the real server: texts come from src/content/i18n/de.json, numbers, money, days and hours
 * are written the German way, and a question or vote sent from a German page is stored as `de` and
 * thanked for in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadProgram } from '../../src/integrations/facts.ts';
import { formatMoney, formatOrdinal } from '../../src/lib/locale-format.ts';
import { fastDeliveryEnv, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { page, requireBuild } from '../helpers/site.ts';

const texts = (lang: string) =>
	JSON.parse(readFileSync(new URL(`../../src/content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;
const de = texts('de');
const en = texts('en');
const program = loadProgram(new URL('../../', import.meta.url));

const unescape = (s: string) =>
	s
		.replace(/&nbsp;|\u00a0/g, ' ')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
/** The words a reader sees in an HTML text, tags and scripts left out. */
const words = (html: string) =>
	unescape(
		html
			.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
			.replace(/<[^>]+>/g, ' ')
			// Intl puts a no-break space between amount and currency ("15 $"); compared as a plain one.
			.replace(/\s+/g, ' '),
	);
const htmlLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
/** A feedback form of a page, by its kind ("vote", "question"), as HTML. */
function form(html: string, kind: 'vote' | 'question'): string {
	const start = html.indexOf(`data-feedback-form="${kind}"`);
	if (start < 0) throw new Error(`No ${kind} form on the page.`);
	const open = html.lastIndexOf('<form', start);
	return html.slice(open, html.indexOf('</form>', start) + '</form>'.length);
}
/** The fields a browser without JavaScript posts from a form: its inputs, with their values as written. */
function fields(formHtml: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [input] of formHtml.matchAll(/<input\b[^>]*>/g)) {
		const name = /\sname="([^"]*)"/.exec(input)?.[1];
		if (name) out[name] = unescape(/\svalue="([^"]*)"/.exec(input)?.[1] ?? '');
	}
	return out;
}
/** The table of a page with this caption. */
function table(html: string, caption: string): string {
	const found = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].find((m) =>
		m[0].includes(`<caption>${caption}</caption>`),
	);
	if (!found) throw new Error(`No table captioned "${caption}" on the page.`);
	return found[0];
}
const attribute = (html: string, name: string) => unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1] ?? '');

beforeAll(requireBuild);

describe('our components on German pages of the built site', () => {
	it('asks for a vote in German and sends the page’s language with it', () => {
		for (const path of ['/de/affiliates/', '/de/affiliates/onboarding/payments/']) {
			const html = page(path);
			expect(htmlLang(html), path).toBe('de');
			const vote = form(html, 'vote');
			expect(words(vote), path).toContain(de['vote.legend']);
			expect(words(vote), path).toContain(de['vote.commentLabel']);
			expect(fields(vote)['locale'], path).toBe('de');
			// The browser script's texts, in German, for it to show once the vote is sent.
			expect(attribute(vote, 'data-text-glad')).toBe(de['vote.glad']);
			expect(attribute(vote, 'data-text-server-answered')).toBe(de['feedback.serverAnswered']);
		}
		const english = form(page('/affiliates/onboarding/payments/'), 'vote');
		expect(words(english)).toContain(en['vote.legend']);
		expect(fields(english)['locale']).toBe('en');
	});

	it('writes the payment methods table in German, with money and the payment day the German way', () => {
		const text = words(table(page('/de/affiliates/onboarding/payments/'), de['paymentMethods.caption']!));
		for (const key of ['paymentMethods.caption', 'paymentMethods.method', 'paymentMethods.fee'])
			expect(text).toContain(de[key]);
		const day = formatOrdinal(program.payout.paymentDay, 'de');
		expect(day).toBe(`${program.payout.paymentDay}.`);
		for (const m of program.payout.methods) {
			const fee = m.fee === 0 ? de['paymentMethods.none']! : formatMoney(m.fee, program.currency, 'de');
			expect(text).toContain(fee.replace(/\u00a0/g, ' '));
			if (m.arrivalBusinessDays === 0) expect(text).toContain(`Am ${day}`);
			else expect(text).toContain(`nach dem ${day}`);
		}
		const paid = program.payout.methods.find((m) => m.fee > 0 && !Number.isInteger(m.fee));
		if (paid) expect(text).toMatch(/\d,\d\d\s\$/); // "2,50 $", not "$2.50"
		expect(text).not.toMatch(/business day|On the|None/);
		const englishTable = words(table(page('/affiliates/onboarding/payments/'), en['paymentMethods.caption']!));
		expect(englishTable).toContain(en['paymentMethods.fee']);
		expect(englishTable).toContain(`${program.payout.paymentDay}th`);
	});

	it('gives the support channels with German day names, time zones and reply targets', () => {
		const html = page('/de/affiliates/onboarding/support/');
		const table = /<table class="ph-table ph-channels"[\s\S]*?<\/table>/.exec(html)![0];
		const text = words(table);
		expect(text).toContain(de['supportChannels.caption']);
		expect(text).toContain(de['supportChannels.firstReply']);
		expect(text).toMatch(/Montag bis Freitag, \d\d:\d\d–\d\d:\d\d/);
		expect(text).toContain('innerhalb von');
		expect(text).not.toMatch(/Monday|within|business/);
		// The reader's own hours, which the browser adds, are worded in German too.
		expect(attribute(table, 'data-text-local')).toBe(de['localHours.local']);
		const region = /<div\s+class="ph-table-scroll"[^>]*>/.exec(html)![0];
		expect(attribute(region, 'aria-label')).toBe(de['supportChannels.region']);
	});

	it('searches from the German home page with a German label and hint', () => {
		const html = page('/de/');
		const search = /<form[^>]*class="ph-home-search[^"]*"[\s\S]*?<\/form>/.exec(html)![0];
		expect(attribute(search, 'aria-label')).toBe(de['homeSearch.formLabel']);
		expect(words(search)).toContain(de['homeSearch.label']);
	});

	it('keeps the English hub, contact panel and ask form in English', () => {
		const hub = words(page('/affiliates/'));
		expect(hub).toContain(en['contactPanel.heading']);
		expect(hub).toContain(en['audienceHub.guides']);
		expect(hub).toMatch(/The support team answers written questions within \d+ business (day|hour)/);
		const ask = form(page('/ask/'), 'question');
		expect(words(ask)).toContain(en['ask.questionLabel']);
		expect(fields(ask)['locale']).toBe('en');
	});
});

describe('German feedback without JavaScript, on the real server', () => {
	let server: RunningServer;
	let dir: string;
	let db: string;
	beforeAll(async () => {
		dir = tempDir('german-forms');
		db = join(dir, 'feedback.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fastDeliveryEnv });
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});
	const stored = () => {
		const database = new DatabaseSync(db, { readOnly: true });
		try {
			return database.prepare('SELECT reference, kind, locale FROM submissions ORDER BY id').all();
		} finally {
			database.close();
		}
	};
	/** Posts a page's form as a browser without JavaScript does, from that page; answers the redirect's address. */
	async function submit(from: string, formHtml: string, extra: Record<string, string>): Promise<URL> {
		const response = await fetch(new URL(attribute(formHtml, 'action'), server.base), {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: server.base,
				referer: from,
			},
			body: new URLSearchParams({ ...fields(formHtml), ...extra }).toString(),
			redirect: 'manual',
		});
		expect(response.status, await response.clone().text()).toBe(303);
		return new URL(response.headers.get('location')!, server.base);
	}

	it('stores a vote and then a question from a German page as German and thanks for each in German', async () => {
		const article = `${server.base}/de/affiliates/onboarding/payments/`;
		const articleHtml = await (await fetch(article)).text();
		const thanksForVote = await submit(article, form(articleHtml, 'vote'), { helpful: 'no' });
		expect(thanksForVote.searchParams.get('locale')).toBe('de');

		const voteThanks = await (await fetch(thanksForVote, { headers: { referer: article } })).text();
		expect(voteThanks).toContain('<div lang="de">');
		expect(words(voteThanks)).toContain(de['thanks.voteHelps']);
		expect(words(voteThanks)).toContain(de['thanks.askHeading']);
		// The ask form offered there is German, and carries the language on.
		const ask = form(voteThanks, 'question');
		for (const key of ['ask.questionLabel', 'ask.audienceLabel', 'ask.send', 'ask.audience.affiliate'])
			expect(words(ask)).toContain(de[key]);
		expect(fields(ask)).toMatchObject({ locale: 'de', from: '/de/affiliates/onboarding/payments/' });

		const thanksForQuestion = await submit(thanksForVote.href, ask, {
			question: 'Wann wird mein Guthaben ausgezahlt?',
			audience: 'affiliate',
		});
		expect(thanksForQuestion.searchParams.get('locale')).toBe('de');
		const confirmation = await (await fetch(thanksForQuestion)).text();
		const text = words(confirmation);
		expect(text).toContain(de['confirm.heading']);
		expect(text).toContain(de['confirm.readsEvery']);
		expect(text).toContain(`Ihre Vorgangsnummer ist ${thanksForQuestion.searchParams.get('ref')}`);
		expect(text).toMatch(/Montag bis Freitag/);
		expect(text).not.toContain(en['confirm.heading']);

		expect(stored()).toEqual([
			{ reference: thanksForVote.searchParams.get('ref'), kind: 'vote', locale: 'de' },
			{ reference: thanksForQuestion.searchParams.get('ref'), kind: 'question', locale: 'de' },
		]);
	});

	it('thanks in English without a language in the address, and ignores a language the site does not have', async () => {
		for (const query of ['', '&locale=fr']) {
			const html = await (
				await fetch(`${server.base}/ask/thanks/?ref=FB-TEST-0001&kind=question&delivery=store${query}`)
			).text();
			expect(html).toContain('<div lang="en">');
			expect(words(html)).toContain(en['confirm.heading']);
			expect(words(html)).toContain('Monday to Friday');
		}
	});
});
