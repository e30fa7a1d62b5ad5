import { z } from 'astro/zod';
import { relatedRefSchema, searchTermsSchema, stewardshipSchema } from './common.ts';

export const disclosureChannels = {
	blog: 'Blogs and websites',
	video: 'Video (YouTube, TikTok, Reels)',
	social: 'Social posts (Instagram, Facebook, X, LinkedIn)',
	email: 'Email newsletters',
	podcast: 'Podcasts and audio',
	'live-stream': 'Live streams',
	'coupon-site': 'Coupon and deal sites',
} as const;
export type DisclosureChannel = keyof typeof disclosureChannels;
const channelKeys = Object.keys(disclosureChannels) as [DisclosureChannel, ...DisclosureChannel[]];

/** How to disclose the affiliate relationship on one channel; the body explains why and how. */
export const disclosureSchema = stewardshipSchema.extend({
	/** Page title, e.g. "Disclosing affiliate links on blogs and websites". */
	title: z.string().min(3),
	/** One sentence (20–200 characters) on what the reader finds here; search results, share cards and hub lists show it. */
	description: z.string().min(20).max(200),
	/** The channel the rule is for; each channel has one page at /disclosures/<channel>/. */
	channel: z.enum(channelKeys, {
		error: (issue) => `Unknown channel ${JSON.stringify(issue.input)}: expected one of ${channelKeys.join(', ')}.`,
	}),
	/** The rule in one sentence, as the affiliate must apply it. */
	rule: z.string().min(20),
	/** Disclosures that meet the rule, quoted as they would appear. */
	compliant: z.array(z.string().min(3)).min(1),
	/** Disclosures that fail the rule, each with the reason it fails. */
	nonCompliant: z
		.array(
			z.object({
				/** The failing disclosure, quoted as it would appear. */
				example: z.string().min(3),
				/** Why it fails the rule. */
				why: z.string().min(5),
			}),
		)
		.min(1),
	/** Where the rule comes from. */
	sources: z
		.array(
			z.object({
				/** Name of the regulation or guidance, e.g. "FTC Endorsement Guides". */
				name: z.string().min(3),
				/** Web address of the source. */
				url: z.url(),
			}),
		)
		.min(1),
	/** Synonyms and jargon readers search with; see searchTermsSchema. */
	searchTerms: searchTermsSchema,
	/** Other articles worth reading next, written "collection/id", e.g. "faqs/payout-threshold". */
	related: z.array(relatedRefSchema).default([]),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
