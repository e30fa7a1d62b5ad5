import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, clientDir, page, pageLanguage, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { readContent } from '../../scripts/writers/lib/content-files.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/bench/search-index.ts';
import { audiences } from '../../src/schemas/common.ts';
import { searchTypes } from '../../src/lib/search-filters.ts';
import { resultTitle } from '../../src/lib/search-landing.ts';
import { urls } from '../../src/lib/urls.ts';
import { localeOfPath } from '../../src/i18n/locales.ts';

const content = await readContent(projectRoot);
const entries = (collection: string) =>
	content.filter((f) => f.collection === collection).map((f) => ({ id: f.id, data: f.raw as Record<string, any> }));

/** The filter values a built page declares, as Pagefind reads them (`<span hidden data-pagefind-filter="audience:customer">`). */
function declaredFilters(urlPath: string): { audience: string[]; type: string[] } {
	const html = page(urlPath);
	const values = (name: string) =>
		[...html.matchAll(new RegExp(`<span hidden data-pagefind-filter="${name}:([^"]*)"`, 'g'))].map((m) => m[1]!).sort();
	return { audience: values('audience'), type: values('type') };
}

const everyone = [...audiences].sort();
let index: SearchIndex;

beforeAll(async () => {
	requireBuild();
	index = await openSearchIndex(clientDir);
});
afterAll(() => index?.close());

describe('search filters on every page', () => {
	it('files each troubleshooting guide under its own audience and the troubleshooting type', async () => {
		for (const { id, data } of entries('troubleshooting')) {
			expect(declaredFilters(`/troubleshooting/${id}/`), id).toEqual({
				audience: [data['audience']],
				type: ['troubleshooting'],
			});
		}
	});

	it('files each FAQ topic page under the audiences of its questions', async () => {
		const faqs = entries('faqs');
		for (const topic of new Set(faqs.map((f) => f.data['topic'] as string))) {
			const expected = [
				...new Set(faqs.filter((f) => f.data['topic'] === topic).map((f) => f.data['audience'] as string)),
			].sort();
			expect(declaredFilters(`/faq/${topic}/`), topic).toEqual({ audience: expected, type: ['faq'] });
		}
	});

	it('files guides by their front matter, and pages for everyone under every audience', async () => {
		// The 404 page is left out of the index (pagefind: false), so it declares no filters.
		for (const { id, data } of entries('docs').filter((e) => e.id !== '404')) {
			const path = urls.doc(id);
			const type =
				data['pageType'] === 'glossary'
					? ['guide']
					: (data['pageType'] ?? 'guide') in searchTypes
						? [data['pageType'] ?? 'guide']
						: [];
			expect(declaredFilters(path), path).toEqual({ audience: data['audience'] ? [data['audience']] : everyone, type });
		}
	});

	it('files terms, disclosure and commission pages under their types', async () => {
		for (const { data } of entries('disclosures'))
			expect(declaredFilters(`/disclosures/${data['channel']}/`)).toEqual({
				audience: ['affiliate'],
				type: ['disclosure'],
			});
		expect(declaredFilters('/terms/')).toEqual({ audience: ['affiliate'], type: ['terms'] });
		expect(declaredFilters('/terms/changes/')).toEqual({ audience: ['affiliate'], type: ['terms'] });
		expect(declaredFilters('/commission/')).toEqual({ audience: ['advertiser', 'affiliate'], type: ['commission'] });
		expect(declaredFilters('/ask/')).toEqual({ audience: everyone, type: [] });
	});

	it('declares them with valid HTML: no <meta> without a name', async () => {
		for (const path of allPages()) expect(page(path), path).not.toMatch(/<meta data-pagefind-filter/);
	});

	it('gives every indexed page an audience, so filtering by audience hides nothing for everyone', async () => {
		const missing = allPages().filter((p) => p !== '/404.html' && declaredFilters(p).audience.length === 0);
		expect(missing).toEqual([]);
	});

	it('puts the filters into the Pagefind index with the number of pages under each', async () => {
		const filters = await index.filters();
		// The index opened here is the English one; German pages have their own (tests/integration/i18n.test.ts).
		const pages = allPages().filter((p) => p !== '/404.html' && p !== '/search/' && pageLanguage(p) === 'en');
		for (const audience of audiences) {
			expect(filters['audience']?.[audience], audience).toBe(
				pages.filter((p) => declaredFilters(p).audience.includes(audience)).length,
			);
		}
		for (const type of Object.keys(searchTypes)) {
			expect(filters['type']?.[type], type).toBe(pages.filter((p) => declaredFilters(p).type.includes(type)).length);
		}
	});
});

