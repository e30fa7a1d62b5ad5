import { describe, expect, it } from 'vitest';
import { answerFor, contentStems, groupQuestions, stem } from '../../src/lib/question-groups.ts';

describe('stem', () => {
	it.each([
		['exchanges', 'exchang'],
		['exchanged', 'exchang'],
		['exchanging', 'exchang'],
		['exchange', 'exchang'],
		['shipping', 'ship'],
		['shipped', 'ship'],
		['policies', 'policy'],
		['cancelled', 'cancel'],
		['canceled', 'cancel'],
		['tracking', 'track'],
		['paid', 'pay'],
		['status', 'status'],
		['sub-ids', 'sub-id'],
	])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('contentStems', () => {
	it('drops filler words and placeholders and maps synonyms to one stem', () => {
		expect(contentStems('How do I swap my boots?')).toEqual(['exchang', 'boot']);
		expect(contentStems('Where is order [order number] please')).toEqual(['order']);
		expect(contentStems('When do I get paid?')).toEqual(['pay']);
		expect(contentStems('Rückerstattung für Schuhe')).toEqual(['ruckerstattung', 'fur', 'schuh']);
	});

	it('splits words as search does, so a contraction is one filler word and not a stray stem', () => {
		expect(contentStems("I didn't get paid")).toEqual(['pay']);
		expect(contentStems('Why doesn’t my link track?')).toEqual(['link', 'track']);
		expect(contentStems("can't find my W-9")).toEqual(['find', 'tax']);
	});
});

describe('groupQuestions', () => {
	it('groups different wordings of one need, and keeps unrelated ones apart', () => {
		const groups = groupQuestions([
			{ text: 'exchange my tent', kind: 'question' },
			{ text: 'swap my boots', kind: 'search', count: 3 },
			{ text: 'how do exchanges work', kind: 'search' },
			{ text: 'payout threshold', kind: 'search', count: 2 },
			{ text: 'What is the minimum payout?', kind: 'question' },
			{ text: 'instagram disclosure', kind: 'search' },
		]);
		const exchange = groups.find((g) => g.key === 'exchang')!;
		expect(exchange).toMatchObject({ label: 'exchange', size: 5, questions: 1, searches: 4 });
		expect(exchange.examples.map((e) => e.text)).toEqual([
			'swap my boots',
			'exchange my tent',
			'how do exchanges work',
		]);
		const payout = groups.find((g) => g.key === 'pay')!;
		expect(payout.size).toBe(3);
		expect(groups.find((g) => g.examples.some((e) => e.text === 'instagram disclosure'))).toMatchObject({
			size: 1,
			key: 'disclosur+instagram',
		});
		expect(groups[0]).toBe(exchange);
	});

	it('prefers the pair of words most wordings share over one common word', () => {
		const groups = groupQuestions([
			{ text: 'commission reversed', kind: 'search' },
			{ text: 'why was my commission reversed', kind: 'question' },
			{ text: 'commission rate for footwear', kind: 'search' },
			{ text: 'commission rates', kind: 'search' },
			{ text: 'what commission rate do coupon sites get', kind: 'question' },
		]);
		expect(groups.map((g) => [g.key, g.size])).toEqual([
			['commission+rat', 3],
			['commission+revers', 2],
		]);
	});

	it('counts the same wording once per time it was asked, and leaves out texts with no content word', () => {
		const groups = groupQuestions([
			{ text: 'Payout threshold', kind: 'search' },
			{ text: 'payout  threshold', kind: 'search', count: 4 },
			{ text: 'how do I', kind: 'search' },
		]);
		expect(groups).toHaveLength(1);
		expect(groups[0]).toMatchObject({ size: 5, examples: [{ text: 'Payout threshold', count: 5 }] });
	});
});

describe('answerFor', () => {
	const answers = [
		{ key: 'exchang', page: '/faq/returns/#exchange' },
		{ key: 'commission+revers', page: '/troubleshooting/commission-reversed/' },
		{ key: 'commission', page: '/commission/' },
	];
	it('finds the marked page whose words are all in the query, the most specific first', () => {
		expect(answerFor('Can I swap these shoes?', answers)?.page).toBe('/faq/returns/#exchange');
		expect(answerFor('my commission got reversed', answers)?.page).toBe('/troubleshooting/commission-reversed/');
		expect(answerFor('commission', answers)?.page).toBe('/commission/');
		expect(answerFor('payout threshold', answers)).toBeUndefined();
	});
});
