import { describe, expect, it } from 'vitest';
import { maskQuery, wasMasked } from '../../src/lib/mask.ts';

describe('maskQuery', () => {
	const cases: Array<[string, string]> = [
		// Email addresses
		['jane.doe@example.com', '[email]'],
		['payout for jane.doe+aff@mail.example.co.uk please', 'payout for [email] please'],
		['contact bob @ example.org', 'contact [email]'],
		['ÉLODIE@exemple.fr commission', '[email] commission'],
		// Phone numbers
		['call me on +44 20 7946 0958', 'call me on [phone]'],
		['(555) 123-4567 refund', '[phone] refund'],
		['555.123.4567', '[phone]'],
		['phone 0176 12345678', 'phone [phone]'],
		// Order and other references
		['where is order 40021187', 'where is order [order number]'],
		['order #A1B2C3 not tracked', 'order [order number] not tracked'],
		['invoice no. 5561-22 wrong', 'invoice [order number] wrong'],
		['ticket: ZX-99812', 'ticket [order number]'],
		['my reference FB-7K2M-9QXD', 'my reference [order number]'],
		['TW-2024-88123 missing', '[order number] missing'],
		['card 4111111111111111', 'card [number]'],
		['account 123456', 'account [number]'],
		// Left alone: numbers that carry meaning for the search, and plain words
		['30 day cookie window', '30 day cookie window'],
		['tax form w-9', 'tax form w-9'],
		['commission 2025 rates', 'commission 2025 rates'],
		['1099 form', '1099 form'],
		['orders not tracking', 'orders not tracking'],
		['return within 14 days', 'return within 14 days'],
		['sub-ids', 'sub-ids'],
	];
	it.each(cases)('%j → %j', (input, expected) => {
		expect(maskQuery(input)).toBe(expected);
	});

	it('says whether anything was masked', () => {
		expect(wasMasked('order 40021187')).toBe(true);
		expect(wasMasked('payout threshold')).toBe(false);
	});
});

describe('normaliseQuery', () => {
	it('folds, masks and cuts a query', async () => {
		const { normaliseQuery } = await import('../../src/schemas/search-event.ts');
		expect(normaliseQuery('  Where IS   my Order 40021187?\n')).toBe('where is my order [order number]?');
		expect(normaliseQuery('a'.repeat(60_000))).toHaveLength(200);
		// Masking sees at most 400 characters (so its patterns never scan a huge text), yet an address
		// straddling the 200-character cut is masked, not half kept.
		expect(normaliseQuery(`${'x '.repeat(95)}jane.doe@example.com`)).toBe(`${'x '.repeat(95)}[email]`);
		expect(normaliseQuery(`${'x '.repeat(100)}${'y'.repeat(190)}jane.doe@example.com`)).not.toContain('@');
	});
});