describe('searching the built index', () => {
	it('keeps only pages for the chosen audience and type', async () => {
		const all = await index.search('refund', { limit: 50 });
		const forCustomers = await index.search('refund', { filters: { audience: 'customer' }, limit: 50 });
		const customerFaqs = await index.search('refund', { filters: { audience: 'customer', type: 'faq' }, limit: 50 });
		expect(all.landings.some((l) => !l.filters['audience']?.includes('customer'))).toBe(true);
		expect(forCustomers.total).toBeGreaterThan(0);
		expect(forCustomers.total).toBeLessThan(all.total);
		expect(forCustomers.landings.every((l) => l.filters['audience']?.includes('customer'))).toBe(true);
		expect(customerFaqs.total).toBeGreaterThan(0);
		expect(
			customerFaqs.landings.every(
				(l) => l.filters['type']?.includes('faq') && l.filters['audience']?.includes('customer'),
			),
		).toBe(true);
	});

	it('lands a question on its deep link in the FAQ page, with an excerpt from that answer', async () => {
		const { landings } = await index.search('How long does it take to get my refund?');
		expect(landings[0]?.url).toBe('/faq/refunds-returns/#refund-timing');
		expect(landings[0]?.title).toBe('How long does it take to get my refund?');
		expect(landings[0]?.excerpt).toMatch(/<mark>refund/i);
	});

	it('finds a question asked with filler words no page contains', async () => {
		const outcome = await index.search('how to disclose on instagram');
		expect(outcome.searched).toBe('disclose instagram');
		expect(outcome.landings[0]?.pageUrl).toBe('/disclosures/social/');
	});

	it('finds nothing for words no page holds, which is when every search box offers the ask form', async () => {
		const outcome = await index.search('zeppelin quokka');
		expect(outcome).toMatchObject({ landings: [], total: 0, searched: 'zeppelin quokka', corrected: false });
	});

	it('still finds the pages holding the rest of a question with a word no page holds', async () => {
		const all = await index.search('payout threshold');
		const withUnknown = await index.search('payout threshold zeppelin');
		expect(all.landings.length).toBeGreaterThan(0);
		expect(withUnknown.landings[0]?.pageUrl).toBe(all.landings[0]?.pageUrl);
	});

	it('shows one result per answer: a page twice only as two questions of an FAQ page', async () => {
		for (const query of ['refund', 'payment', 'tracking link', 'commission', 'disclosure', 'coupon code', 'postback']) {
			const { landings } = await index.search(query, { limit: 20 });
			const urls = landings.map((l) => l.url);
			expect(new Set(urls).size, query).toBe(urls.length);
			const repeated = landings.filter((l, i) => landings.findIndex((o) => o.pageUrl === l.pageUrl) !== i);
			for (const l of repeated) expect(l.filters['type'], `${query}: ${l.url}`).toContain('faq');
		}
	});

	it("titles each result by its page, and takes snippets from content only, never the site's own chrome", async () => {
		for (const query of [
			'refund',
			'payment methods',
			'tracking link',
			'commission rates',
			'disclosure instagram',
			'warranty',
			'postback',
			'dispute',
		]) {
			const { landings } = await index.search(query, { limit: 20 });
			expect(landings.length, query).toBeGreaterThan(0);
			for (const l of landings) {
				expect(resultTitle(l).startsWith(l.pageTitle), l.url).toBe(true);
				expect(l.excerpt, `${query}: ${l.url}`).not.toMatch(
					/Edit this|Also searched as|Was this page helpful|None of these helped/,
				);
				// An answer's audience tag; a hub's "For advertisers" heading is content.
				if (l.filters['type']?.includes('faq'))
					expect(l.excerpt, `${query}: ${l.url}`).not.toMatch(/For (affiliates|customers|advertisers)\b/);
			}
		}
	});

	it("matches an article's search terms, which no reader sees", async () => {
		const faqs = entries('faqs').filter((f) => (f.data['searchTerms'] as string[] | undefined)?.length);
		expect(faqs.length).toBeGreaterThan(5);
		for (const faq of faqs) {
			const html = page(`/faq/${faq.data['topic']}/`);
			expect(html).not.toContain('Also searched as');
			const term = (faq.data['searchTerms'] as string[])[0]!;
			expect(html, faq.id).toContain(`data-terms="${(faq.data['searchTerms'] as string[]).join(', ')}"`);
			const { landings } = await index.search(term, { limit: 10 });
			expect(
				landings.map((l) => l.pageUrl),
				`"${term}" (${faq.id})`,
			).toContain(`/faq/${faq.data['topic']}/`);
		}
	});

	it('does not index the search page itself', async () => {
		const { landings } = await index.search('search', { limit: 100 });
		expect(landings.map((l) => l.pageUrl)).not.toContain('/search/');
	});
});

