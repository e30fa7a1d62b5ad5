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
	title: z.string().min(3),
	description: z.string().min(20).max(200),
	channel: z.enum(channelKeys, {
		error: (issue) => `Unknown channel ${JSON.stringify(issue.input)}: expected one of ${channelKeys.join(', ')}.`,
	}),
	/** The rule in one sentence, as the affiliate must apply it. */
	rule: z.string().min(20),
	/** Disclosures that meet the rule, quoted as they would appear. */
	compliant: z.array(z.string().min(3)).min(1),
	/** Disclosures that fail the rule, each with the reason it fails. */
	nonCompliant: z.array(z.object({ example: z.string().min(3), why: z.string().min(5) })).min(1),
	/** Where the rule comes from. */
	sources: z.array(z.object({ name: z.string().min(3), url: z.url() })).min(1),
	/** Synonyms and jargon readers search with; see searchTermsSchema. */
	searchTerms: searchTermsSchema,
	related: z.array(relatedRefSchema).default([]),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
