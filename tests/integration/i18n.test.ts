import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, clientDir, isNotFoundPage, page, requireBuild } from '../helpers/site.ts';
import { buildFixture, removeFixture } from '../helpers/fixtures.ts';
import { germanFactsFrom } from '../../src/i18n/facts.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';

beforeAll(requireBuild);

const site = 'https://help.tallwood.example';
const program = loadProgram(new URL('../../', import.meta.url));
const de = JSON.parse(readFileSync(new URL('../../src/content/i18n/de.json', import.meta.url), 'utf8')) as Record<
	string,
	string
>;
const unescape = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"');

const htmlLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
/** The `hreflang` alternates of a page's head: language → address. */
const alternates = (html: string) =>
	Object.fromEntries(
		[...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/?>/g)].map((m) => [m[1]!, m[2]!]),
	);
/** The links of the language choice, as [language, address]. */
const languageLinks = (html: string) => {
	const nav = /<nav class="ph-languages[^"]*"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
	return [...nav.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"/g)].map((m) => [m[2]!, m[1]!] as const);
};
const exists = (path: string) => existsSync(join(clientDir, path, 'index.html'));
/** A built page's address from a full URL on the site. */
const pathOf = (url: string) => new URL(url).pathname;

const translated = [
	'/de/',
	'/de/affiliates/',
	'/de/customers/',
	'/de/advertisers/',
	'/de/affiliates/onboarding/joining/',
	'/de/affiliates/onboarding/tracking-links/',
	'/de/affiliates/onboarding/payments/',
	'/de/affiliates/onboarding/tax-forms/',
	'/de/affiliates/onboarding/support/',
	'/de/customers/buying-through-a-partner-link/',
	'/de/customers/privacy-rights/',
	'/de/glossary/',
];

