import { describe, expect, it } from 'vitest';
import { factsFrom, formatMoney, interpolateFacts } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import type { Program } from '../../src/schemas/program.ts';

const program = loadProgram(new URL('../../', import.meta.url));

describe('facts', () => {
	it('renders program numbers the way articles state them', () => {
		const changed: Program = { ...program, payout: { ...program.payout, threshold: 75.5, paymentDay: 2 }, tracking: { ...program.tracking, cookieWindowDays: 1 } };
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
		expect(interpolateFacts('Paid from :fact[payoutThreshold] on the :fact[paymentDay].', facts)).toBe(`Paid from ${facts.payoutThreshold} on the ${facts.paymentDay}.`);
		expect(() => interpolateFacts(':fact[payout]', facts)).toThrow(/Unknown fact "payout"\. Known facts: programName, /);
	});
});
