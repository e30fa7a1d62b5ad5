import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askLink } from '../../src/lib/ask-link.ts';
import { pageFilters } from '../../src/lib/search-filters.ts';
import { answersIn, landingFor, resultTitle, type PagefindResultData } from '../../src/lib/search-landing.ts';
import { fuse } from '../../src/lib/search-fusion.ts';
import { maxSearchTermSets } from '../../src/lib/search-ranking.ts';
import { runSearch, searchesFor, type PagefindResult } from '../../src/lib/search-run.ts';
import { synonymsOf, wordForms } from '../../src/lib/search-synonyms.ts';
import { readSearch, searchQueryString } from '../../src/lib/search-url.ts';
import { buildSynonymTable } from '../../src/pages/search/_wordnet.ts';
import { contentWords, interpretQuery, queryWords, synonymShards, wordShards } from '../../src/lib/search-words.ts';
import { faqPageSize } from '../../src/lib/pagination.ts';
import { correctWord, editDistance, vocabularyOf, wordCounts } from '../../src/lib/spelling.ts';
import { loadRelevanceSet, rankOf, score } from '../../scripts/bench/relevance-set.ts';

/** A result shaped as Pagefind returns it: word locations index the page's whitespace-separated words. */
const faqPage: PagefindResultData = {
	url: '/faq/payments/',
	content:
		'FAQ: Payments. When do I get paid? On the 15th. Which payment methods can I choose? Bank payment, PayPal payment.',
	excerpt: 'page excerpt',
	meta: { title: 'FAQ: Payments' },
	filters: { audience: ['affiliate'], type: ['faq'] },
	sub_results: [
		{
			title: 'FAQ: Payments',
			url: '/faq/payments/#_top',
			excerpt: 'top',
			weighted_locations: [{ location: 1, balanced_score: 7 }],
		},
		{
			title: 'When do I get paid?',
			url: '/faq/payments/#when-do-i-get-paid',
			excerpt: 'When do I get <mark>paid</mark>?',
			weighted_locations: [{ location: 6, balanced_score: 8 }],
		},
		{
			title: 'Which payment methods can I choose?',
			url: '/faq/payments/#payment-methods',
			excerpt: 'methods',
			// "payment" three times, in the heading and the body: many hits of one word.
			weighted_locations: [
				{ location: 11, balanced_score: 6 },
				{ location: 17, balanced_score: 1 },
				{ location: 19, balanced_score: 1 },
			],
		},
	],
};

describe('search filters', () => {
	it('files a page for everyone under every audience, and the glossary as a guide', () => {
		expect(pageFilters({ pageType: 'glossary', audiences: [] })).toEqual({
			audience: ['affiliate', 'customer', 'advertiser'],
			type: 'guide',
		});
	});
	it('leaves pages that are no content type out of the type filter', () => {
		expect(pageFilters({ pageType: 'hub', audiences: ['customer'] })).toEqual({
			audience: ['customer'],
			type: undefined,
		});
		expect(pageFilters({ pageType: 'faq', audiences: ['advertiser'] })).toEqual({
			audience: ['advertiser'],
			type: 'faq',
		});
	});
});

describe('the ask link', () => {
	it('carries the query and where the reader came from, encoded', () => {
		expect(askLink('  link not tracking & more ', 'search')).toBe('/ask/?q=link+not+tracking+%26+more&from=search');
		expect(askLink('', '/faq/payments/')).toBe('/ask/?from=%2Ffaq%2Fpayments%2F');
	});
});

