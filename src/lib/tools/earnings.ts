/**
 * Earnings calculator: what one order earns under the rule in force on its date. Tier math is
 * src/lib/commission.ts's; this adds the base (what is excluded) and the rounding.
 */
import { describeRate, formatPercent, modelLabels, tierIndex, tierRange } from '../commission.ts';
import { urls } from '../urls.ts';
import { formatMoney } from '../facts.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import type { ToolData, ToolRule } from './data.ts';
import { moneyValue, roundMoney, ruleOn, rulesOf } from './rules.ts';
import { formatDay, fromUtcDate, type IsoDate } from './time.ts';

export interface EarningsInput {
	offer: string;
	/** Order date, in the program's time zone. */
	date: IsoDate;
	/** What the customer paid for the order, tax and shipping included. */
	total: number;
	tax: number;
	shipping: number;
	/** Value of items refunded or returned during the lock period. */
	returned: number;
	/** Tiered offers: the month's approved sales of the offer before this order. */
	monthSales: number;
}

export type EarningsResult =
	| {
			kind: 'earned';
			input: EarningsInput;
			rule: ToolRule;
			/** The amount commission is paid on: total less tax, shipping and returns. */
			base: number;
			/** Percentage applied, when the rule pays one. */
			rate?: number | undefined;
			/** Tiered: the tier reached (0-based) and the month's sales with this order. */
			tier?: { index: number; monthTotal: number; rateBefore: number } | undefined;
			commission: number;
			/** Tiered: what the tier reached adds to the month's earlier sales. */
			extraOnEarlier: number;
			/**
			 * The other offer's rule in force that day when the two are alternatives (`alternativeTo`,
			 * either way round): a sale earns under one of them, never both, so it is not added.
			 */
			alternative?: ToolRule | undefined;
	  }
	| { kind: 'no-rule'; input: EarningsInput; rules: ToolRule[] };

/** The commission on a base at a percentage, to the cent. */
export const percentOf = (base: number, rate: number) => roundMoney((base * rate) / 100);

/** The rule in force on `date` of the offer that is an alternative to `rule`'s, if any. */
export function alternativeOn(data: Pick<ToolData, 'rules'>, rule: ToolRule, date: IsoDate): ToolRule | undefined {
	if (rule.alternativeTo) return ruleOn(data, rule.alternativeTo, date);
	const other = data.rules.find((r) => r.alternativeTo === rule.offer && ruleOn(data, r.offer, date) === r);
	return other;
}

export function computeEarnings(data: Pick<ToolData, 'rules'>, input: EarningsInput): EarningsResult {
	const found = ruleOn(data, input.offer, input.date);
	if (!found) return { kind: 'no-rule', input, rules: rulesOf(data, input.offer) };
	const result = earnedUnder(found, input);
	const alternative = alternativeOn(data, found, input.date);
	return alternative && result.kind === 'earned' ? { ...result, alternative } : result;
}

function earnedUnder(rule: ToolRule, input: EarningsInput): EarningsResult {
	// The rule of the offer named; an alternative offer's rule is reported beside it, never added.
	const base = Math.max(0, roundMoney(input.total - input.tax - input.shipping - input.returned));
	switch (rule.model) {
		case 'cps':
		case 'revshare':
			return {
				kind: 'earned',
				input,
				rule,
				base,
				rate: rule.rate,
				commission: percentOf(base, rule.rate),
				extraOnEarlier: 0,
			};
		case 'cpa':
			return { kind: 'earned', input, rule, base, commission: rule.amount, extraOnEarlier: 0 };
		case 'tiered': {
			const monthTotal = roundMoney(input.monthSales + base);
			const index = tierIndex(rule.tiers, monthTotal);
			const rate = rule.tiers[index]!.rate;
			const rateBefore = rule.tiers[tierIndex(rule.tiers, input.monthSales)]!.rate;
			return {
				kind: 'earned',
				input,
				rule,
				base,
				rate,
				tier: { index, monthTotal, rateBefore },
				commission: percentOf(base, rate),
				extraOnEarlier: roundMoney(percentOf(input.monthSales, rate) - percentOf(input.monthSales, rateBefore)),
			};
		}
	}
}

const validity = (r: ToolRule) =>
	`${formatDay(fromUtcDate(r.validFrom))} to ${r.validTo ? formatDay(fromUtcDate(r.validTo)) : 'further notice'}`;

