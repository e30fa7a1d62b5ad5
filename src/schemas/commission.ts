import { z } from 'astro/zod';
import { isoDateSchema, stewardshipSchema } from './common.ts';

const percent = z
	.number({ error: 'Expected a percentage as a number, e.g. 8 for 8 %.' })
	.min(0, 'A commission rate cannot be below 0 %.')
	.max(100, 'A commission rate cannot be above 100 %.');

/** One band of a tiered rule: sales from `from` up to (not including) `to` earn `rate`. */
export const tierSchema = z.object({
	/** Lower bound (inclusive) of monthly sales in the program currency. */
	from: z.number().min(0),
	/** Upper bound (exclusive); omit on the last tier. */
	to: z.number().positive().optional(),
	/** Percentage paid, e.g. 8 for 8 %. */
	rate: percent,
});

const base = stewardshipSchema.extend({
	/** Heading of the rule, e.g. "Outdoor gear". */
	title: z.string().min(3),
	/** One sentence (20–200 characters) on what the reader finds here; search results, share cards and hub lists show it. */
	description: z.string().min(20).max(200),
	/** The offer or product group the rule pays on; rules for one offer never overlap in time. */
	offer: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected an offer id in kebab-case, e.g. "outdoor-gear".'),
	/** Who the rule pays: affiliates (CPS, tiered, revenue share) or a CPA campaign partner. */
	audience: z.enum(['affiliate', 'advertiser']).default('affiliate'),
	/** Days a click counts for this offer; defaults to the program's cookie window. */
	cookieWindowDays: z.number().int().min(1).max(365).optional(),
	/** Days a conversion stays pending and can be reversed (refund, chargeback, invalid). */
	lockPeriodDays: z.number().int().min(0).max(365),
	/** First day the rule applies, YYYY-MM-DD. */
	validFrom: isoDateSchema,
	/** Last day the rule applies; omit while it runs. */
	validTo: isoDateSchema.optional(),
	/** Conditions worth knowing, one per line (exclusions, caps). */
	notes: z.array(z.string()).default([]),
	/**
	 * Offer of another rule this one is an alternative to: an affiliate who joins this offer earns under it
	 * instead of that rule, never under both for the same sale (e.g. a CPA offer beside a revenue share).
	 */
	alternativeTo: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected an offer id in kebab-case, e.g. "trail-club".')
		.optional(),
	/** Who pays the amount or rate: Tallwood on its own store's sales (default), or the advertiser running the campaign. */
	paidBy: z.enum(['tallwood', 'advertiser']).default('tallwood'),
	/** For campaigns: the advertiser running it, as affiliates see it. */
	advertiser: z.string().min(2).optional(),
});

/** A commission rule as data; `model` decides which rate fields apply. */
export const commissionSchema = z
	.discriminatedUnion('model', [
		base.extend({
			/** How the rule pays: `cps` (percentage of each sale), `cpa` (flat amount per action), `revshare` (percentage of revenue for some months), `tiered` (percentage by monthly sales). */
			model: z.literal('cps'),
			/** Percentage paid, e.g. 8 for 8 %. */
			rate: percent,
		}),
		base.extend({
			model: z.literal('cpa'),
			/** Flat amount paid per approved action, in the program currency. */
			amount: z.number().positive(),
			/** The action that is paid, e.g. "first paid subscription". */
			action: z.string().min(3),
		}),
		base.extend({
			model: z.literal('revshare'),
			rate: percent,
			/** Months the share is paid for after the customer signs up. */
			durationMonths: z.number().int().min(1).max(120),
		}),
		base.extend({
			model: z.literal('tiered'),
			/** Bands of monthly sales, from 0 upwards, each with its rate; only the last has no `to`. */
			tiers: z.array(tierSchema).min(2),
		}),
	])
	.superRefine((rule, ctx) => {
		if (rule.validTo && rule.validTo < rule.validFrom) {
			ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom.' });
		}
		if (rule.model !== 'tiered') return;
		const tiers = rule.tiers;
		const first = tiers[0];
		if (first && first.from !== 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['tiers', 0, 'from'],
				message: `The first tier must start at 0, not ${first.from}.`,
			});
		}
		tiers.forEach((tier, i) => {
			const last = i === tiers.length - 1;
			if (tier.to !== undefined && tier.to <= tier.from) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', i, 'to'],
					message: `Tier ${i + 1} ends (${tier.to}) at or before it starts (${tier.from}).`,
				});
			}
			if (last) {
				if (tier.to !== undefined) {
					ctx.addIssue({
						code: 'custom',
						path: ['tiers', i, 'to'],
						message: 'The last tier has no upper bound: remove "to".',
					});
				}
				return;
			}
			const next = tiers[i + 1]!;
			if (tier.to === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', i, 'to'],
					message: `Tier ${i + 1} needs "to": only the last tier is open-ended.`,
				});
			} else if (next.from < tier.to) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', i + 1, 'from'],
					message: `Tier ${i + 2} starts at ${next.from}, which overlaps tier ${i + 1} (up to ${tier.to}).`,
				});
			} else if (next.from > tier.to) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', i + 1, 'from'],
					message: `Tier ${i + 2} starts at ${next.from}, leaving a gap after tier ${i + 1} (up to ${tier.to}).`,
				});
			}
		});
	});
export type CommissionRule = z.infer<typeof commissionSchema>;
export type Tier = z.infer<typeof tierSchema>;
