import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askLink } from '../../src/lib/ask-link.ts';
import { pageFilters } from '../../src/lib/search-filters.ts';
import { landingFor, type PagefindResultData } from '../../src/lib/search-landing.ts';
import { runSearch, withoutFillerWords } from '../../src/lib/search-run.ts';
import { readSearch, searchQueryString } from '../../src/lib/search-url.ts';
import { correctQuery, editDistance, vocabularyOf } from '../../src/lib/spelling.ts';
import { loadRelevanceSet, rankOf, score } from '../../scripts/lib/relevance.ts';

/** A result shaped as Pagefind returns it: word locations index the page's whitespace-separated words. */
const faqPage: PagefindResultData = {
	url: '/faq/payments/',
	content: 'FAQ: Payments. When do I get paid? On the 15th. Which payment methods can I choose? Bank payment, PayPal payment.',
	excerpt: 'page excerpt',
	meta: { title: 'FAQ: Payments' },
	filters: { audience: ['affiliate'], type: ['faq'] },
	sub_results: [
		{ title: 'FAQ: Payments', url: '/faq/payments/#_top', excerpt: 'top', weighted_locations: [{ location: 1, balanced_score: 7 }] },
		{ title: 'When do I get paid?', url: '/faq/payments/#when-do-i-get-paid', excerpt: 'When do I get <mark>paid</mark>?', weighted_locations: [{ location: 6, balanced_score: 8 }] },
		{
			title: 'Which payment methods can I choose?',
			url: '/faq/payments/#payment-methods',
			excerpt: 'methods',
			// "payment" three times, in the heading and the body: many hits of one word.
			weighted_locations: [{ location: 11, balanced_score: 6 }, { location: 17, balanced_score: 1 }, { location: 19, balanced_score: 1 }],
		},
	],
};

describe('search filters', () => {
	it('files a page for everyone under every audience, and the glossary as a guide', () => {
		expect(pageFilters({ pageType: 'glossary', audiences: [] })).toEqual({ audience: ['affiliate', 'customer', 'advertiser'], type: 'guide' });
	});
	it('leaves pages that are no content type out of the type filter', () => {
		expect(pageFilters({ pageType: 'hub', audiences: ['customer'] })).toEqual({ audience: ['customer'], type: undefined });
		expect(pageFilters({ pageType: 'faq', audiences: ['advertiser'] })).toEqual({ audience: ['advertiser'], type: 'faq' });
	});
});

describe('the ask link', () => {
	it('carries the query and where the reader came from, encoded', () => {
		expect(askLink('  link not tracking & more ', 'search')).toBe('/ask/?q=link+not+tracking+%26+more&from=search');
		expect(askLink('', '/faq/payments/')).toBe('/ask/?from=%2Ffaq%2Fpayments%2F');
	});
});

describe('filler words', () => {
	it('drops words that carry no subject, and keeps a query that is nothing else', () => {
		expect(withoutFillerWords('How to disclose on Instagram')).toBe('disclose instagram');
		expect(withoutFillerWords('chargeback')).toBeUndefined();
		expect(withoutFillerWords('what is it')).toBeUndefined();
	});

	it('searches without them first and falls back to the whole question when that finds nothing', async () => {
		const asked: string[] = [];
		const pagefind = {
			search: async (query: string) => {
				asked.push(query);
				return { results: query === 'what is it' ? [{ data: async () => faqPage }] : [] };
			},
		};
		expect((await runSearch(pagefind, 'what is it')).total).toBe(1);
		const outcome = await runSearch(pagefind, 'how to disclose');
		expect(outcome).toEqual({ landings: [], total: 0, searched: 'how to disclose', corrected: false });
		expect(asked).toEqual(['what is it', 'disclose', 'how to disclose']);
	});
});

describe('where a result lands', () => {
	it('lands on the question holding the reader\'s words, not the section repeating one of them', () => {
		const landing = landingFor(faqPage);
		expect(landing).toMatchObject({ url: '/faq/payments/#when-do-i-get-paid', pageUrl: '/faq/payments/', title: 'When do I get paid?', pageTitle: 'FAQ: Payments' });
		expect(landing.excerpt).toBe('When do I get <mark>paid</mark>?');
	});

	it('lands on the page itself when the best match is its top', () => {
		const top = { ...faqPage, sub_results: faqPage.sub_results!.slice(0, 1) };
		expect(landingFor(top)).toMatchObject({ url: '/faq/payments/', title: 'FAQ: Payments', excerpt: 'top' });
	});
});

