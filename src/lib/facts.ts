import type { Program, SupportChannel } from '../schemas/program.ts';
import { messages } from './errors.ts';

/** Units a counted fact can be in; each knows its singular and plural. */
export type Unit =
	'day' | 'business day' | 'hour' | 'business hour' | 'minute' | 'month' | 'year' | 'transaction' | 'character';

/** A fact that is a number with a meaning, as the content check compares it with what writers type. */
export type Quantity =
	| { kind: 'money'; amount: number }
	| { kind: 'count'; n: number; unit: Unit }
	| { kind: 'range'; min: number; max: number; unit: Unit }
	| { kind: 'percent'; value: number }
	| { kind: 'ordinal'; n: number };

const plural = new Intl.PluralRules('en-US');
const ordinalRules = new Intl.PluralRules('en-US', { type: 'ordinal' });
const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const ordinal = (n: number) =>
	`${n}${{ one: 'st', two: 'nd', few: 'rd', other: 'th' }[ordinalRules.select(n) as 'one' | 'two' | 'few' | 'other']}`;

/** Formats an amount in the program currency: whole amounts without cents ("$50"), others with ("$12.50"). */
export function formatMoney(amount: number, currency: string): string {
	return new Intl.NumberFormat('en-US', {
		style: 'currency',
		currency,
		minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
	}).format(amount);
}

/**
 * The one way a fact's number is written, with its unit in the right plural:
 * "1 day", "30 days", "5–10 business days", "$2,000", "20 %", "the 15th".
 * `attributive` gives the form that stands before a noun: "30-day window", "2-year warranty".
 */
export function formatQuantity(q: Quantity, currency = 'USD', { attributive = false } = {}): string {
	switch (q.kind) {
		case 'money':
			return formatMoney(q.amount, currency);
		case 'percent':
			return `${numberFormat.format(q.value)} %`;
		case 'ordinal':
			return ordinal(q.n);
		case 'count':
			if (attributive) return `${numberFormat.format(q.n)}-${q.unit.replace(/ /g, '-')}`;
			return `${numberFormat.format(q.n)} ${q.unit}${plural.select(q.n) === 'one' ? '' : 's'}`;
		case 'range':
			if (attributive) return `${q.min}- to ${q.max}-${q.unit.replace(/ /g, '-')}`;
			return `${q.min}–${q.max} ${q.unit}${plural.select(q.max) === 'one' ? '' : 's'}`;
	}
}

/** A rough time for a reader: "about an hour", "about 2 hours", "about 30 minutes". */
export function formatApproxMinutes(minutes: number): string {
	if (minutes % 60 === 0)
		return minutes === 60
			? 'about an hour'
			: `about ${formatQuantity({ kind: 'count', n: minutes / 60, unit: 'hour' })}`;
	return `about ${formatQuantity({ kind: 'count', n: minutes, unit: 'minute' })}`;
}

/** A channel's first-reply target: "1 business hour", "1 business day" (8 business hours), "24 hours". */
export function formatResponseTarget(
	channel: Pick<SupportChannel, 'firstResponseHours'> & {
		firstResponseUnit?: SupportChannel['firstResponseUnit'] | undefined;
	},
): string {
	const hours = channel.firstResponseHours;
	if ((channel.firstResponseUnit ?? 'business-hours') === 'hours')
		return formatQuantity({ kind: 'count', n: hours, unit: 'hour' });
	if (hours >= 8 && hours % 8 === 0) return formatQuantity({ kind: 'count', n: hours / 8, unit: 'business day' });
	return formatQuantity({ kind: 'count', n: hours, unit: 'business hour' });
}