export function presentEarnings(data: Pick<ToolData, 'program'>, result: EarningsResult): Answer {
	const money = (n: number) => formatMoney(n, data.program.currency);
	const { input } = result;
	if (result.kind === 'no-rule') {
		const answer = emptyAnswer(
			result.rules.length
				? `No commission rule of this offer was in force on ${formatDay(input.date)}: an order on that day earns nothing.`
				: 'This offer has no commission rule.',
			'fail',
		);
		answer.facts.push({ key: 'commission', label: 'Commission', text: money(0), value: moneyValue(0) });
		if (result.rules.length)
			answer.lists.push({
				key: 'rules',
				title: 'Rules of this offer',
				items: result.rules.map((r) => ({
					text: `${describeRate(r, data.program.currency)}: ${validity(r)}`,
					href: '/commission/',
				})),
			});
		answer.links.push({ text: 'Commission rates', href: '/commission/' });
		return answer;
	}
	const { rule, base, commission } = result;
	const answer = emptyAnswer(`This order earns ${money(commission)} under “${rule.title}”.`, 'neutral');
	answer.facts.push(
		{ key: 'commission', label: 'Commission', text: money(commission), value: moneyValue(commission) },
		{
			key: 'rule',
			label: 'Rule in force on the order date',
			text: `${rule.title}: ${describeRate(rule, data.program.currency)} (${modelLabels[rule.model]}), valid ${validity(rule)}`,
			value: rule.id,
		},
	);
	if (rule.model !== 'cpa') {
		answer.facts.push({ key: 'base', label: 'Paid on', text: money(base), value: moneyValue(base) });
		answer.facts.push({ key: 'rate', label: 'Rate', text: formatPercent(result.rate!), value: String(result.rate) });
	}
	const excluded = [
		input.tax > 0 ? `tax ${money(input.tax)}` : '',
		input.shipping > 0 ? `shipping ${money(input.shipping)}` : '',
		input.returned > 0 ? `returns and refunds ${money(input.returned)}` : '',
	].filter(Boolean);
	if (rule.model === 'cpa') {
		answer.notes.push(`This rule pays a flat ${money(rule.amount)} per ${rule.action}, whatever the order value.`);
	} else {
		answer.notes.push(
			`${formatPercent(result.rate!)} of ${money(base)}: the order total of ${money(input.total)}${excluded.length ? ` less ${excluded.join(', ')}` : ''}. Tax, shipping, gift cards and store credit earn no commission, and a return or refund during the lock period reduces it in proportion.`,
		);
	}
	if (rule.model === 'revshare')
		answer.notes.push(
			`The share is paid on each payment of the membership for ${rule.durationMonths} months after sign-up.`,
		);
	if (rule.model === 'tiered' && result.tier) {
		const tier = rule.tiers[result.tier.index]!;
		answer.facts.push({
			key: 'tier',
			label: 'Tier reached this month',
			text: `Tier ${result.tier.index + 1}: ${tierRange(tier, data.program.currency)} of monthly sales`,
			value: String(result.tier.index + 1),
		});
		answer.facts.push({
			key: 'month-total',
			label: 'Month’s sales with this order',
			text: money(result.tier.monthTotal),
			value: moneyValue(result.tier.monthTotal),
		});
		answer.notes.push(
			`The tier is set by the month’s approved sales of this offer (${money(input.monthSales)} before this order, ${money(result.tier.monthTotal)} with it) and applies to all of them.`,
		);
		if (result.extraOnEarlier > 0) {
			answer.facts.push({
				key: 'extra',
				label: 'Added to the month’s earlier sales',
				text: money(result.extraOnEarlier),
				value: moneyValue(result.extraOnEarlier),
			});
			answer.notes.push(
				`This order lifts the month from ${formatPercent(result.tier.rateBefore)} to ${formatPercent(result.rate!)}, so the ${money(input.monthSales)} sold earlier this month earns ${money(result.extraOnEarlier)} more.`,
			);
		}
	}
	const payer = rule.paidBy === 'advertiser' ? (rule.advertiser ?? 'the advertiser') : data.program.company;
	answer.facts.push({
		key: 'paid-by',
		label: 'Paid by',
		text: rule.paidBy === 'advertiser' ? `${payer}, the advertiser running this campaign` : payer,
		value: rule.paidBy,
	});
	if (rule.paidBy === 'advertiser') {
		answer.notes.push(
			`${payer} pays this campaign’s payout, not ${data.program.company}; it is credited to your balance and paid with your other commissions. It is the only commission on this conversion.`,
		);
	}
	if (result.alternative) {
		const other = result.alternative;
		answer.facts.push({
			key: 'alternative',
			label: 'Instead of',
			text: `${other.title}: ${describeRate(other, data.program.currency)}`,
			value: other.id,
		});
		answer.notes.push(
			`“${rule.title}” and “${other.title}” are alternatives: a sign-up earns under the one you have joined, never both. ${money(commission)} is what it earns under “${rule.title}”; it is not added to what “${other.title}” would pay.`,
		);
	}
	if (rule.notes.length)
		answer.lists.push({
			key: 'conditions',
			title: 'Conditions of this rule',
			items: rule.notes.map((n) => ({ text: n })),
		});
	answer.links.push(
		{ text: `${rule.title} on the commission rates page`, href: urls.commission(rule.offer) },
		{ text: 'When is it paid? Payout date tool', href: '/tools/payout/' },
	);
	return answer;
}
