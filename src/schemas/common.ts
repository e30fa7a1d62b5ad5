import { z } from 'astro/zod';

/** The three kinds of reader the knowledge base serves. */
export const audiences = ['affiliate', 'customer', 'advertiser'] as const;
export const audienceSchema = z.enum(audiences, {
	error: (issue) => `Unknown audience ${JSON.stringify(issue.input)}: expected one of ${audiences.join(', ')}.`,
});
export type Audience = z.infer<typeof audienceSchema>;
/** Each audience in the plural, as page titles and addresses name it ("Guides for affiliates", /guides/for-affiliates/). */
export const audienceNames = {
	affiliate: 'affiliates',
	customer: 'customers',
	advertiser: 'advertisers',
} as const satisfies Record<Audience, string>;

/** A calendar date written as YYYY-MM-DD; parsed to a Date at midnight UTC. */
export const isoDateSchema = z.preprocess(
	(value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value),
	z.date({ error: (issue) => `Expected a date written as YYYY-MM-DD, received ${JSON.stringify(issue.input)}.` }),
);

/**
 * A reference to another article, written `collection/id`, for example
 * `troubleshooting/link-not-tracking` or `docs/affiliates/payments`.
 * Whether it names a collection (src/collections.ts) and an entry is checked across all collections at build time.
 */
export const relatedRefSchema = z
	.string()
	.regex(
		/^[a-z]+\/[a-z0-9][a-z0-9/-]*$/,
		'Expected a reference written "collection/id", for example "faqs/when-do-i-get-paid".',
	);

/** Who keeps an article accurate, and when they last checked it. */
export const stewardshipSchema = z.object({
	/** The team or person who answers for this article (e.g. "partner-support"). */
	owner: z.string().min(2).optional(),
	/** The date the article was last checked against the program, YYYY-MM-DD. */
	lastReviewed: isoDateSchema.optional(),
});

/**
 * Other words readers use for the subject of an article: synonyms and jargon
 * ("chargeback", "payday", "S2S"), never misspellings. Shown on the page as
 * "Also searched as", so search can find the article by them; default none, at most 12.
 */
export const searchTermsSchema = z.array(z.string().min(2).max(60)).max(12).default([]);
