import { z } from 'astro/zod';
import { audienceSchema, relatedRefSchema, searchTermsSchema, stewardshipSchema } from './common.ts';

/** A guide from symptom to fix; the Markdown body adds background after the steps. */
export const troubleshootingSchema = stewardshipSchema.extend({
	/** Named after the symptom, e.g. "My link is not tracking clicks". */
	title: z.string().min(5),
	description: z.string().min(20).max(200),
	audience: audienceSchema,
	/** What the reader sees, in their words. */
	symptoms: z.array(z.string().min(5)).min(1),
	/** Why it happens, most likely first. */
	causes: z.array(z.object({ cause: z.string().min(5), check: z.string().min(5) })).min(1),
	/** What to do, in order. */
	steps: z.array(z.object({ title: z.string().min(3), text: z.string().min(10) })).min(2),
	/** When to stop and contact support, and what to include. */
	contactSupport: z.string().min(20),
	/** Synonyms and jargon readers search with; see searchTermsSchema. */
	searchTerms: searchTermsSchema,
	related: z.array(relatedRefSchema).default([]),
});
export type Troubleshooting = z.infer<typeof troubleshootingSchema>;
