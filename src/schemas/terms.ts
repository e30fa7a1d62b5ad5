import { z } from 'astro/zod';
import { isoDateSchema } from './common.ts';

/** One version of the program terms; the Markdown body is the full text. */
export const termsSchema = z.object({
	/** Page title, e.g. "Program terms". */
	title: z.string().min(3),
	/** Version number written MAJOR.MINOR, e.g. "3.1". */
	version: z.string().regex(/^\d+\.\d+$/, 'Expected a version written MAJOR.MINOR, e.g. "3.1".'),
	/** The day this version takes effect, YYYY-MM-DD. Two versions never share one. */
	effectiveDate: isoDateSchema,
	/** What changed from the version it supersedes, one line per change. */
	changes: z.array(z.string().min(5)).default([]),
	/** The version this one replaces; omitted only for the first version. */
	supersedes: z
		.string()
		.regex(/^\d+\.\d+$/)
		.optional(),
	/** One sentence (20–200 characters) on what this version covers; search results and share cards show it. */
	description: z.string().min(20).max(200),
});
export type Terms = z.infer<typeof termsSchema>;
