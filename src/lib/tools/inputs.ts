/**
 * The tools' form fields and their validation (zod), shared by the on-demand answer routes and the
 * browser scripts. A refused field gets a message that starts with its label.
 */
import { z } from 'astro/zod';
import { disclosureChannels, type DisclosureChannel } from '../../schemas/disclosure.ts';
import type { ToolData } from './data.ts';
import { offerOptions } from './rules.ts';
import { atZoned, formatDay, isIsoDate, isTimeZone } from './time.ts';

export type FieldKind = 'date' | 'time' | 'money' | 'select' | 'zone' | 'textarea' | 'checkbox';

/** One form control of a tool. */
export interface FieldSpec {
	name: string;
	label: string;
	kind: FieldKind;
	required: boolean;
	/** Shown under the label and tied to the control. */
	hint?: string | undefined;
	/** Choices of a select. */
	options?: Array<{ value: string; label: string }> | undefined;
	/** The value an empty form starts with. */
	initial?: string | undefined;
}

/** What the reader sent, one string per field, as a query string holds it. */
export type RawInput = Record<string, string | undefined>;

/** A validated input, or the refusals by field name with the values as sent. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const datePattern = 'YYYY-MM-DD, e.g. 2026-03-10';
const example = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A zod field that reads the submitted string; `parse` returns the value or the refusal's words after the label. */
function field<T>(label: string, required: boolean, parse: (value: string) => T | { refuse: string }, missing: string) {
	return z
		.string()
		.optional()
		.transform((raw, ctx): T | undefined => {
			const value = (raw ?? '').trim();
			if (value === '') {
				if (required) ctx.issues.push({ code: 'custom', message: `${label}: ${missing}`, input: raw });
				return undefined;
			}
			const parsed = parse(value);
			if (parsed && typeof parsed === 'object' && 'refuse' in parsed) {
				ctx.issues.push({ code: 'custom', message: `${label}: ${parsed.refuse}`, input: raw });
				return undefined;
			}
			return parsed as T;
		});
}

const dateField = (label: string, required = true) =>
	field(
		label,
		required,
		(v) => (isIsoDate(v) ? v : { refuse: `“${example(v)}” is not a date written ${datePattern}.` }),
		`enter a date written ${datePattern}.`,
	);
const timeField = (label: string) =>
	field(
		label,
		true,
		(v) =>
			/^([01]\d|2[0-3]):[0-5]\d$/.test(v)
				? v
				: { refuse: `“${example(v)}” is not a time written HH:MM on a 24-hour clock, e.g. 14:30.` },
		'enter a time written HH:MM on a 24-hour clock, e.g. 14:30.',
	);
const moneyField = (label: string, currency: string, required = true) =>
	field(
		label,
		required,
		(v) => {
			const plain = v.replace(/[$€£,\s]/g, '').replace(new RegExp(`^${currency}|${currency}$`, 'i'), '');
			return /^\d{1,9}(\.\d{1,2})?$/.test(plain)
				? Number(plain)
				: {
						refuse: `“${example(v)}” is not an amount in ${currency}: write a number such as 129.99, without a minus sign.`,
					};
		},
		`enter an amount in ${currency}, e.g. 129.99.`,
	);
const zoneField = (label: string) =>
	field(
		label,
		true,
		(v) =>
			isTimeZone(v)
				? v
				: { refuse: `“${example(v)}” is not a time zone: write one such as America/Denver, Europe/Berlin or UTC.` },
		'enter a time zone such as America/Denver, Europe/Berlin or UTC.',
	);
const choiceField = <T extends string>(label: string, values: readonly T[], what: string) =>
	field(
		label,
		true,
		(v) =>
			(values as readonly string[]).includes(v)
				? (v as T)
				: { refuse: `“${example(v)}” is not one of the ${what}: choose one from the list.` },
		`choose one of the ${what}.`,
	);

/** The offers a reader can pick (affiliate offers first). */
const offerChoices = (data: Pick<ToolData, 'rules'>) =>
	offerOptions(data)
		.sort((a, b) => (a.audience === b.audience ? 0 : a.audience === 'affiliate' ? -1 : 1))
		.map((o) => ({ value: o.offer, label: o.audience === 'advertiser' ? `${o.title} (advertisers)` : o.title }));