describe('the words of a question', () => {
	it('reads words as typed: lower case, apostrophes dropped, punctuation gone, codes kept', () => {
		expect(queryWords("Why didn't my W-9 work?!")).toEqual(['why', 'didnt', 'my', 'w-9', 'work']);
	});

	it('keeps the words that carry the subject, each once, and every word of a question that is nothing else', () => {
		expect(contentWords(queryWords('How to disclose on Instagram'))).toEqual(['disclose', 'instagram']);
		expect(contentWords(queryWords('when do i get paid'))).toEqual(['get', 'paid']);
		expect(contentWords(queryWords('what is it'))).toEqual(['what', 'is', 'it']);
		expect(contentWords(queryWords('refund refund please'))).toEqual(['refund']);
	});

	it('respells a word no page holds, or replaces it with its synonyms, and keeps the ones pages hold', () => {
		const known = new Set(['tent', 'damaged', 'defect', 'postback']);
		const words = interpretQuery(['tent', 'broken', 'postbak', 'zeppelin'], (w) => known.has(w), ['postback', 'tent'], {
			broken: ['damaged', 'defect'],
		});
		expect(words).toEqual([
			{ typed: 'tent', primary: 'tent', alternatives: [], replaced: false },
			{ typed: 'broken', primary: 'damaged', alternatives: ['defect'], replaced: true },
			{ typed: 'postbak', primary: 'postback', alternatives: [], replaced: true },
			{ typed: 'zeppelin', primary: 'zeppelin', alternatives: [], replaced: false },
		]);
		// A word the synonym table knows is English, not a typo: its meaning first, the nearest spelling after.
		expect(interpretQuery(['bogus'], () => false, ['bonus'], { bogus: ['fake'] })).toEqual([
			{ typed: 'bogus', primary: 'fake', alternatives: ['bonus'], replaced: true },
		]);
	});

	it('finds the dictionary form of a word typed with an ending', () => {
		expect(wordForms('exchanged')).toEqual(expect.arrayContaining(['exchange']));
		expect(wordForms('returning')).toEqual(expect.arrayContaining(['return']));
		expect(wordForms('replies')).toEqual(expect.arrayContaining(['reply']));
		expect(wordForms('stopped')).toEqual(expect.arrayContaining(['stop']));
		expect(synonymsOf('exchanging', { exchange: ['return'] })).toEqual(['return']);
		expect(synonymsOf('zeppelin', { exchange: ['return'] })).toEqual([]);
	});

	it('needs the synonym shards and word shards of the first letters of its words only', () => {
		expect(synonymShards(['broken', 'tent', 'w-9', 'bought'])).toEqual(['b', 't']);
		// Short words have no synonyms but may be respelled; numbers and codes never are.
		expect(wordShards(['id', 'tent', 'w-9', '1099'])).toEqual(['i', 't']);
	});
});

describe('relaxing a question', () => {
	const word = (typed: string, alternatives: string[] = [], replaced = false) => ({
		typed,
		primary: replaced ? alternatives[0]! : typed,
		alternatives: replaced ? alternatives.slice(1) : alternatives,
		replaced,
	});

	it('searches the whole question, as typed when a word was replaced, and with each word in its other meanings', () => {
		const searches = searchesFor([word('tent'), word('broken', ['damaged', 'defect'], true)], 'whole').map(
			(s) => s.query,
		);
		expect(searches).toEqual(['tent damaged', 'tent broken', 'tent defect']);
	});

	it('relaxes to every pair of words and each word alone, the whole question weighing most', () => {
		const words = [word('tent'), word('arrived'), word('broken')];
		const relaxed = [...searchesFor(words, 'pairs'), ...searchesFor(words, 'singles')];
		expect(relaxed.map((s) => s.query)).toEqual([
			'tent arrived',
			'tent broken',
			'arrived broken',
			'tent',
			'arrived',
			'broken',
		]);
		const whole = searchesFor(words, 'whole')[0]!;
		expect(relaxed.every((s) => s.weight < whole.weight)).toBe(true);
	});

	it('fuses ranked lists: a page high in many lists, or in a heavy one, wins; each page once', () => {
		const fused = fuse(
			[
				{ items: ['a', 'b'], weight: 4 },
				{ items: ['c', 'b'], weight: 1 },
				{ items: ['c', 'b'], weight: 1 },
			],
			(id) => id,
		);
		expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'c']);
	});

	/** A Pagefind index over three pages, each a set of words: a page matches a query holding all its words. */
	const pages: Record<string, string> = {
		'/faq/warranty/': 'warranty tent damaged defect claim',
		'/faq/refunds-returns/': 'return tent refund',
		'/troubleshooting/payment-late/': 'payment late',
	};
	const pagefind = {
		asked: [] as string[],
		async search(query: string) {
			this.asked.push(query);
			const words = query.split(' ');
			const results: PagefindResult[] = Object.entries(pages)
				.filter(([, text]) => words.every((w) => text.split(' ').includes(w)))
				.map(([url, text]) => ({
					id: url,
					score: 1,
					data: async () => ({
						url,
						content: text,
						excerpt: text,
						meta: { title: url },
						filters: { audience: ['customer'], type: ['faq'] },
						sub_results: [],
					}),
				}));
			return { results };
		},
	};

	it('finds the pages holding the rest of a question when one word is on no page', async () => {
		pagefind.asked.length = 0;
		const outcome = await runSearch(pagefind, 'my tent arrived broken', {
			vocabulary: async () => vocabularyOf(Object.values(pages)),
			synonyms: async () => ({ broken: ['damaged'] }),
		});
		expect(outcome.searched).toBe('tent arrived damaged');
		// The page holding two of the words first, then the page holding one of them.
		expect(outcome.landings.map((l) => l.url)).toEqual(['/faq/warranty/', '/faq/refunds-returns/']);
		expect(pagefind.asked).toEqual(expect.arrayContaining(['tent arrived damaged', 'tent damaged']));
	});

	it('searches each word alone only when no two of them are found together', async () => {
		pagefind.asked.length = 0;
		const outcome = await runSearch(pagefind, 'late tent', {
			vocabulary: async () => vocabularyOf(Object.values(pages)),
		});
		expect(outcome.landings.map((l) => l.url).sort()).toEqual([
			'/faq/refunds-returns/',
			'/faq/warranty/',
			'/troubleshooting/payment-late/',
		]);
	});

	it('loads result pages only until they hold the answers shown: an FAQ page holds several', async () => {
		const loaded: string[] = [];
		const even = {
			...faqPage,
			sub_results: faqPage.sub_results!.map((s) => ({
				...s,
				weighted_locations: [{ location: 6, balanced_score: 8 }],
			})),
		};
		const result = (url: string, data: PagefindResultData): PagefindResult => ({
			id: url,
			score: 1,
			data: async () => (loaded.push(url), data),
		});
		const guide = (url: string): PagefindResultData => ({
			url,
			content: 'paid',
			excerpt: 'paid',
			meta: { title: url },
			filters: { audience: ['affiliate'], type: ['guide'] },
			sub_results: [],
		});
		const results = [result('/faq/payments/', even), ...['/a/', '/b/', '/c/', '/d/'].map((u) => result(u, guide(u)))];
		const outcome = await runSearch({ search: async () => ({ results }) }, 'paid', { limit: 5 });
		// Three answers on the FAQ page and one on each of the next two pages: five, from three pages.
		expect(outcome.landings).toHaveLength(5);
		expect(loaded.sort()).toEqual(['/a/', '/b/', '/faq/payments/']);
		loaded.length = 0;
		await runSearch({ search: async () => ({ results: results.slice(1) }) }, 'paid', { limit: 5 });
		expect(loaded.sort()).toEqual(['/a/', '/b/', '/c/', '/d/']);
	});

	it('finds nothing, and fetches no synonyms, for words no page holds and no table knows', async () => {
		let shards: string[] = [];
		const outcome = await runSearch(pagefind, 'zeppelin', {
			vocabulary: async () => vocabularyOf(Object.values(pages)),
			synonyms: async (s) => ((shards = s), {}),
		});
		expect(outcome).toMatchObject({ landings: [], total: 0, searched: 'zeppelin', corrected: false });
		expect(shards).toEqual(['z']);
		shards = [];
		await runSearch(pagefind, 'payment late', {
			vocabulary: async () => ['payment', 'late'],
			synonyms: async (s) => ((shards = s), {}),
		});
		expect(shards).toEqual(['l', 'p']); // each of them is on only one page: rare words have synonyms too
	});
});

