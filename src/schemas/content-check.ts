import { z } from 'astro/zod';
import { audienceSchema } from './common.ts';
import { stewardedCollections } from '../collections.ts';

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
			.refine((r) => r.failAfterDays > r.warnAfterDays, {
				message: 'failAfterDays must be greater than warnAfterDays.',
				path: ['failAfterDays'],
			}),
		/**
		 * Collections whose entries need a description, an owner and a last-reviewed date.
		 * Terms are left out by default: a version of the terms is a dated legal record, not an article that is re-reviewed.
		 */
		stewardship: z.array(z.enum(stewardedCollections as [string, ...string[]])).default([...stewardedCollections]),
		/** Who each topic and folder is for; an entry whose audience does not fit is reported. */
		audiences: z
			.object({
				/** FAQ topic → the audiences that ask about it, e.g. `warranty: [customer]`. A topic left out fits everyone. */
				topics: z.record(z.string(), z.array(audienceSchema).min(1)).default({}),
				/** Folder under src/content → the one audience its entries are written for, e.g. `docs/customers: customer`. */
				folders: z.record(z.string(), audienceSchema).default({}),
				/**
				 * Words that mark a title as one audience's, e.g. `advertiser: [postback, invoice]`. A title with another
				 * audience's words and none of its own audience's is reported (the words are matched as whole words, any case).
				 */
				words: z.partialRecord(audienceSchema, z.array(z.string().min(2))).default({}),
			})
			.optional(),
	})
	.strict();
export type ContentCheckConfig = z.infer<typeof contentCheckSchema>;