/** A time that never shows on the clock (the hour skipped when clocks go forward) is refused. */
function refuseGap(
	ctx: z.RefinementCtx,
	date: string | undefined,
	time: string | undefined,
	zone: string | undefined,
	path: string,
	label: string,
) {
	if (!date || !time || !zone) return;
	if (atZoned(date, time, zone).gap) {
		ctx.addIssue({
			code: 'custom',
			path: [path],
			message: `${label}: ${time} does not exist on ${formatDay(date)} in ${zone}, because the clocks go forward that night; enter the time the clock showed.`,
		});
	}
}

/** Each tool's fields, built from the program data (offers, channels, currency, time zone). */
export function toolFields(data: Pick<ToolData, 'program' | 'rules'>) {
	const offers = offerChoices(data);
	const zone = data.program.payout.cutoffTimeZone;
	const zoneHint = `The time zone your times are in, e.g. Europe/Berlin. The program’s is ${zone}.`;
	const channels = (Object.keys(disclosureChannels) as DisclosureChannel[]).map((c) => ({
		value: c,
		label: disclosureChannels[c],
	}));
	return {
		earnings: [
			{ name: 'offer', label: 'Offer', kind: 'select', required: true, options: offers },
			{
				name: 'date',
				label: 'Order date',
				kind: 'date',
				required: true,
				hint: 'The rate in force on this day applies.',
			},
			{
				name: 'total',
				label: 'Order total',
				kind: 'money',
				required: true,
				hint: `What the customer paid, in ${data.program.currency}, tax and shipping included.`,
			},
			{ name: 'tax', label: 'Of which tax', kind: 'money', required: false, initial: '0' },
			{ name: 'shipping', label: 'Of which shipping', kind: 'money', required: false, initial: '0' },
			{
				name: 'returned',
				label: 'Returned or refunded',
				kind: 'money',
				required: false,
				initial: '0',
				hint: 'Value of items returned during the lock period.',
			},
			{
				name: 'monthSales',
				label: 'Approved sales this month before this order',
				kind: 'money',
				required: false,
				initial: '0',
				hint: 'For tiered offers: sets the tier.',
			},
		],
		payout: [
			{
				name: 'offer',
				label: 'Offer',
				kind: 'select',
				required: false,
				options: [{ value: '', label: 'Any offer with the standard lock period' }, ...offers],
			},
			{ name: 'orderDate', label: 'Order date', kind: 'date', required: true },
			{ name: 'orderTime', label: 'Order time', kind: 'time', required: true, initial: '12:00' },
			{ name: 'zone', label: 'Your time zone', kind: 'zone', required: true, initial: zone, hint: zoneHint },
			{ name: 'deliveryDate', label: 'Delivery date', kind: 'date', required: false },
			{ name: 'amount', label: 'Commission of this order', kind: 'money', required: false },
			{
				name: 'balance',
				label: 'Other approved balance waiting',
				kind: 'money',
				required: false,
				hint: 'With the commission above, tells you whether the payment threshold is reached.',
			},
		],
		status: [
			{ name: 'offer', label: 'Offer', kind: 'select', required: true, options: offers },
			{ name: 'clickDate', label: 'Click date', kind: 'date', required: true },
			{ name: 'clickTime', label: 'Click time', kind: 'time', required: true, initial: '12:00' },
			{ name: 'orderDate', label: 'Order date', kind: 'date', required: true },
			{ name: 'orderTime', label: 'Order time', kind: 'time', required: true, initial: '12:00' },
			{ name: 'zone', label: 'Your time zone', kind: 'zone', required: true, initial: zone, hint: zoneHint },
			{
				name: 'laterClick',
				label: 'Another partner’s link was clicked after mine, before the order',
				kind: 'checkbox',
				required: false,
			},
		],
		terms: [{ name: 'date', label: 'Date', kind: 'date', required: true, hint: 'For an order, its order date.' }],
		disclosure: [
			{ name: 'channel', label: 'Channel', kind: 'select', required: true, options: channels },
			{
				name: 'text',
				label: 'Your caption, post or description',
				kind: 'textarea',
				required: true,
				hint: 'Paste it as it will be published, links included.',
			},
		],
	} satisfies Record<string, FieldSpec[]>;
}

