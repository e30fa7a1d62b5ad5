import { z } from 'astro/zod';

/** Collections whose entries are articles that someone keeps accurate. */
export const stewardedCollections = ['docs', 'faqs', 'troubleshooting', 'disclosures', 'commission'] as const;

/**
 * Settings of `npm run check:content`, read from `content-check.yaml` at the project root.
 * Every field has a default, so the file may leave out anything it does not change.
 */
export const contentCheckSchema = z
	.object({
		review: z
			.object({
				/** Days after `lastReviewed` when a review is reported as stale (a warning). Default 180. */
				warnAfterDays: z.number().int().min(1).default(180),
				/** Days after `lastReviewed` when a stale review fails the check (an error). Default 365. */
				failAfterDays: z.number().int().min(1).default(365),
			})
			.default({ warnAfterDays: 180, failAfterDays: 365 })
			.refine((r) => r.failAfterDays > r.warnAfterDays, { message: 'failAfterDays must be greater than warnAfterDays.', path: ['failAfterDays'] }),
		/**
		 * Collections whose entries need a description, an owner and a last-reviewed date.
		 * Terms are left out by default: a version of the terms is a dated legal record, not an article that is re-reviewed.
		 */
		stewardship: z.array(z.enum(stewardedCollections)).default([...stewardedCollections]),
	})
	.strict();
export type ContentCheckConfig = z.infer<typeof contentCheckSchema>;