/** Which facts are numbers, and what they are; the content check compares typed figures with these. */
export function quantitiesFrom(program: Program) {
	const lock = program.payout.lockPeriodDays ?? program.returnWindowDays + program.deliveryAllowanceDays;
	const q = {
		payoutThreshold: { kind: 'money', amount: program.payout.threshold },
		paymentDay: { kind: 'ordinal', n: program.payout.paymentDay },
		lockPeriod: { kind: 'count', n: lock, unit: 'day' },
		cookieWindow: { kind: 'count', n: program.tracking.cookieWindowDays, unit: 'day' },
		subIdMaxLength: { kind: 'count', n: program.tracking.subIdMaxLength, unit: 'character' },
		returnWindow: { kind: 'count', n: program.returnWindowDays, unit: 'day' },
		deliveryAllowance: { kind: 'count', n: program.deliveryAllowanceDays, unit: 'day' },
		refundTime: {
			kind: 'range',
			min: program.refundBusinessDays.min,
			max: program.refundBusinessDays.max,
			unit: 'business day',
		},
		returnLabelFee: { kind: 'money', amount: program.returnLabelFee },
		warrantyLength: { kind: 'count', n: program.warrantyYears, unit: 'year' },
		disputeResponse: { kind: 'count', n: program.disputeResponseBusinessDays, unit: 'business day' },
		disputeWindow: { kind: 'count', n: program.disputeWindowDays, unit: 'day' },
		taxFormThreshold: { kind: 'money', amount: program.taxFormThreshold },
	} satisfies Record<string, Quantity>;
	const more: Record<string, Quantity> = {};
	if (program.trailClub) {
		more['trailClubPrice'] = { kind: 'money', amount: program.trailClub.monthlyPrice };
		more['trailClubTrial'] = { kind: 'count', n: program.trailClub.trialDays, unit: 'day' };
	}
	if (program.taxReporting) {
		more['form1099NecThreshold'] = { kind: 'money', amount: program.taxReporting.form1099NecThreshold };
		more['form1099KAmount'] = { kind: 'money', amount: program.taxReporting.form1099KAmount };
		more['form1099KTransactions'] = {
			kind: 'count',
			n: program.taxReporting.form1099KTransactions,
			unit: 'transaction',
		};
	}
	if (program.campaigns) {
		more['paymentTerms'] = { kind: 'count', n: program.campaigns.paymentTermsDays, unit: 'day' };
		more['networkFee'] = { kind: 'percent', value: program.campaigns.networkFeePercent };
		more['chargebackReportWindow'] = { kind: 'count', n: program.campaigns.chargebackReportDays, unit: 'day' };
	}
	for (const m of program.payout.methods) if (m.fee > 0) more[`${camel(m.id)}Fee`] = { kind: 'money', amount: m.fee };
	return { ...q, ...more } as Record<keyof typeof q, Quantity> & Record<string, Quantity>;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const quoted = (items: string[]) => listFormat.format(items.map((t) => `"${t}"`));

/**
 * The parts of the program that several facts are read from: the support channels by kind and
 * audience, and the optional tax and campaign sections. Every language's facts start here.
 */
export function factSources(program: Program) {
	return {
		affiliateEmail: program.support.find((c) => c.kind === 'email' && c.audiences.includes('affiliate')),
		customerEmail: program.support.find((c) => c.kind === 'email' && c.audiences.includes('customer')),
		chat: program.support.find((c) => c.kind === 'chat'),
		tax: program.taxReporting,
		campaigns: program.campaigns,
	};
}

/**
 * Every fact an article may state, as the words a reader sees.
 * Writers use them as `:fact[payoutThreshold]` in Markdown and in front matter text.
 */
export function factsFrom(program: Program) {
	const money = (n: number) => formatMoney(n, program.currency);
	const quantities = quantitiesFrom(program);
	const text = (name: keyof typeof quantities) => formatQuantity(quantities[name]!, program.currency);
	const { affiliateEmail, customerEmail, chat, tax, campaigns } = factSources(program);
	return {
		programName: program.name,
		company: program.company,
		storeUrl: program.storeUrl,
		currency: program.currency,
		payoutThreshold: text('payoutThreshold'),
		paymentDay: text('paymentDay'),
		lockPeriod: text('lockPeriod'),
		paymentMethods: listFormat.format(program.payout.methods.map((m) => m.label)),
		cookieWindow: text('cookieWindow'),
		attribution: program.tracking.attribution.replace('-', ' '),
		subIdParameter: program.tracking.subIdParameter,
		subIdMaxLength: String(program.tracking.subIdMaxLength),
		clickReportingTime: formatApproxMinutes(program.tracking.clickReportingMinutes),
		returnWindow: text('returnWindow'),
		deliveryAllowance: text('deliveryAllowance'),
		refundTime: text('refundTime'),
		returnLabelFee: text('returnLabelFee'),
		warrantyLength: text('warrantyLength'),
		trailClubPrice: program.trailClub ? `${money(program.trailClub.monthlyPrice)} a month` : '',
		trailClubTrial: program.trailClub
			? formatQuantity({ kind: 'count', n: program.trailClub.trialDays, unit: 'day' })
			: '',
		brandTerms: quoted(program.brandTerms),
		privacyEmail: program.privacyEmail ?? customerEmail?.contact ?? '',
		disputeResponse: text('disputeResponse'),
		disputeWindow: text('disputeWindow'),
		taxFormThreshold: text('taxFormThreshold'),
		/** When a W-9 or W-8 must be on file, as a phrase: "before your first payment". */
		taxFormRequired:
			program.taxFormThreshold === 0
				? 'before your first payment'
				: `once your payments in a calendar year reach ${money(program.taxFormThreshold)}`,
		form1099NecThreshold: tax ? money(tax.form1099NecThreshold) : '',
		form1099NecYear: tax ? String(tax.form1099NecYear) : '',
		form1099KThreshold: tax
			? `${money(tax.form1099KAmount)} and ${formatQuantity({ kind: 'count', n: tax.form1099KTransactions, unit: 'transaction' })}`
			: '',
		postbackRetryGaps: campaigns ? `${listFormat.format(campaigns.postbackRetryMinutes.map(String))} minutes` : '',
		invoiceDay: campaigns ? `${ordinal(campaigns.invoiceBusinessDay)} business day` : '',
		paymentTerms: campaigns ? formatQuantity({ kind: 'count', n: campaigns.paymentTermsDays, unit: 'day' }) : '',
		networkFee: campaigns ? formatQuantity({ kind: 'percent', value: campaigns.networkFeePercent }) : '',
		chargebackReportWindow: campaigns
			? formatQuantity({ kind: 'count', n: campaigns.chargebackReportDays, unit: 'day' })
			: '',
		cutoffTimeZone: program.payout.cutoffTimeZone,
		partnerEmail: affiliateEmail?.contact ?? '',
		partnerFirstResponse: affiliateEmail ? formatResponseTarget(affiliateEmail) : '',
		chatFirstResponse: chat ? formatResponseTarget(chat) : '',
		customerEmail: customerEmail?.contact ?? affiliateEmail?.contact ?? '',
		customerFirstResponse: customerEmail ? formatResponseTarget(customerEmail) : '',
	};
}

export type Facts = ReturnType<typeof factsFrom>;
export type FactName = keyof Facts;

/** Raised when a text names a fact the program does not hold; the message is the content check's. */
export class UnknownFactError extends Error {
	readonly fact: string;
	readonly hint: string;
	constructor(fact: string, known: string[]) {
		const { message, hint } = messages.unknownFact(fact, known);
		super(message);
		this.name = 'UnknownFactError';
		this.fact = fact;
		this.hint = hint;
	}
}

/** Looks one fact up by name, failing loudly on a name that does not exist. */
export function factValue(facts: Facts, name: string): string {
	if (!Object.hasOwn(facts, name)) throw new UnknownFactError(name, Object.keys(facts));
	return facts[name as FactName];
}

export const FACT_PATTERN = /:fact\[([A-Za-z0-9_-]*)\]/g;

/** Nouns a count of days or years describes when it stands before them: "a 30-day window". */
const ATTRIBUTIVE_NOUNS =
	/^\s+(?:cookie|return|returns|refund|lock|dispute|trial|warranty|guarantee|grace|notice|response|reply|payment|delivery)?\s*(?:window|period|lock|limit|deadline|allowance|trial|warranty|guarantee|notice|hold|wait|delay|target|membership)\b/i;
const COUNT = /^(\d[\d,.]*) ((?:business )?(?:day|hour|minute|month|year|week))s?$/;

/**
 * A fact as it reads where it stands, given the text that follows it: a count before a noun
 * becomes "30-day" ("the 30-day cookie window", never "30 days cookie window"), and a value
 * ending in a full stop ("Tallwood Outdoor Co.") does not add a second one before the
 * sentence's own. Every place that fills in a fact goes through here.
 */
export function renderFact(value: string, following = ''): string {
	if (value.endsWith('.') && following.startsWith('.')) return value.slice(0, -1);
	const count = COUNT.exec(value);
	if (count && ATTRIBUTIVE_NOUNS.test(following)) return `${count[1]}-${count[2]!.replace(/ /g, '-')}`;
	return value;
}

/** Replaces every `:fact[name]` in a plain-text string (front matter fields) with its value. */
export function interpolateFacts(text: string, facts: Facts): string {
	return text.replace(FACT_PATTERN, (whole, name: string, offset: number) =>
		renderFact(factValue(facts, name), text.slice(offset + whole.length)),
	);
}

/**
 * Fills `:fact[name]` in every string of a front-matter value. Unknown names
 * stay as written so that the content check can report them with their field.
 * Every collection's front matter is filled with it as the entries load (src/content.config.ts),
 * and every Markdown body by the Markdown plugin (src/integrations/facts.ts), both through renderFact().
 */
export function fillFacts<T>(value: T, facts: Facts): T {
	if (typeof value === 'string') {
		return value.replace(FACT_PATTERN, (whole, name: string, offset: number) =>
			Object.hasOwn(facts, name) ? renderFact(facts[name as FactName], value.slice(offset + whole.length)) : whole,
		) as T;
	}
	if (Array.isArray(value)) return value.map((v) => fillFacts(v, facts)) as T;
	if (
		value &&
		typeof value === 'object' &&
		!(value instanceof Date) &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillFacts(v, facts)])) as T;
	}
	return value;
}