/** The zod schema of each tool's input. */
export function inputSchemas(data: Pick<ToolData, 'program' | 'rules'>) {
	const currency = data.program.currency;
	const offerIds = offerOptions(data).map((o) => o.offer);
	const channels = Object.keys(disclosureChannels) as DisclosureChannel[];
	return {
		earnings: z
			.object({
				offer: choiceField('Offer', offerIds, 'offers'),
				date: dateField('Order date'),
				total: moneyField('Order total', currency),
				tax: moneyField('Of which tax', currency, false).transform((v) => v ?? 0),
				shipping: moneyField('Of which shipping', currency, false).transform((v) => v ?? 0),
				returned: moneyField('Returned or refunded', currency, false).transform((v) => v ?? 0),
				monthSales: moneyField('Approved sales this month before this order', currency, false).transform((v) => v ?? 0),
			})
			.superRefine((v, ctx) => {
				if (v.total === undefined) return;
				const deducted = v.tax + v.shipping + v.returned;
				if (deducted > v.total)
					ctx.addIssue({
						code: 'custom',
						path: ['total'],
						message: `Order total: tax, shipping and returns (${deducted.toFixed(2)}) add up to more than the order total (${v.total.toFixed(2)}).`,
					});
			}),
		payout: z
			.object({
				offer: field(
					'Offer',
					false,
					(v) =>
						offerIds.includes(v)
							? v
							: { refuse: `“${example(v)}” is not one of the offers: choose one from the list.` },
					'',
				).transform((v) => v ?? ''),
				orderDate: dateField('Order date'),
				orderTime: timeField('Order time'),
				zone: zoneField('Your time zone'),
				deliveryDate: dateField('Delivery date', false),
				amount: moneyField('Commission of this order', currency, false),
				balance: moneyField('Other approved balance waiting', currency, false),
			})
			.superRefine((v, ctx) => {
				refuseGap(ctx, v.orderDate, v.orderTime, v.zone, 'orderTime', 'Order time');
				if (v.deliveryDate && v.orderDate && v.deliveryDate < v.orderDate)
					ctx.addIssue({
						code: 'custom',
						path: ['deliveryDate'],
						message: 'Delivery date: it is before the order date.',
					});
				if (v.balance !== undefined && v.amount === undefined)
					ctx.addIssue({
						code: 'custom',
						path: ['amount'],
						message: 'Commission of this order: enter it too, to compare the balance with the payment threshold.',
					});
			}),
		status: z
			.object({
				offer: choiceField('Offer', offerIds, 'offers'),
				clickDate: dateField('Click date'),
				clickTime: timeField('Click time'),
				orderDate: dateField('Order date'),
				orderTime: timeField('Order time'),
				zone: zoneField('Your time zone'),
				laterClick: z
					.string()
					.optional()
					.transform((v) => v !== undefined && v !== '' && v !== 'off'),
			})
			.superRefine((v, ctx) => {
				refuseGap(ctx, v.clickDate, v.clickTime, v.zone, 'clickTime', 'Click time');
				refuseGap(ctx, v.orderDate, v.orderTime, v.zone, 'orderTime', 'Order time');
			}),
		terms: z.object({ date: dateField('Date') }),
		disclosure: z.object({
			channel: choiceField('Channel', channels, 'channels'),
			text: field(
				'Your caption, post or description',
				true,
				(v) => (v.length <= 5000 ? v : { refuse: `it is ${v.length} characters long; paste at most 5000.` }),
				'paste the text to check.',
			),
		}),
	};
}

export type ToolSlug = keyof ReturnType<typeof inputSchemas>;

/** Validates one tool's raw input; refusals keyed by field name. */
export function parseInput<S extends ToolSlug>(
	data: Pick<ToolData, 'program' | 'rules'>,
	slug: S,
	raw: RawInput,
): Parsed<z.output<ReturnType<typeof inputSchemas>[S]>> {
	const result = (inputSchemas(data)[slug] as z.ZodType).safeParse(raw);
	if (result.success) return { ok: true, value: result.data as z.output<ReturnType<typeof inputSchemas>[S]> };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const name = String(issue.path[0] ?? '');
		errors[name] ??= issue.message;
	}
	return { ok: false, errors };
}