describe("the site's words, by first letter", () => {
	it("splits /search/words.json into shards a search fetches by its words' first letters, in the same order", () => {
		const all = JSON.parse(readFileSync(join(clientDir, 'search', 'words.json'), 'utf8')) as string[];
		const letters = [...'abcdefghijklmnopqrstuvwxyz', '_'];
		const shards = Object.fromEntries(
			letters.map((l) => [
				l,
				JSON.parse(readFileSync(join(clientDir, 'search', 'words', `${l}.json`), 'utf8')) as string[],
			]),
		);
		for (const letter of letters.slice(0, -1)) {
			expect(shards[letter], letter).toEqual(all.filter((w) => w.startsWith(letter)));
		}
		expect(shards['_']).toEqual(all.filter((w) => !/^[a-z]/.test(w)));
		expect(shards['c']).toContain('commission');
	});
});

describe('the header search box', () => {
	it('is on every page: a dialog with a labelled search box, a live status, and the search page and the ask form under its results', async () => {
		for (const path of allPages().filter((p) => p !== '/404.html')) {
			const html = page(path);
			expect(html, path).toMatch(/<dialog aria-labelledby="ph-modal-label"/);
			expect(html, path).toMatch(/<label for="ph-modal-q" id="ph-modal-label"/);
			expect(html, path).toMatch(/<p id="ph-modal-status"[^>]*role="status"[^>]*aria-live="polite"/);
			const more = html.match(/<p class="ph-modal-more[^"]*" hidden>([\s\S]*?)<\/p>/)?.[1] ?? '';
			// In the page's language: /de/search/ and /de/ask/ on a German page.
			const prefix = localeOfPath(path) === 'root' ? '' : `/${localeOfPath(path)}`;
			expect(more, path).toContain(`<a data-search-page href="${prefix}/search/"`);
			expect(more, path).toContain(`<a data-ask href="${prefix}/ask/?from=search"`);
			expect(html, path).not.toContain('starlight__search');
		}
	});

	it('runs the one search pipeline the search page and the ask form run, in one module', async () => {
		const dir = join(clientDir, '_astro');
		const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
		const engine = scripts.filter((f) => readFileSync(join(dir, f), 'utf8').includes('/search/words/'));
		expect(engine, "one module fetches the site's words").toHaveLength(1);
		const importers = scripts.filter((f) => readFileSync(join(dir, f), 'utf8').includes(engine[0]!));
		const pageScripts = (path: string) =>
			[...page(path).matchAll(/<script type="module" src="\/_astro\/([^"]+)"/g)].map((m) => m[1]!);
		// The header box on every page, the search page and the ask form each load a script that imports it.
		for (const path of ['/', '/search/', '/ask/']) {
			expect(
				pageScripts(path).some((s) => importers.includes(s)),
				path,
			).toBe(true);
		}
		expect(importers.some((f) => readFileSync(join(dir, f), 'utf8').includes('site-search'))).toBe(true);
	});
});

describe('the search page', () => {
	const html = () => page('/search/');

	it('is a GET form on /search/ whose query is q, so a search can be linked', async () => {
		expect(html()).toMatch(/<form class="ph-search[^"]*" action="\/search\/" method="get" role="search"/);
		expect(html()).toMatch(/<input id="ph-search-q" name="q" type="search"/);
	});

	it('labels every control and announces results in a live region', async () => {
		const ids = [...html().matchAll(/<(?:input|select) id="([^"]+)"/g)].map((m) => m[1]!);
		expect(ids).toEqual(expect.arrayContaining(['ph-search-q', 'ph-search-audience', 'ph-search-type']));
		for (const id of ids) expect(html(), id).toContain(`<label for="${id}"`);
		expect(html()).toMatch(/<p id="ph-search-status"[^>]*role="status"[^>]*aria-live="polite"/);
	});

	it('offers every audience and content type as a filter', async () => {
		const options = (name: string) =>
			[
				...html()
					.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))![1]!
					.matchAll(/<option value="([^"]*)"/g),
			].map((m) => m[1]);
		expect(options('audience')).toEqual(['', ...audiences]);
		expect(options('type')).toEqual(['', ...Object.keys(searchTypes)]);
	});

	it('without JavaScript, explains and holds the ask form, which posts the question straight to the endpoint', async () => {
		const noscript = html().match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
		expect(noscript).toContain('needs JavaScript');
		expect(noscript).toMatch(/<form class="ph-feedback ph-ask" method="post" action="\/api\/feedback\/"/);
		expect(noscript).toMatch(/<input type="hidden" name="from" value="search"/);
		expect(noscript).toMatch(/<textarea[^>]*name="question"/);
		expect(noscript).toContain('href="/faq/"');
	});

	it('is valid HTML around its scripts: nothing after </html>', async () => {
		expect(html().trimEnd().endsWith('</html>')).toBe(true);
		expect(html()).not.toMatch(/<script>\s*\S{100,}/); // its own code is a module, not inline
	});

	it('links "none of these helped" to the ask form', async () => {
		expect(html()).toContain('href="/ask/?from=search"');
		expect(html()).toContain('None of these helped?');
	});
});
