import { z } from 'astro/zod';
import { audienceSchema, relatedRefSchema, searchTermsSchema, stewardshipSchema } from './common.ts';

/** A guide from symptom to fix; the Markdown body adds background after the steps. */
export const troubleshootingSchema = stewardshipSchema.extend({
	/** Named after the symptom, e.g. "My link is not tracking clicks". */
	title: z.string().min(5),
	/** One sentence (20–200 characters) on what the reader finds here; search results, share cards and hub lists show it. */
	description: z.string().min(20).max(200),
	/** Who meets this problem: affiliate, customer or advertiser. */
	audience: audienceSchema,
	/** What the reader sees, in their words. */
	symptoms: z.array(z.string().min(5)).min(1),
	/** Why it happens, most likely first. */
	causes: z
		.array(
			z.object({
				/** One likely cause, in plain words. */
				cause: z.string().min(5),
				/** How the reader checks whether this cause is theirs. */
				check: z.string().min(5),
			}),
		)
		.min(1),
	/** What to do, in order. */
	steps: z
		.array(
			z.object({
				/** The step in a few words, e.g. "Clear the cookie". */
				title: z.string().min(3),
				/** What to do, in full sentences. */
				text: z.string().min(10),
			}),
		)
		.min(2),
	/** When to stop and contact support, and what to include. */
	contactSupport: z.string().min(20),
	/** Synonyms and jargon readers search with; see searchTermsSchema. */
	searchTerms: searchTermsSchema,
	/** Other articles worth reading next, written "collection/id", e.g. "faqs/payout-threshold". */
	related: z.array(relatedRefSchema).default([]),
});
export type Troubleshooting = z.infer<typeof troubleshootingSchema>;