declare const filledMark: unique symbol;

/**
 * An entry whose front matter text has its facts filled in. Only `asFilled()` makes one, after
 * checking that no known fact is left as written, so a page cannot show `:fact[…]` by taking an
 * entry from elsewhere.
 */
export type Filled<E> = E & { readonly [filledMark]: true };

/** Whether any string in `value` still holds a `:fact[name]` the program knows. */
function holdsKnownFact(value: unknown, facts: Facts): boolean {
	if (typeof value === 'string') return [...value.matchAll(FACT_PATTERN)].some((m) => Object.hasOwn(facts, m[1]!));
	if (Array.isArray(value)) return value.some((v) => holdsKnownFact(v, facts));
	if (value && typeof value === 'object' && !(value instanceof Date))
		return Object.values(value).some((v) => holdsKnownFact(v, facts));
	return false;
}

/** Marks entries as filled, failing on one whose front matter still holds a known fact as written. */
export function asFilled<E extends { id: string; data: unknown }>(entries: E[], facts: Facts): Filled<E>[] {
	const unfilled = entries.find((e) => holdsKnownFact(e.data, facts));
	if (unfilled)
		throw new Error(
			`Entry "${unfilled.id}" was loaded without its facts filled in: its collection's schema in src/content.config.ts must fill them.`,
		);
	return entries as Filled<E>[];
}