describe('where a result lands', () => {
	it("lands on the question holding the reader's words, not the section repeating one of them", () => {
		const landing = landingFor(faqPage);
		expect(landing).toMatchObject({
			url: '/faq/payments/#when-do-i-get-paid',
			pageUrl: '/faq/payments/',
			title: 'When do I get paid?',
			pageTitle: 'FAQ: Payments',
		});
		expect(landing.excerpt).toBe('When do I get <mark>paid</mark>?');
	});

	it('lands on the page itself when the best match is its top', () => {
		const top = { ...faqPage, sub_results: faqPage.sub_results!.slice(0, 1) };
		expect(landingFor(top)).toMatchObject({ url: '/faq/payments/', title: 'FAQ: Payments', excerpt: 'top' });
	});

	it('does not land on the top of a page for a word of its title: the title speaks for every section', () => {
		const guide: PagefindResultData = {
			url: '/advertisers/disputes/',
			content: 'Disputes guide. Send disputes by email. How to send a dispute. Write the order in the subject line.',
			excerpt: 'page excerpt',
			meta: { title: 'Disputes guide' },
			filters: { audience: ['advertiser'], type: ['guide'] },
			sub_results: [
				// The title, at weight 7, outscores any body word: without the rule the top would win.
				{
					title: 'Disputes guide',
					url: '/advertisers/disputes/#_top',
					excerpt: 'top',
					weighted_locations: [
						{ location: 0, balanced_score: 7 },
						{ location: 3, balanced_score: 1 },
					],
				},
				{
					title: 'How to send a dispute',
					url: '/advertisers/disputes/#how-to-send',
					excerpt: 'send',
					weighted_locations: [
						{ location: 10, balanced_score: 5 },
						{ location: 17, balanced_score: 1 },
					],
				},
			],
		};
		expect(landingFor(guide).url).toBe('/advertisers/disputes/#how-to-send');
		// Matched in its text, not only its title, the top still wins when it matches best.
		const top = {
			...guide,
			sub_results: [
				{
					...guide.sub_results![0]!,
					weighted_locations: [
						{ location: 0, balanced_score: 7 },
						{ location: 3, balanced_score: 9 },
					],
				},
				guide.sub_results![1]!,
			],
		};
		expect(landingFor(top).url).toBe('/advertisers/disputes/');
	});

	it('lands on the question whose search terms hold a searched word, even when its text does not', () => {
		const withTerms = {
			...faqPage,
			meta: {
				...faqPage.meta,
				searchTerms1: 'payday, payout schedule',
				searchTermsAt1: 'payout-threshold What is the minimum payout?',
			},
		};
		expect(landingFor(withTerms, ['payday'])).toMatchObject({
			url: '/faq/payments/#payout-threshold',
			title: 'What is the minimum payout?',
		});
		expect(landingFor(withTerms, ['paypal']).url).toBe('/faq/payments/#when-do-i-get-paid');
	});

	it('counts each FAQ question that matches nearly as well as the best as an answer of its own', () => {
		const even = {
			...faqPage,
			sub_results: faqPage.sub_results!.map((s) => ({
				...s,
				weighted_locations: [{ location: 6, balanced_score: 8 }],
			})),
		};
		expect(answersIn(even).map((l) => l.url)).toEqual([
			'/faq/payments/',
			'/faq/payments/#when-do-i-get-paid',
			'/faq/payments/#payment-methods',
		]);
		expect(answersIn(faqPage).map((l) => l.url)).toEqual(['/faq/payments/#when-do-i-get-paid']);
		const guide = { ...even, filters: { audience: ['affiliate'], type: ['guide'] } };
		expect(answersIn(guide)).toHaveLength(1);
	});

	it('titles a result by its page and the section landed on', () => {
		expect(resultTitle(landingFor(faqPage))).toBe('FAQ: Payments › When do I get paid?');
		expect(resultTitle(landingFor({ ...faqPage, sub_results: [] }))).toBe('FAQ: Payments');
	});

	it('weighs the search terms of as many questions as an FAQ page holds', () => {
		expect(maxSearchTermSets).toBeGreaterThanOrEqual(faqPageSize);
	});
});

