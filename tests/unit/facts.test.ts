import { describe, expect, it } from 'vitest';
import {
	factsFrom,
	fillFacts,
	formatApproxMinutes,
	formatMoney,
	formatQuantity,
	formatResponseTarget,
	interpolateFacts,
	renderFact,
} from '../../src/lib/facts.ts';
import { programSchema } from '../../src/schemas/program.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import type { Program } from '../../src/schemas/program.ts';

const program = loadProgram(new URL('../../', import.meta.url));

describe('facts', () => {
	it('renders program numbers the way articles state them', () => {
		const changed: Program = {
			...program,
			payout: { ...program.payout, threshold: 75.5, paymentDay: 2 },
			tracking: { ...program.tracking, cookieWindowDays: 1 },
		};
		const facts = factsFrom(changed);
		expect(facts.payoutThreshold).toBe('$75.50');
		expect(facts.paymentDay).toBe('2nd');
		expect(facts.cookieWindow).toBe('1 day');
	});

	it('formats whole amounts without cents and other currencies with their symbol', () => {
		expect(formatMoney(50, 'USD')).toBe('$50');
		expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
	});

	it('fills :fact[name] in text and refuses a name it does not know', () => {
		const facts = factsFrom(program);
		expect(interpolateFacts('Paid from :fact[payoutThreshold] on the :fact[paymentDay].', facts)).toBe(
			`Paid from ${facts.payoutThreshold} on the ${facts.paymentDay}.`,
		);
		expect(() => interpolateFacts(':fact[payout]', facts)).toThrow(/Unknown fact ":fact\[payout\]"\./);
	});
});

describe('formatting facts where they stand', () => {
	it('writes every count with its unit in the right plural, and ranges with an en dash', () => {
		expect(formatQuantity({ kind: 'count', n: 1, unit: 'business day' })).toBe('1 business day');
		expect(formatQuantity({ kind: 'count', n: 30, unit: 'day' })).toBe('30 days');
		expect(formatQuantity({ kind: 'range', min: 5, max: 10, unit: 'business day' })).toBe('5–10 business days');
		expect(formatQuantity({ kind: 'count', n: 2, unit: 'year' }, 'USD', { attributive: true })).toBe('2-year');
		expect(formatQuantity({ kind: 'money', amount: 2000 })).toBe('$2,000');
		expect(formatApproxMinutes(60)).toBe('about an hour');
		expect(formatApproxMinutes(120)).toBe('about 2 hours');
		expect(formatApproxMinutes(45)).toBe('about 45 minutes');
	});

	it('reads "30-day" before a noun and never doubles the full stop after "Co."', () => {
		const facts = {
			...factsFrom(program),
			company: 'Tallwood Outdoor Co.',
			cookieWindow: '30 days',
			disputeWindow: '60 days',
			disputeResponse: '5 business days',
		};
		expect(interpolateFacts('Sold by :fact[company].', facts)).toBe('Sold by Tallwood Outdoor Co.');
		expect(interpolateFacts(':fact[company] sells it.', facts)).toBe('Tallwood Outdoor Co. sells it.');
		expect(interpolateFacts('Within the :fact[cookieWindow] cookie window.', facts)).toBe(
			'Within the 30-day cookie window.',
		);
		expect(interpolateFacts('A :fact[disputeWindow] window; a new :fact[disputeResponse] period starts.', facts)).toBe(
			'A 60-day window; a new 5-business-day period starts.',
		);
		expect(
			interpolateFacts(
				'It lasts :fact[cookieWindow] unless you clear it, and :fact[disputeWindow] after month end.',
				facts,
			),
		).toBe('It lasts 30 days unless you clear it, and 60 days after month end.');
		expect(renderFact('$50', '.')).toBe('$50');
	});

	it('fills front matter the same way', () => {
		const facts = { ...factsFrom(program), company: 'Tallwood Outdoor Co.' };
		expect(
			fillFacts({ description: 'Orders from :fact[company].', list: ['A :fact[returnWindow] return window'] }, facts),
		).toEqual({
			description: 'Orders from Tallwood Outdoor Co.',
			list: [`A ${facts.returnWindow.replace(' days', '-day')} return window`],
		});
	});

	it('derives the lock period from the return window and the delivery allowance', () => {
		expect(program.payout.lockPeriodDays).toBe(program.returnWindowDays + program.deliveryAllowanceDays);
		const raw = { ...program, payout: { ...program.payout, lockPeriodDays: program.returnWindowDays } };
		const result = programSchema.safeParse(raw);
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.path).toEqual(['payout', 'lockPeriodDays']);
		expect(result.error!.issues[0]!.message).toMatch(
			/ends before the last return: returns are accepted for \d+ days after delivery/,
		);
	});

	it('keeps when a tax form is needed apart from when a 1099 is issued', () => {
		const facts = factsFrom(program);
		expect(facts.taxFormRequired).toBe(
			program.taxFormThreshold === 0 ? 'before your first payment' : expect.stringContaining('once your payments'),
		);
		expect(factsFrom({ ...program, taxFormThreshold: 600 }).taxFormRequired).toBe(
			'once your payments in a calendar year reach $600',
		);
		expect(facts.form1099NecThreshold).toBe('$2,000');
		expect(facts.form1099KThreshold).toBe('$20,000 and 200 transactions');
	});

	it('states first-reply targets in the unit the channel counts in', () => {
		expect(formatResponseTarget({ firstResponseHours: 24, firstResponseUnit: 'hours' })).toBe('24 hours');
		expect(formatResponseTarget({ firstResponseHours: 16 })).toBe('2 business days');
		expect(factsFrom(program).customerFirstResponse).toBe('24 hours');
	});
});
