/**
 * Payout date: when a commission is approved (its lock period), which month's cut-off it falls in
 * (midnight in the program's cut-off time zone), and when that month is paid.
 */
import { isActive } from '../commission.ts';
import { formatMoney } from '../facts.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import { linksTo, type ToolData, type ToolRule } from './data.ts';
import { moneyValue, roundMoney, ruleOn } from './rules.ts';
import {
	addDays,
	atZoned,
	daysBetween,
	firstOfNextMonth,
	formatDay,
	formatZoned,
	inZone,
	isoZoned,
	monthName,
	nextBusinessDay,
	toUtcDate,
	type IsoDate,
	type ZonedTime,
} from './time.ts';

export interface PayoutInput {
	/** Offer id, or "" for the program's standard lock period. */
	offer: string;
	orderDate: IsoDate;
	/** HH:MM on the reader's clock. */
	orderTime: string;
	/** The reader's time zone: the order time is read in it and the cut-off shown in it. */
	zone: string;
	deliveryDate?: IsoDate | undefined;
	/** The commission of this order, when known. */
	amount?: number | undefined;
	/** Approved balance waiting to be paid besides this commission. */
	balance?: number | undefined;
}

export interface PayoutResult {
	input: PayoutInput;
	/** The offer's rule on the order date, when an offer was named and has one. */
	rule?: ToolRule | undefined;
	lockPeriodDays: number;
	/** The order as the cut-off time zone's clock shows it. */
	order: ZonedTime;
	approved: ZonedTime;
	/** The month the approval counts for (its first day). */
	month: IsoDate;
	/** Midnight at the end of that month, in the cut-off zone and on the reader's clock. */
	cutoff: ZonedTime;
	cutoffLocal: ZonedTime;
	/** The payment day of the next month, and the business day it is sent on. */
	scheduled: IsoDate;
	paid: IsoDate;
	/** Customer's return window end, from the delivery date. */
	returnWindowEnds?: IsoDate | undefined;
	/** With an amount: whether the balance reaches the threshold on the payment day. */
	threshold?: { total: number; reached: boolean } | undefined;
}

/** The month's payment for approvals made in `month`: the payment day of the next month, or the next business day. */
export function paymentFor(program: ToolData['program'], month: IsoDate): { scheduled: IsoDate; paid: IsoDate } {
	const next = firstOfNextMonth(month);
	const scheduled = addDays(next, program.payout.paymentDay - 1);
	return { scheduled, paid: nextBusinessDay(scheduled) };
}

/**
 * The standard lock period for an order of `date`: the terms in force on the order date set it, and
 * an offer's rule may only state a longer one, so it is the shortest lock of the rules in force that
 * day (30 days under terms 3.0 and 3.1, the program's derived 45 days from terms 3.2). With no rule
 * in force, the program's own value.
 */
export function standardLockOn(data: Pick<ToolData, 'program' | 'rules'>, date: IsoDate): number {
	const day = toUtcDate(date);
	const locks = data.rules.filter((r) => isActive(r, day)).map((r) => r.lockPeriodDays);
	return locks.length ? Math.min(...locks) : data.program.payout.lockPeriodDays;
}

export function computePayout(data: Pick<ToolData, 'program' | 'rules'>, input: PayoutInput): PayoutResult {
	const zone = data.program.payout.cutoffTimeZone;
	const instant = atZoned(input.orderDate, input.orderTime, input.zone).ms;
	const order = inZone(instant, zone);
	const rule = input.offer ? ruleOn(data, input.offer, order.date) : undefined;
	const lockPeriodDays = rule?.lockPeriodDays ?? standardLockOn(data, order.date);
	// The lock period ends the same time of day, lockPeriodDays calendar days later, on the cut-off zone's clock.
	const approved = inZone(atZoned(addDays(order.date, lockPeriodDays), order.time, zone).ms, zone);
	const month = `${approved.date.slice(0, 7)}-01`;
	const cutoffMs = atZoned(firstOfNextMonth(month), '00:00', zone).ms;
	const { scheduled, paid } = paymentFor(data.program, month);
	const total = input.amount !== undefined ? roundMoney(input.amount + (input.balance ?? 0)) : undefined;
	return {
		input,
		rule,
		lockPeriodDays,
		order,
		approved,
		month,
		cutoff: inZone(cutoffMs, zone),
		cutoffLocal: inZone(cutoffMs, input.zone),
		scheduled,
		paid,
		returnWindowEnds: input.deliveryDate ? addDays(input.deliveryDate, data.program.returnWindowDays) : undefined,
		threshold: total !== undefined ? { total, reached: total >= data.program.payout.threshold } : undefined,
	};
}

