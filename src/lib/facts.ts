import type { Program } from '../schemas/program.ts';

const days = (n: number, unit = 'day') => `${n} ${unit}${n === 1 ? '' : 's'}`;
const ordinal = (n: number) => {
	const rule = new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n);
	return `${n}${{ one: 'st', two: 'nd', few: 'rd', other: 'th' }[rule as 'one' | 'two' | 'few' | 'other']}`;
};
const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/** Formats an amount in the program currency: whole amounts without cents ("$50"), others with ("$12.50"). */
export function formatMoney(amount: number, currency: string): string {
	return new Intl.NumberFormat('en-US', {
		style: 'currency',
		currency,
		minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
	}).format(amount);
}

/**
 * Every fact an article may state, as the words a reader sees.
 * Writers use them as `:fact[payoutThreshold]` in Markdown and in front matter text.
 */
export function factsFrom(program: Program) {
	const money = (n: number) => formatMoney(n, program.currency);
	const affiliateEmail = program.support.find((c) => c.kind === 'email' && c.audiences.includes('affiliate'));
	const customerEmail = program.support.find((c) => c.kind === 'email' && c.audiences.includes('customer'));
	return {
		programName: program.name,
		company: program.company,
		storeUrl: program.storeUrl,
		currency: program.currency,
		payoutThreshold: money(program.payout.threshold),
		paymentDay: ordinal(program.payout.paymentDay),
		lockPeriod: days(program.payout.lockPeriodDays),
		paymentMethods: listFormat.format(program.payout.methods.map((m) => m.label)),
		cookieWindow: days(program.tracking.cookieWindowDays),
		attribution: program.tracking.attribution.replace('-', ' '),
		subIdParameter: program.tracking.subIdParameter,
		subIdMaxLength: String(program.tracking.subIdMaxLength),
		returnWindow: days(program.returnWindowDays),
		disputeResponse: days(program.disputeResponseBusinessDays, 'business day'),
		disputeWindow: days(program.disputeWindowDays),
		taxFormThreshold: money(program.taxFormThreshold),
		cutoffTimeZone: program.payout.cutoffTimeZone,
		partnerEmail: affiliateEmail?.contact ?? '',
		customerEmail: customerEmail?.contact ?? affiliateEmail?.contact ?? '',
	};
}

export type Facts = ReturnType<typeof factsFrom>;
export type FactName = keyof Facts;

/** Raised when a text names a fact the program does not hold. */
export class UnknownFactError extends Error {
	readonly fact: string;
	constructor(fact: string, known: string[]) {
		super(`Unknown fact "${fact}". Known facts: ${known.join(', ')}.`);
		this.name = 'UnknownFactError';
		this.fact = fact;
	}
}

/** Looks one fact up by name, failing loudly on a name that does not exist. */
export function factValue(facts: Facts, name: string): string {
	if (!Object.hasOwn(facts, name)) throw new UnknownFactError(name, Object.keys(facts));
	return facts[name as FactName];
}

export const FACT_PATTERN = /:fact\[([A-Za-z0-9_-]*)\]/g;

/** Replaces every `:fact[name]` in a plain-text string (front matter fields) with its value. */
export function interpolateFacts(text: string, facts: Facts): string {
	return text.replace(FACT_PATTERN, (_, name: string) => factValue(facts, name));
}

/**
 * Fills `:fact[name]` in every string of a front-matter value. Unknown names
 * stay as written so that the content check can report them with their field.
 */
export function fillFacts<T>(value: T, facts: Facts): T {
	if (typeof value === 'string') {
		return value.replace(FACT_PATTERN, (whole, name: string) => (Object.hasOwn(facts, name) ? facts[name as FactName] : whole)) as T;
	}
	if (Array.isArray(value)) return value.map((v) => fillFacts(v, facts)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date) && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillFacts(v, facts)])) as T;
	}
	return value;
}