describe('relevance scoring', () => {
	const landing = (url: string) => ({ url, pageUrl: url.replace(/#.*/, ''), title: '', pageTitle: '', excerpt: '', filters: {} });

	it('needs the exact question when the case names one, and any section of the page otherwise', () => {
		const results = [landing('/faq/payments/#payment-methods'), landing('/troubleshooting/payment-late/#steps')];
		expect(rankOf(results, '/faq/payments/#when-do-i-get-paid')).toBeUndefined();
		expect(rankOf(results, '/faq/payments/')).toBe(1);
		expect(rankOf(results, '/troubleshooting/payment-late/')).toBe(2);
	});

	it('computes hit rates and mean reciprocal rank, a miss counting zero', () => {
		expect(score([1, 2, undefined, 4])).toEqual({ cases: 4, hitAt1: 0.25, hitAt3: 0.5, mrr: (1 + 0.5 + 0 + 0.25) / 4 });
	});

	it('rejects a relevance set entry naming the file, the entry and the field', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'relevance-')), 'queries.yaml');
		writeFileSync(file, '- query: when do i get paid\n  expect: faq/payments\n');
		expect(() => loadRelevanceSet(file)).toThrow(/queries\.yaml: invalid relevance set\n  entry 0\.expect: Expected a site path ending in "\/"/);
	});
});

describe('the address of a search', () => {
	const allowed = { audience: ['affiliate', 'customer', 'advertiser'], type: ['faq', 'guide'] };

	it('writes q and the chosen filters, and nothing for an empty search', () => {
		expect(searchQueryString({ query: ' when do i get paid ', filters: { audience: 'affiliate', type: '' } })).toBe('?q=when+do+i+get+paid&audience=affiliate');
		expect(searchQueryString({ query: '', filters: {} })).toBe('');
	});

	it('reads back what it wrote, and drops filter values the page does not offer', () => {
		const written = searchQueryString({ query: 'chargeback & refund', filters: { audience: 'customer', type: 'faq' } });
		expect(readSearch(written, allowed)).toEqual({ query: 'chargeback & refund', filters: { audience: 'customer', type: 'faq' } });
		expect(readSearch('?q=x&audience=robots&type=guide&page=2', allowed)).toEqual({ query: 'x', filters: { type: 'guide' } });
	});
});

describe('spelling', () => {
	const vocabulary = vocabularyOf(['The postback fires; the postback posts.', 'Your cookie window is :fact[cookieWindow].', 'receive payments', 'posture', 'I can’t sign in']);

	it('builds the dictionary from the site\'s words, most frequent first, without fact placeholders', () => {
		expect(vocabulary.slice(0, 2)).toEqual(['postback', 'the']);
		expect(vocabulary).toContain('window');
		expect(vocabulary).toContain('cant');
		expect(vocabulary.some((w) => w.includes('fact') || w.includes('cookiewindow'))).toBe(false);
	});

	it('counts a swap of two neighbouring letters as one edit, and stops counting past the limit', () => {
		expect(editDistance('recieve', 'receive', 2)).toBe(1);
		expect(editDistance('windwo', 'window', 1)).toBe(1);
		expect(editDistance('postbak', 'postback', 2)).toBe(1);
		expect(editDistance('payment', 'postback', 2)).toBe(3);
	});

	it('corrects only words the site never uses, to the closest word it does', () => {
		expect(correctQuery('postbak not firing', vocabulary)).toBe('postback not firing');
		expect(correctQuery('cookie windwo', vocabulary)).toBe('cookie window');
		expect(correctQuery('recieve payments', vocabulary)).toBe('receive payments');
		expect(correctQuery('postback window', vocabulary)).toBeUndefined();
		expect(correctQuery('zeppelin', vocabulary)).toBeUndefined();
	});

	it('tries the corrected spelling first, and the words as typed when it finds nothing', async () => {
		const asked: string[] = [];
		const pagefind = {
			search: async (query: string) => {
				asked.push(query);
				return { results: query === 'postback not firing' ? [{ data: async () => faqPage }] : [] };
			},
		};
		const outcome = await runSearch(pagefind, 'postbak not firing', { vocabulary: async () => vocabularyOf(['postback not firing']) });
		expect(asked).toEqual(['postback not firing']);
		expect(outcome).toMatchObject({ total: 1, searched: 'postback not firing', corrected: true });
		asked.length = 0;
		const typed = await runSearch(pagefind, 'postbak', { vocabulary: async () => ['postback'] });
		expect(asked).toEqual(['postback', 'postbak']);
		expect(typed).toMatchObject({ total: 0, searched: 'postbak', corrected: false });
	});
});
