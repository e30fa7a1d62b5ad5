/**
 * The five tools: their names, what each answers, and one entry point that validates a reader's
 * input and answers it. The answer routes and the browser scripts call `runTool`, nothing else.
 */
import { emptyAnswer, type Answer } from './answer.ts';
import type { ToolData } from './data.ts';
import { checkDisclosure, presentDisclosure } from './disclosure-check.ts';
import { computeEarnings, presentEarnings } from './earnings.ts';
import { parseInput, toolFields, type RawInput, type ToolSlug } from './inputs.ts';
import { computePayout, presentPayout } from './payout.ts';
import { computeStatus, presentStatus } from './status.ts';
import { computeTermsOnDate, presentTermsOnDate } from './terms-on-date.ts';
import type { IsoDate } from './time.ts';

export type { ToolSlug } from './inputs.ts';

/** What each tool is called and the question it answers, in the order the index lists them. */
export const tools = {
	earnings: {
		title: 'Earnings calculator',
		question: 'How much will I earn on this order?',
		description:
			'The commission on one order under the rule in force on its date: rate, tier, and what is left out (tax, shipping, returns).',
	},
	payout: {
		title: 'Payout date',
		question: 'An order from a given day: when is it paid?',
		description:
			'When a commission is approved, which month’s cut-off it falls in, and the day it is paid, with the cut-off on your own clock.',
	},
	status: {
		title: 'Commission status explainer',
		question: 'Was this sale inside the cookie window?',
		description:
			'Whether an order counts for a click under the cookie window and attribution model, then when it is pending, approved and payable.',
	},
	terms: {
		title: 'Terms and rates on a date',
		question: 'Which terms applied when this order was placed?',
		description:
			'The terms version and every commission rule in force on a day, what has changed since, and what a dispute needs.',
	},
	disclosure: {
		title: 'Disclosure checker',
		question: 'Is my caption disclosed properly?',
		description:
			'A caption, post or video description checked against its channel’s disclosure rule, with the fix and the source.',
	},
} as const satisfies Record<ToolSlug, { title: string; question: string; description: string }>;

export const toolSlugs = Object.keys(tools) as ToolSlug[];

/** Where a tool's page and its no-JavaScript answer route are. */
export const toolUrls = {
	index: () => '/tools/',
	page: (slug: ToolSlug) => `/tools/${slug}/`,
	answer: (slug: ToolSlug) => `/tools/${slug}/answer/`,
};

export interface ToolRun {
	/** What the reader sent, trimmed, to refill the form: nothing is lost. */
	values: Record<string, string>;
	/** Refusals by field name, each starting with the field's label. */
	errors: Record<string, string>;
	answer?: Answer | undefined;
}

/** Validates `raw` for one tool and, when it is valid, answers it. `today` is the reader's day (deadlines). */
export function runTool(slug: ToolSlug, data: ToolData, raw: RawInput, today: IsoDate): ToolRun {
	const names = toolFields(data)[slug].map((f) => f.name);
	const values = Object.fromEntries(
		names.flatMap((n) => (raw[n] === undefined ? [] : [[n, slug === 'disclosure' ? raw[n]! : raw[n]!.trim()]])),
	);
	const parsed = parseInput(data, slug, raw);
	if (!parsed.ok) return { values, errors: parsed.errors };
	return { values, errors: {}, answer: answer(slug, data, parsed.value as Record<string, unknown>, today) };
}

function answer(slug: ToolSlug, data: ToolData, v: Record<string, unknown>, today: IsoDate): Answer {
	switch (slug) {
		case 'earnings':
			return presentEarnings(data, computeEarnings(data, v as unknown as Parameters<typeof computeEarnings>[1]));
		case 'payout':
			return presentPayout(data, computePayout(data, v as unknown as Parameters<typeof computePayout>[1]));
		case 'status':
			return presentStatus(data, computeStatus(data, v as unknown as Parameters<typeof computeStatus>[1]));
		case 'terms':
			return presentTermsOnDate(
				data,
				computeTermsOnDate(data, v as unknown as Parameters<typeof computeTermsOnDate>[1], today),
			);
		case 'disclosure':
			return presentDisclosure(data, checkDisclosure(data, v as unknown as Parameters<typeof checkDisclosure>[1]));
		default:
			return emptyAnswer('Unknown tool.');
	}
}

/** The form fields of one tool (labels, kinds, choices), built from the data. */
export const fieldsOf = (slug: ToolSlug, data: Pick<ToolData, 'program' | 'rules'>) => toolFields(data)[slug];
