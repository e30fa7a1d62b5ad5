import { z } from 'astro/zod';
import { maskQuery } from '../lib/mask.ts';
import { audiences } from './common.ts';

/** Limits of one batch of search events; the browser module batches within them. */
export const searchEventLimits = {
	/** Longest query kept, after normalising (longer ones are cut, not refused: a reader's typing is never an error). */
	query: 200,
	/** Most events in one request. */
	batch: 50,
	/** Largest results count believed. */
	results: 100_000,
	/** Longest path of an opened result. */
	path: 300,
} as const;

/** The filter values search offers: an audience and a content type (see src/lib/search-filters.ts). */
const filterTypes = ['faq', 'guide', 'troubleshooting', 'terms', 'commission', 'disclosure'] as const;

/**
 * Folds a query as it is counted: Unicode-normalised, lower case, spacing collapsed, cut to 200
 * characters, then masked (emails, phone numbers, order numbers become placeholders), so that what
 * identifies a reader is never stored.
 */
export function normaliseQuery(query: string): string {
	// Cut first (with room for what masking shortens): the masking patterns then never scan a long text.
	const folded = query
		.slice(0, 2 * searchEventLimits.query)
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
	return maskQuery(folded).slice(0, searchEventLimits.query).trim();
}

/**
 * One finished search, as the browser reports it. There is no cookie, identifier or address in it:
 * the server counts it into the day's totals for its query and keeps nothing else.
 */
export const searchEventSchema = z
	.object(
		{
			/** What the reader searched for; normalised and masked before it is counted. */
			query: z
				.string({ error: 'Expected query as text.' })
				.transform(normaliseQuery)
				.refine((q) => q.length > 0, 'The query is empty after removing spaces.'),
			/** How many pages matched (0 is the signal the support team looks for). */
			results: z
				.number({ error: 'Expected results as a number of pages.' })
				.int('Expected results as a whole number.')
				.min(0, 'results cannot be negative.')
				.max(searchEventLimits.results, `results must be at most ${searchEventLimits.results}.`),
			/** The filters the search used, if any. */
			filters: z
				.object(
					{
						audience: z
							.enum(audiences, { error: `Expected filters.audience to be one of ${audiences.join(', ')}.` })
							.optional(),
						type: z
							.enum(filterTypes, { error: `Expected filters.type to be one of ${filterTypes.join(', ')}.` })
							.optional(),
					},
					{ error: 'Expected filters as an object such as {"audience": "affiliate"}.' },
				)
				.strict()
				.optional(),
			/** The result the reader opened, as a path on this site (with its #section, if any). */
			opened: z
				.string({ error: 'Expected opened as a path on this site.' })
				.max(searchEventLimits.path, `opened must be at most ${searchEventLimits.path} characters.`)
				.regex(
					/^\/(?!\/)[^\s<>"'\\]*$/,
					'opened must be a path on this site starting with "/", for example "/faq/payments/".',
				)
				.optional(),
			/** Whether the reader went on to the ask form from this search. */
			asked: z.boolean({ error: 'Expected asked as true or false.' }).optional(),
		},
		{ error: 'Expected each event as an object with query and results.' },
	)
	.strict();

export type SearchEvent = z.output<typeof searchEventSchema>;
/** What the browser sends (before normalising). */
export type SearchEventInput = z.input<typeof searchEventSchema>;

/** A batch: `{ "events": [...] }` with 1 to 50 events. */
export const searchEventBatchSchema = z
	.object(
		{
			events: z
				.array(searchEventSchema, { error: 'Expected events as a list.' })
				.min(1, 'Send at least one event.')
				.max(searchEventLimits.batch, `Send at most ${searchEventLimits.batch} events at once.`),
		},
		{ error: 'Expected a JSON object such as {"events": [{"query": "payout", "results": 3}]}.' },
	)
	.strict();

/** The filters of an event as one stable key, e.g. "audience=customer&type=faq" ("" for none). */
export function filterKey(filters: SearchEvent['filters']): string {
	if (!filters) return '';
	return (['audience', 'type'] as const)
		.filter((k) => filters[k] !== undefined)
		.map((k) => `${k}=${filters[k]}`)
		.join('&');
}
