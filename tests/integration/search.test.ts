import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, clientDir, page, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { readContent } from '../../scripts/lib/content-files.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/lib/search-index.ts';
import { audiences } from '../../src/schemas/common.ts';
import { searchTypes } from '../../src/lib/search-filters.ts';
import { searchRanking } from '../../src/lib/search-ranking.ts';
import { urls } from '../../src/lib/urls.ts';

const content = readContent(projectRoot);
const entries = (collection: string) => content.filter((f) => f.collection === collection).map((f) => ({ id: f.id, data: f.raw as Record<string, any> }));

/** The filter values a built page declares in its head, as Pagefind reads them. */
function declaredFilters(urlPath: string): { audience: string[]; type: string[] } {
	const html = page(urlPath);
	const values = (name: string) =>
		[...html.matchAll(new RegExp(`<meta data-pagefind-filter="${name}\\[content\\]" content="([^"]*)"`, 'g'))].map((m) => m[1]!).sort();
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
	it('files each troubleshooting guide under its own audience and the troubleshooting type', () => {
		for (const { id, data } of entries('troubleshooting')) {
			expect(declaredFilters(`/troubleshooting/${id}/`), id).toEqual({ audience: [data['audience']], type: ['troubleshooting'] });
		}
	});

	it('files each FAQ topic page under the audiences of its questions', () => {
		const faqs = entries('faqs');
		for (const topic of new Set(faqs.map((f) => f.data['topic'] as string))) {
			const expected = [...new Set(faqs.filter((f) => f.data['topic'] === topic).map((f) => f.data['audience'] as string))].sort();
			expect(declaredFilters(`/faq/${topic}/`), topic).toEqual({ audience: expected, type: ['faq'] });
		}
	});

	it('files guides by their front matter, and pages for everyone under every audience', () => {
		// The 404 page is left out of the index (pagefind: false), so it declares no filters.
		for (const { id, data } of entries('docs').filter((e) => e.id !== '404')) {
			const path = urls.doc(id);
			const type = data['pageType'] === 'glossary' ? ['guide'] : (data['pageType'] ?? 'guide') in searchTypes ? [data['pageType'] ?? 'guide'] : [];
			expect(declaredFilters(path), path).toEqual({ audience: data['audience'] ? [data['audience']] : everyone, type });
		}
	});

	it('files terms, disclosure and commission pages under their types', () => {
		for (const { data } of entries('disclosures')) expect(declaredFilters(`/disclosures/${data['channel']}/`)).toEqual({ audience: ['affiliate'], type: ['disclosure'] });
		expect(declaredFilters('/terms/')).toEqual({ audience: ['affiliate'], type: ['terms'] });
		expect(declaredFilters('/terms/changes/')).toEqual({ audience: ['affiliate'], type: ['terms'] });
		expect(declaredFilters('/commission/')).toEqual({ audience: ['advertiser', 'affiliate'], type: ['commission'] });
		expect(declaredFilters('/ask/')).toEqual({ audience: everyone, type: [] });
	});

	it('gives every indexed page an audience, so filtering by audience hides nothing for everyone', () => {
		const missing = allPages().filter((p) => p !== '/404.html' && declaredFilters(p).audience.length === 0);
		expect(missing).toEqual([]);
	});

	it('puts the filters into the Pagefind index with the number of pages under each', async () => {
		const filters = await index.filters();
		const pages = allPages().filter((p) => p !== '/404.html' && p !== '/search/');
		for (const audience of audiences) {
			expect(filters['audience']?.[audience], audience).toBe(pages.filter((p) => declaredFilters(p).audience.includes(audience)).length);
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
		expect(customerFaqs.landings.every((l) => l.filters['type']?.includes('faq') && l.filters['audience']?.includes('customer'))).toBe(true);
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

	it('finds nothing for words no page holds, which is when the search page offers the ask form', async () => {
		const outcome = await index.search('zeppelin quokka');
		expect(outcome).toEqual({ landings: [], total: 0, searched: 'zeppelin quokka', corrected: false });
	});

	it('does not index the search page itself', async () => {
		const { landings } = await index.search('search', { limit: 100 });
		expect(landings.map((l) => l.pageUrl)).not.toContain('/search/');
	});
});

describe("Starlight's search modal", () => {
	it('is still on every page, with the search page and the ask form offered under its results', () => {
		for (const path of allPages().filter((p) => p !== '/404.html')) {
			const html = page(path);
			expect(html, path).toMatch(/<div id="starlight__search"[ >]/);
			const more = html.match(/<p class="ph-modal-more[^"]*" hidden>([\s\S]*?)<\/p>/)?.[1] ?? '';
			expect(more, path).toMatch(/<a data-search-page href="\/search\/"/);
			expect(more, path).toMatch(/<a data-ask href="\/ask\/\?from=search"/);
		}
	});

	it('ranks with the same weights as the search page and the benchmark', () => {
		const scripts = readdirSync(join(clientDir, '_astro')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(clientDir, '_astro', f), 'utf8'));
		const modal = scripts.find((js) => js.includes('PagefindUI') && js.includes('ranking:{'));
		expect(modal, 'the modal script').toBeDefined();
		// The modal's options are Starlight's pagefind config, inlined into the bundle as an object literal.
		const literal = modal!.match(/ranking:(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})/)?.[1];
		expect(literal, 'a ranking object in the modal script').toBeDefined();
		expect(new Function(`return (${literal});`)()).toEqual(searchRanking);
	});
});

describe('the search page', () => {
	const html = () => page('/search/');

	it('is a GET form on /search/ whose query is q, so a search can be linked', () => {
		expect(html()).toMatch(/<form class="ph-search[^"]*" action="\/search\/" method="get" role="search"/);
		expect(html()).toMatch(/<input id="ph-search-q" name="q" type="search"/);
	});

	it('labels every control and announces results in a live region', () => {
		const ids = [...html().matchAll(/<(?:input|select) id="([^"]+)"/g)].map((m) => m[1]!);
		expect(ids).toEqual(expect.arrayContaining(['ph-search-q', 'ph-search-audience', 'ph-search-type', 'ph-search-ask-q']));
		for (const id of ids) expect(html(), id).toContain(`<label for="${id}"`);
		expect(html()).toMatch(/<p id="ph-search-status"[^>]*role="status"[^>]*aria-live="polite"/);
	});

	it('offers every audience and content type as a filter', () => {
		const options = (name: string) => [...html().match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))![1]!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
		expect(options('audience')).toEqual(['', ...audiences]);
		expect(options('type')).toEqual(['', ...Object.keys(searchTypes)]);
	});

	it('without JavaScript, explains and offers the ask form with the question carried over', () => {
		const noscript = html().match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
		expect(noscript).toContain('needs JavaScript');
		expect(noscript).toMatch(/<form action="\/ask\/" method="get"[^>]*>/);
		expect(noscript).toMatch(/<input type="hidden" name="from" value="search"/);
		expect(noscript).toMatch(/name="q"/);
		expect(noscript).toContain('href="/faq/"');
	});

	it('links "none of these helped" to the ask form', () => {
		expect(html()).toContain('href="/ask/?from=search"');
		expect(html()).toContain('None of these helped?');
	});
});