export function presentPayout(data: Pick<ToolData, 'program' | 'links'>, r: PayoutResult): Answer {
	const { program } = data;
	const money = (n: number) => formatMoney(n, program.currency);
	const zone = program.payout.cutoffTimeZone;
	const belowThreshold = r.threshold && !r.threshold.reached;
	const answer = emptyAnswer(
		belowThreshold
			? `Approved on ${formatDay(r.approved.date)}; not paid on ${formatDay(r.paid)}, because the balance of ${money(r.threshold!.total)} is below ${money(program.payout.threshold)}.`
			: `Approved on ${formatDay(r.approved.date)} and paid on ${formatDay(r.paid)}${r.threshold ? '' : `, if your balance is at least ${money(program.payout.threshold)}`}.`,
		belowThreshold ? 'fail' : 'neutral',
	);
	answer.facts.push(
		{ key: 'order', label: `Order, on the ${zone} clock`, text: formatZoned(r.order), value: isoZoned(r.order) },
		{
			key: 'lock',
			label: 'Lock period (pending)',
			text: `${r.lockPeriodDays} days${r.rule ? ` (${r.rule.title})` : ' (standard)'}`,
			value: String(r.lockPeriodDays),
		},
		{ key: 'approved', label: 'Approved', text: formatZoned(r.approved), value: isoZoned(r.approved) },
		{ key: 'month', label: 'Counts for the month of', text: monthName(r.month), value: r.month.slice(0, 7) },
		{ key: 'cutoff', label: `Month-end cut-off (${zone})`, text: formatZoned(r.cutoff), value: isoZoned(r.cutoff) },
		{
			key: 'cutoff-local',
			label: 'The same cut-off on your clock',
			text: formatZoned(r.cutoffLocal),
			value: isoZoned(r.cutoffLocal),
		},
		{ key: 'paid', label: 'Payment sent', text: formatDay(r.paid), value: r.paid },
	);
	if (r.threshold) {
		answer.facts.push({
			key: 'balance',
			label: 'Balance on the payment day',
			text: money(r.threshold.total),
			value: moneyValue(r.threshold.total),
		});
	}
	answer.notes.push(
		`The commission stays pending for ${r.lockPeriodDays} days from the order, then is approved. Commissions approved before midnight at the end of the month on the ${zone} clock count for that month, and are paid on the ${program.payout.paymentDay}${ordinalSuffix(program.payout.paymentDay)} of the next month.`,
	);
	if (r.paid !== r.scheduled)
		answer.notes.push(
			`${formatDay(r.scheduled)} falls on a weekend, so the payment is sent on the next business day. A bank holiday moves it the same way.`,
		);
	if (r.input.offer && !r.rule)
		answer.notes.push(
			`This offer had no commission rule in force on the order date, so the standard lock period is shown; such an order earns no commission.`,
		);
	if (r.returnWindowEnds) {
		const afterApproval = daysBetween(r.approved.date, r.returnWindowEnds) > 0;
		answer.facts.push({
			key: 'return-window',
			label: 'Customer’s return window ends',
			text: formatDay(r.returnWindowEnds),
			value: r.returnWindowEnds,
		});
		answer.notes.push(
			afterApproval
				? `The customer can still return the order after the commission is approved; under the terms a return after approval no longer reverses it. The lock period counts from the order date, not from delivery.`
				: `The return window ends before the commission is approved: a return or refund until then reverses the commission, in proportion for a partial refund. The lock period counts from the order date, not from delivery.`,
		);
	}
	if (belowThreshold) {
		answer.notes.push(
			`Balances below ${money(program.payout.threshold)} are not paid: the balance rolls over and is added to next month’s, and is paid on the first payment day when it reaches ${money(program.payout.threshold)}. Nothing is lost.`,
		);
	} else if (!r.threshold) {
		answer.notes.push(
			`If your balance on that day is below ${money(program.payout.threshold)}, it rolls over to the next month and is paid once it reaches the threshold.`,
		);
	}
	answer.links.push(...linksTo(data, 'docs/affiliates/onboarding/payments', 'troubleshooting/balance-below-threshold'));
	return answer;
}

function ordinalSuffix(n: number): string {
	const rule = new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n);
	return { one: 'st', two: 'nd', few: 'rd', other: 'th' }[rule as 'one' | 'two' | 'few' | 'other'];
}
