/**
 * Commission status explainer: was the order inside the click's cookie window, who gets the credit
 * under the attribution model, and then when the commission is pending, approved and paid.
 */
import { emptyAnswer, type Answer } from './answer.ts';
import { linksTo, type ToolData, type ToolRule } from './data.ts';
import { computePayout, type PayoutResult } from './payout.ts';
import { ruleOn } from './rules.ts';
import { atZoned, formatDay, formatZoned, inZone, isoZoned, type IsoDate, type ZonedTime } from './time.ts';

export interface StatusInput {
	offer: string;
	clickDate: IsoDate;
	clickTime: string;
	orderDate: IsoDate;
	orderTime: string;
	/** The reader's time zone; both times are read in it. */
	zone: string;
	/** Another partner's link was clicked between this click and the order. */
	laterClick: boolean;
}

export type StatusOutcome = 'credited' | 'shared' | 'other-partner' | 'outside' | 'before-click' | 'no-rule';

export interface StatusResult {
	input: StatusInput;
	outcome: StatusOutcome;
	rule?: ToolRule | undefined;
	windowDays: number;
	click: ZonedTime;
	order: ZonedTime;
	/** The last moment an order is credited to the click. */
	expires: ZonedTime;
	/** Whole hours and minutes from click to order. */
	elapsedMinutes: number;
	payout?: PayoutResult | undefined;
}

export function computeStatus(data: Pick<ToolData, 'program' | 'rules'>, input: StatusInput): StatusResult {
	const { program } = data;
	const clickMs = atZoned(input.clickDate, input.clickTime, input.zone).ms;
	const orderMs = atZoned(input.orderDate, input.orderTime, input.zone).ms;
	const orderDay = inZone(orderMs, program.payout.cutoffTimeZone).date;
	const rule = ruleOn(data, input.offer, orderDay);
	const windowDays = rule?.cookieWindowDays ?? program.tracking.cookieWindowDays;
	// A cookie lives for its window in exact days of 24 hours, whatever the clocks do.
	const expiresMs = clickMs + windowDays * 86_400_000;
	const base = {
		input,
		rule,
		windowDays,
		click: inZone(clickMs, input.zone),
		order: inZone(orderMs, input.zone),
		expires: inZone(expiresMs, input.zone),
		elapsedMinutes: Math.round((orderMs - clickMs) / 60_000),
	};
	if (!rule) return { ...base, outcome: 'no-rule' };
	if (orderMs < clickMs) return { ...base, outcome: 'before-click' };
	if (orderMs > expiresMs) return { ...base, outcome: 'outside' };
	const model = program.tracking.attribution;
	const outcome: StatusOutcome =
		!input.laterClick || model === 'first-click' ? 'credited' : model === 'linear' ? 'shared' : 'other-partner';
	const payout =
		outcome === 'other-partner'
			? undefined
			: computePayout(data, {
					offer: input.offer,
					orderDate: input.orderDate,
					orderTime: input.orderTime,
					zone: input.zone,
				});
	return { ...base, outcome, payout };
}

const attributionText = {
	'last-click':
		'last click: when several partners’ links were clicked, the last one clicked before the order gets the credit',
	'first-click': 'first click: the first partner link clicked in the window gets the credit',
	linear: 'linear: the credit is shared equally by the partners whose links were clicked in the window',
} as const;

function duration(minutes: number): string {
	const abs = Math.abs(minutes);
	const days = Math.floor(abs / 1440);
	const hours = Math.floor((abs % 1440) / 60);
	const mins = abs % 60;
	const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
	return [
		days ? part(days, 'day') : '',
		hours ? part(hours, 'hour') : '',
		mins || (!days && !hours) ? part(mins, 'minute') : '',
	]
		.filter(Boolean)
		.join(' ');
}

export function presentStatus(data: Pick<ToolData, 'program' | 'links'>, r: StatusResult): Answer {
	const headlines: Record<StatusOutcome, string> = {
		credited: 'Inside the cookie window: the order is credited to this click.',
		shared: 'Inside the cookie window: the credit is shared with the other partner clicked.',
		'other-partner':
			'Inside the cookie window, but another partner’s link was clicked later: that partner is credited.',
		outside: 'Outside the cookie window: the order is not credited to this click.',
		'before-click': 'The order was placed before the click: it cannot be credited to it.',
		'no-rule': `This offer had no commission rule in force on ${formatDay(r.order.date)}: the order earns no commission.`,
	};
	const good = r.outcome === 'credited' || r.outcome === 'shared';
	const answer = emptyAnswer(headlines[r.outcome], good ? 'pass' : 'fail');
	answer.facts.push(
		{ key: 'outcome', label: 'Status', text: good ? 'Credited' : 'Not credited', value: r.outcome },
		{
			key: 'window',
			label: 'Cookie window',
			text: `${r.windowDays} days${r.rule?.cookieWindowDays ? ` (${r.rule.title})` : ''}`,
			value: String(r.windowDays),
		},
		{
			key: 'elapsed',
			label: 'From click to order',
			text: r.elapsedMinutes < 0 ? `${duration(r.elapsedMinutes)} before the click` : duration(r.elapsedMinutes),
			value: String(r.elapsedMinutes),
		},
		{ key: 'expires', label: 'The click counts until', text: formatZoned(r.expires), value: isoZoned(r.expires) },
		{
			key: 'attribution',
			label: 'Attribution',
			text: attributionText[data.program.tracking.attribution],
			value: data.program.tracking.attribution,
		},
	);
	answer.notes.push(
		`A click is remembered for ${r.windowDays} days of 24 hours from the moment it is made; a change of the clocks does not lengthen or shorten it. Clicking the link again starts the window over.`,
	);
	if (r.payout) {
		answer.facts.push(
			{ key: 'pending', label: 'Pending from', text: formatZoned(r.payout.order), value: isoZoned(r.payout.order) },
			{ key: 'approved', label: 'Approved', text: formatZoned(r.payout.approved), value: isoZoned(r.payout.approved) },
			{ key: 'paid', label: 'Payable on', text: formatDay(r.payout.paid), value: r.payout.paid },
		);
		answer.notes.push(
			`It is paid on that day if your balance is at least the payment threshold; otherwise it rolls over to the next month.`,
		);
		answer.links.push({ text: 'Payout date tool', href: '/tools/payout/' });
	}
	if (r.outcome === 'outside' || r.outcome === 'before-click' || r.outcome === 'other-partner') {
		answer.links.push(
			...linksTo(data, 'troubleshooting/conversions-missing', 'troubleshooting/cookies-and-ad-blockers'),
		);
	}
	answer.links.push(...linksTo(data, 'faqs/cookie-window'));
	return answer;
}
