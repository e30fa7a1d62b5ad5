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

/** Where in a text a check's wording must appear, in the words the disclosure checker answers with. */
export const disclosurePlaces = {
	anywhere: 'anywhere in the text',
	start: 'at the very start, before any other words',
	'first-line': 'in the first line',
	'before-more': 'before the “more” cut-off',
	'before-link': 'before the first link',
} as const;
export type DisclosurePlace = keyof typeof disclosurePlaces;
const placeKeys = Object.keys(disclosurePlaces) as [DisclosurePlace, ...DisclosurePlace[]];

/** How to disclose the affiliate relationship on one channel; the body explains why and how. */
export const disclosureSchema = stewardshipSchema
	.extend({
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
		/** What the disclosure checker (/tools/disclosure/) tests a pasted text against for this channel; every check must pass. */
		checks: z
			.array(
				z.object({
					/** Stable name of the check in kebab-case, e.g. "label-at-start". */
					id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a check id in kebab-case, e.g. "label-at-start".'),
					/** What the check asks for, as the answer states it, e.g. "A clear label such as #ad at the start of the post". */
					requirement: z.string().min(10),
					/** Wording or tags, any one of which meets the check; matched as whole words, ignoring case ("#ad" does not match "#adventure"). */
					anyOf: z.array(z.string().min(2)).min(1),
					/** Where the wording must appear: anywhere, start (before any other words), first-line, before-more (within the characters shown before "more"), before-link (before the first web address). */
					where: z
						.enum(placeKeys, {
							error: (issue) =>
								`Unknown place ${JSON.stringify(issue.input)}: expected one of ${placeKeys.join(', ')}.`,
						})
						.default('anywhere'),
					/** For before-more: how many characters the channel shows before "more". */
					visibleCharacters: z.number().int().min(20).max(1000).default(125),
					/** Ambiguous tags or words that do not count as the disclosure on their own, e.g. "#sp", "#collab"; the answer names them when a text relies on them. */
					doesNotCount: z.array(z.string().min(2)).default([]),
					/** What to do when the check fails, one or two sentences. */
					fix: z.string().min(10),
					/** The source the check comes from: the `name` of one of this rule's `sources`. */
					source: z.string().min(3),
				}),
			)
			.default([]),
	})
	.superRefine((rule, ctx) => {
		const names = rule.sources.map((s) => s.name);
		const seen = new Set<string>();
		rule.checks.forEach((check, i) => {
			if (seen.has(check.id))
				ctx.addIssue({
					code: 'custom',
					path: ['checks', i, 'id'],
					message: `Two checks are named "${check.id}": give each its own id.`,
				});
			seen.add(check.id);
			if (!names.includes(check.source)) {
				ctx.addIssue({
					code: 'custom',
					path: ['checks', i, 'source'],
					message: `Unknown source "${check.source}": expected the name of one of this rule's sources (${names.map((n) => JSON.stringify(n)).join(', ')}).`,
				});
			}
			const wording = new Set(check.anyOf.map((w) => w.toLowerCase()));
			check.doesNotCount.forEach((tag, j) => {
				if (wording.has(tag.toLowerCase()))
					ctx.addIssue({
						code: 'custom',
						path: ['checks', i, 'doesNotCount', j],
						message: `"${tag}" is listed both as wording that meets the check and as wording that does not count.`,
					});
			});
		});
	});
export type Disclosure = z.infer<typeof disclosureSchema>;
/** One check of a channel's disclosure rule. */
export type DisclosureCheck = Disclosure['checks'][number];