describe('German beside English', () => {
	it('gives every English docs page a German address, marked as German', () => {
		const english = allPages().filter((p) => !p.startsWith('/de/') && !isNotFoundPage(p));
		// Docs pages are those Starlight builds with an "Edit this page" link or a hub/home template.
		const docsPages = english.filter((p) => exists(`/de${p}`));
		expect(docsPages).toEqual(
			expect.arrayContaining([
				'/',
				'/affiliates/',
				'/affiliates/onboarding/joining/',
				'/glossary/',
				'/privacy/',
				'/advertisers/disputes/',
			]),
		);
		for (const p of docsPages) {
			expect(htmlLang(page(p)), p).toBe('en');
			expect(htmlLang(page(`/de${p}`)), `/de${p}`).toBe('de');
		}
	});

	it('links each translation and its English page both ways with hreflang, and x-default to English', () => {
		for (const p of translated) {
			const en = p.slice(3) || '/';
			expect(alternates(page(p)), p).toEqual({ en: `${site}${en}`, de: `${site}${p}`, 'x-default': `${site}${en}` });
			expect(alternates(page(en)), en).toEqual({ en: `${site}${en}`, de: `${site}${p}`, 'x-default': `${site}${en}` });
		}
	});

	it('links every own page and its German version both ways with hreflang, and every alternate leads to a built page', () => {
		for (const p of [
			'/faq/',
			'/faq/payments/',
			'/terms/',
			'/commission/',
			'/disclosures/',
			'/ask/',
			'/search/',
			'/tools/',
		]) {
			const both = { en: `${site}${p}`, de: `${site}/de${p}`, 'x-default': `${site}${p}` };
			expect(alternates(page(p)), p).toEqual(both);
			expect(alternates(page(`/de${p}`)), `/de${p}`).toEqual(both);
		}
		for (const p of allPages().filter((p) => !isNotFoundPage(p))) {
			for (const href of Object.values(alternates(page(p)))) expect(exists(pathOf(href)), `${href} on ${p}`).toBe(true);
		}
	});

	it('gives every English page a German counterpart: translated, or English marked as such with the notice', () => {
		const notice = de['i18n.untranslatedContent']!;
		const english = allPages().filter((p) => !p.startsWith('/de/') && !isNotFoundPage(p) && !p.endsWith('.html'));
		const missing = english.filter((p) => !exists(`/de${p}`));
		expect(missing).toEqual([]);
		for (const p of english) {
			const html = unescape(page(`/de${p}`));
			expect(htmlLang(html), `/de${p}`).toBe('de');
			// English text inside a German page is marked as English, beside the notice that says it is not translated yet.
			if (html.includes(notice)) expect(html, `/de${p}`).toMatch(/\slang="en"/);
		}
	});

	it('marks the tools, English only so far, as English on German pages, under the notice', () => {
		const tools = allPages().filter((p) => /^\/tools\/[^/]+\/$/.test(p));
		expect(tools.length).toBeGreaterThan(0);
		for (const p of tools) {
			const german = unescape(page(`/de${p}`));
			expect(german, `/de${p}`).toContain(de['i18n.untranslatedContent']);
			expect(german, `/de${p}`).toMatch(/<div lang="en">\s*<p class="ph-lead">/);
			expect(unescape(page(p)), p).not.toContain('<div lang="en">');
		}
	});

	it('shows a translated FAQ in German, not marked as English', () => {
		const html = unescape(page('/de/faq/payments/'));
		const section = (id: string) =>
			new RegExp(`<section class="ph-faq" aria-labelledby="${id}"[^>]*>[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
		const germanQuestion = /^question: (.+)$/m.exec(
			readFileSync(new URL('../../src/content/faqs/de/payout-threshold.md', import.meta.url), 'utf8'),
		)![1]!;
		expect(section('payout-threshold')).toContain(germanQuestion);
		expect(section('payout-threshold')).not.toMatch(/<section[^>]*lang="en"/);
		expect(section('payout-threshold')).not.toContain(de['i18n.untranslatedContent']);
	});

	it('shows an untranslated entry in English inside a German page, said to be English, with the notice in German', async () => {
		// Every FAQ of the site has a German version: a fixture site has a topic with one translated and one not.
		const { code, output, root } = await buildFixture('mixed-translation');
		try {
			expect(code, output).toBe(0);
			const html = unescape(readFileSync(join(root, 'dist', 'client', 'de', 'faq', 'payments', 'index.html'), 'utf8'));
			const opening = (id: string) =>
				new RegExp(`<section class="ph-faq" aria-labelledby="${id}"([^>]*)>([\\s\\S]*?)</section>`).exec(html);
			expect(opening('payout-threshold')?.[2]).toContain('Wie hoch ist der Mindestauszahlungsbetrag?');
			expect(opening('payout-threshold')?.[1]).not.toContain('lang="en"');
			expect(opening('when-paid')?.[1]).toContain('lang="en"');
			expect(opening('when-paid')?.[2]).toContain('When do I get paid?');
			expect(opening('when-paid')?.[2]).toContain(de['i18n.untranslatedContent']);
		} finally {
			removeFixture(root);
		}
	}, 300_000);

	it('keeps the links of German pages inside /de/ wherever the page exists there', () => {
		for (const p of ['/de/faq/payments/', '/de/troubleshooting/', '/de/terms/', '/de/disclosures/social/']) {
			const body = page(p).slice(page(p).search(/<body[\s>]/));
			const english = [...body.matchAll(/<a\b([^>]*)\shref="(\/(?!\/|de\/)[^"]*)"([^>]*)>/g)]
				.filter((m) => !/hreflang=/.test(m[1]! + m[3]!))
				.map((m) => m[2]!)
				// What exists in English only: files (the feed, the sitemap, icons) and the team's parts.
				.filter((href) => !/\.[a-z]+(?:[?#].*)?$/.test(href) && !/^\/(?:support|api)\//.test(href));
			expect(english, p).toEqual([]);
			expect(body, p).toContain('href="/de/');
		}
	});

	it('says on German terms that the English version binds, and links it', () => {
		const html = unescape(page('/de/terms/'));
		expect(html).toContain(de['pages.terms.binding']);
		expect(html).toMatch(/<a href="\/terms\/\d+-\d+\/" hreflang="en"/);
		// The translated version shows its German text.
		expect(html).toContain('Begriffsbestimmungen');
	});

	it('shows Starlight’s "not yet translated" notice, in German, on a German address without a translation only', () => {
		const notice = de['i18n.untranslatedContent']!;
		expect(unescape(page('/de/privacy/'))).toContain(notice);
		expect(unescape(page('/de/affiliates/onboarding/promotion-rules/'))).toContain(notice);
		for (const p of translated) expect(unescape(page(p)), p).not.toContain(notice);
		expect(unescape(page('/privacy/'))).not.toContain(notice);
	});

	it('leads the language choice on every page to a page that exists: the same page, or the home page of that language', () => {
		for (const p of allPages().filter((p) => !isNotFoundPage(p) && !p.endsWith('.html'))) {
			const links = languageLinks(page(p));
			expect(links.length, p).toBe(1);
			for (const [, href] of links) expect(exists(href), `${href} on ${p}`).toBe(true);
		}
		expect(languageLinks(page('/affiliates/onboarding/joining/'))).toEqual([
			['de', '/de/affiliates/onboarding/joining/'],
		]);
		expect(languageLinks(page('/de/affiliates/onboarding/joining/'))).toEqual([
			['en', '/affiliates/onboarding/joining/'],
		]);
		// The site's own pages have German versions too: the choice leads to the same page.
		expect(languageLinks(page('/faq/'))).toEqual([['de', '/de/faq/']]);
		expect(languageLinks(page('/de/faq/payments/'))).toEqual([['en', '/faq/payments/']]);
		expect(unescape(page('/faq/'))).not.toContain(de['languageSelect.homeOnly']);
	});

	it('keeps the sidebar of German pages in German, on pages that exist', () => {
		const html = page('/de/affiliates/onboarding/joining/');
		const sidebar =
			/<nav[^>]*aria-label="Main"[\s\S]*?<\/nav>|<div[^>]*class="[^"]*sidebar-content[\s\S]*?<\/nav>/.exec(html)?.[0] ??
			html;
		expect(sidebar).toContain('href="/de/faq/refunds-returns/"');
		expect(sidebar).not.toMatch(/href="\/faq\//);
		expect(sidebar).toContain('href="/de/affiliates/onboarding/payments/"');
	});

	it('lists both languages of a page as alternates in the sitemap', () => {
		const sitemap = readFileSync(join(clientDir, 'sitemap-0.xml'), 'utf8');
		const entry = (loc: string) =>
			new RegExp(`<url><loc>${loc}</loc>((?:(?!</url>).)*)</url>`).exec(sitemap)?.[1] ?? '';
		for (const p of ['/affiliates/onboarding/payments/', '/de/affiliates/onboarding/payments/', '/de/glossary/']) {
			const e = entry(`${site}${p}`);
			const en = p.replace(/^\/de\//, '/');
			expect(e, p).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${site}${en}"/>`);
			expect(e, p).toContain(`<xhtml:link rel="alternate" hreflang="de" href="${site}/de${en}"/>`);
		}
		// The site's own pages too.
		for (const p of ['/faq/', '/de/faq/', '/de/terms/changes/']) {
			const e = entry(`${site}${p}`);
			const en = p.replace(/^\/de\//, '/');
			expect(e, p).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${site}${en}"/>`);
			expect(e, p).toContain(`<xhtml:link rel="alternate" hreflang="de" href="${site}/de${en}"/>`);
		}
	});

	it('states program facts on German pages the German way, from the program file', () => {
		const defacts = germanFactsFrom(program);
		const en = factsFrom(program);
		const payments = unescape(page('/de/affiliates/onboarding/payments/'));
		expect(payments).toContain(`am ${defacts.paymentDay} des Monats`);
		expect(payments).toContain(`mindestens ${defacts.payoutThreshold}`);
		expect(payments).not.toContain(en.payoutThreshold);
		expect(payments).not.toMatch(/:fact\[/);
		expect(unescape(page('/affiliates/onboarding/payments/'))).toContain(en.payoutThreshold);
	});

	it('gives German pages a search index of their own', () => {
		const entry = JSON.parse(readFileSync(join(clientDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		// Every German page that is indexed at all (the search page itself is not), and as many as in English.
		const indexed = allPages().filter(
			(p) => p.startsWith('/de/') && !isNotFoundPage(p) && page(p).includes('data-pagefind-body'),
		);
		expect(indexed.length).toBeGreaterThan(50);
		expect(entry.languages['de']?.page_count).toBe(indexed.length);
		expect(entry.languages['de']?.page_count).toBe(entry.languages['en']?.page_count);
	});
});