describe("readers' words from WordNet", () => {
	it('maps a common word the site never uses onto site words of the same or a related sense, and leaves site words alone', () => {
		const often = (word: string) => Array(6).fill(word).join(' ');
		const counts = wordCounts([['pay', 'earn', 'damage', 'return'].map(often).join(' ')]);
		const table = buildSynonymTable(counts);
		expect(table['wage']).toEqual(expect.arrayContaining(['pay']));
		expect(table['pay']).toBeUndefined();
		expect(
			Object.values(table)
				.flat()
				.every((w) => counts.has(w)),
		).toBe(true);
	}, 60_000); // reads all of WordNet
});

describe('relevance scoring', () => {
	const landing = (url: string) => ({
		url,
		pageUrl: url.replace(/#.*/, ''),
		title: '',
		pageTitle: '',
		excerpt: '',
		filters: {},
	});

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
		expect(() => loadRelevanceSet(file)).toThrow(
			/queries\.yaml: invalid relevance set\n  entry 0\.expect: Expected a site path ending in "\/"/,
		);
	});
});

describe('the address of a search', () => {
	const allowed = { audience: ['affiliate', 'customer', 'advertiser'], type: ['faq', 'guide'] };

	it('writes q and the chosen filters, and nothing for an empty search', () => {
		expect(searchQueryString({ query: ' when do i get paid ', filters: { audience: 'affiliate', type: '' } })).toBe(
			'?q=when+do+i+get+paid&audience=affiliate',
		);
		expect(searchQueryString({ query: '', filters: {} })).toBe('');
	});

	it('reads back what it wrote, and drops filter values the page does not offer', () => {
		const written = searchQueryString({ query: 'chargeback & refund', filters: { audience: 'customer', type: 'faq' } });
		expect(readSearch(written, allowed)).toEqual({
			query: 'chargeback & refund',
			filters: { audience: 'customer', type: 'faq' },
		});
		expect(readSearch('?q=x&audience=robots&type=guide&page=2', allowed)).toEqual({
			query: 'x',
			filters: { type: 'guide' },
		});
	});
});

describe('spelling', () => {
	const vocabulary = vocabularyOf([
		'The postback fires; the postback posts.',
		'Your cookie window is :fact[cookieWindow].',
		'receive payments',
		'posture',
		'I can’t sign in',
	]);

	it("builds the dictionary from the site's words, most frequent first, without fact placeholders", () => {
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

	it('corrects a word to the closest word the site uses, and leaves short and unknown words alone', () => {
		expect(correctWord('postbak', vocabulary)).toBe('postback');
		expect(correctWord('windwo', vocabulary)).toBe('window');
		expect(correctWord('recieve', vocabulary)).toBe('receive');
		expect(correctWord('zeppelin', vocabulary)).toBeUndefined();
		expect(correctWord('pst', vocabulary)).toBeUndefined();
	});
});
