import { z } from 'astro/zod';
import { audienceSchema, relatedRefSchema, searchTermsSchema, stewardshipSchema } from './common.ts';

/** Topics FAQ pages are grouped by; each becomes a page at /faq/<topic>/. */
export const faqTopics = {
	commissions: 'Commissions',
	payments: 'Payments and payouts',
	tracking: 'Links and tracking',
	'refunds-returns': 'Refunds and returns',
	warranty: 'Warranty',
	'pre-sale': 'Before you buy',
	'invalid-conversions': 'Invalid conversions',
	disputes: 'Disputes',
	account: 'Your account',
} as const;
export type FaqTopic = keyof typeof faqTopics;
const topicKeys = Object.keys(faqTopics) as [FaqTopic, ...FaqTopic[]];

/** One question and its answer; the Markdown body is the answer. */
export const faqSchema = stewardshipSchema.extend({
	/** The question as a reader would ask it, ending with "?". */
	question: z.string().min(8).max(160).regex(/\?$/, 'A question ends with "?".'),
	/** A one-sentence summary of the answer, used in search results and cards. */
	description: z.string().min(20).max(200),
	/** Who asks this question. */
	audience: audienceSchema,
	/** The FAQ page this question appears on. */
	topic: z.enum(topicKeys, {
		error: (issue) => `Unknown topic ${JSON.stringify(issue.input)}: expected one of ${topicKeys.join(', ')}.`,
	}),
	/** Synonyms and jargon readers search with; see searchTermsSchema. */
	searchTerms: searchTermsSchema,
	/** Other articles worth reading next, written "collection/id". */
	related: z.array(relatedRefSchema).default([]),
});
export type Faq = z.infer<typeof faqSchema>;
