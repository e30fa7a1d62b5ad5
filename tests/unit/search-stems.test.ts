import { describe, expect, it } from 'vitest';
import { newStemmer } from 'snowball-stemmers';
import { runSearch, type PagefindResult } from '../../src/lib/search-run.ts';
import { stemQuery, stemTable, type StemTable } from '../../src/lib/search-stems.ts';

const english = newStemmer('english');
const stem = (word: string) => english.stem(word);

describe('the stem table', () => {
	it('holds the stem of each site word whose stem differs, as Snowball English stems it', () => {
		const table = stemTable(['commission', 'commissions', 'refunded', 'cookies', 'payout', 'threshold'], stem);
		expect(table).toEqual({ commission: 'commiss', commissions: 'commiss', refunded: 'refund', cookies: 'cooki' });
	});

	it('leaves out words Pagefind would score otherwise as their stem, and words not made of a–z', () => {
		// "advertisers" → "advertis" → "adverti": Pagefind would search for "adverti", not the word's stem.
		expect(stem(stem('advertisers'))).not.toBe(stem('advertisers'));
		// "company" → "compani": Pagefind would score "compani" higher than the word asked as typed.
		expect(stem('company')).toBe('compani');
		expect(stemTable(['advertisers', 'company', 'w-9', '1099', 'zahlungsmöglichkeiten', 'Commission'], stem)).toEqual(
			{},
		);
		// "work" begins "workmanship", which "works" neither begins nor is begun by: the stem would get the accent bonus there.
		expect(stemTable(['works', 'work', 'workmanship'], stem)).toEqual({});
		expect(stemTable(['works', 'work'], stem)).toEqual({ works: 'work' });
		// "commission" begins "commissioner"'s stem "commission" itself: alike for both.
		expect(stemTable(['commission', 'commissioner'], stem)).toMatchObject({ commission: 'commiss' });
	});

	it('replaces each word of a Pagefind query the table knows, and keeps the others as they are', () => {
		const table: StemTable = { commission: 'commiss', constructor: 'constructor-stem' };
		expect(stemQuery('commission payout', table)).toBe('commiss payout');
		// Only the table's own entries, never what every object inherits.
		expect(stemQuery('tostring valueof', table)).toBe('tostring valueof');
	});
});

describe('searching by stems', () => {
	/** A Pagefind that stems as the real one does: a page matches a query whose every word stems to one of its words' stems. */
	const pages: Record<string, string> = {
		'/commission/rates/': 'commission rates payout',
		'/faq/payments/': 'payments payout threshold',
	};
	const pagefind = (asked: string[]) => ({
		async search(query: string) {
			asked.push(query);
			const words = query.split(' ').map(stem);
			const results: PagefindResult[] = Object.entries(pages)
				.filter(([, text]) => words.every((w) => text.split(' ').map(stem).includes(w)))
				.map(([url, text]) => ({
					id: url,
					score: 1,
					data: async () => ({
						url,
						content: text,
						excerpt: text,
						meta: { title: url },
						filters: { audience: ['affiliate'], type: ['guide'] },
						sub_results: [],
					}),
				}));
			return { results };
		},
	});
	const words = [...new Set(Object.values(pages).flatMap((t) => t.split(' ')))];
	const vocabulary = async () => words;
	const table = stemTable(words, stem);

	it('asks Pagefind for the stem of each word, never the word as typed, and finds the same pages', async () => {
		const asked: string[] = [];
		const shards: string[][] = [];
		const outcome = await runSearch(pagefind(asked), 'commission payout', {
			vocabulary,
			stems: async (s) => (shards.push(s), table),
		});
		expect(asked).toContain('commiss payout');
		expect(asked.some((q) => q.split(' ').includes('commission'))).toBe(false);
		// The reader's words stay what is shown and what a result's section is chosen by.
		expect(outcome.searched).toBe('commission payout');
		expect(outcome.landings[0]?.url).toBe('/commission/rates/');
		// The shards of the question's first letters, once.
		expect(shards).toEqual([['c', 'p']]);

		const plain: string[] = [];
		const without = await runSearch(pagefind(plain), 'commission payout', { vocabulary });
		expect(plain).toContain('commission payout');
		expect(without.landings.map((l) => l.url)).toEqual(outcome.landings.map((l) => l.url));
	});

	it('asks once for two forms of one word, and fetches the shard of a replacing word it has not yet', async () => {
		const asked: string[] = [];
		const shards: string[][] = [];
		await runSearch(pagefind(asked), 'commission commissions', {
			vocabulary,
			stems: async (s) => (shards.push(s), table),
		});
		expect(asked.filter((q) => q === 'commiss')).toHaveLength(1);

		shards.length = 0;
		asked.length = 0;
		// "money" is on no page; the synonym table reads it as "payments", under another letter.
		await runSearch(pagefind(asked), 'money threshold', {
			vocabulary,
			synonyms: async () => ({ money: ['payments'] }),
			stems: async (s) => (shards.push(s), table),
		});
		expect(shards).toEqual([['m', 't'], ['p']]);
		expect(asked).toContain('payment threshold');
	});

	it('searches the words as typed when the stem table cannot be fetched', async () => {
		const asked: string[] = [];
		const outcome = await runSearch(pagefind(asked), 'commission payout', {
			vocabulary,
			stems: async () => Promise.reject(new Error('offline')),
		});
		expect(asked).toContain('commission payout');
		expect(outcome.landings[0]?.url).toBe('/commission/rates/');
	});
});
