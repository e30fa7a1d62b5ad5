import { z } from 'astro/zod';
import { audienceSchema, relatedRefSchema, stewardshipSchema } from './common.ts';

/** Kinds of page, for search filters and share cards. */
export const pageTypes = [
	'home',
	'hub',
	'guide',
	'faq',
	'troubleshooting',
	'terms',
	'commission',
	'disclosure',
	'glossary',
	'search',
	'ask',
] as const;
export type PageType = (typeof pageTypes)[number];

/** Fields our guides add to Starlight's own front matter. */
export const docsExtension = stewardshipSchema.extend({
	/** Who the guide is written for; hub and home pages leave it out. */
	audience: audienceSchema.optional(),
	/** What kind of page this is; articles in src/content/docs are guides unless they say otherwise. */
	pageType: z.enum(pageTypes).default('guide'),
	/** Other articles worth reading next, written "collection/id", e.g. "faqs/payout-threshold". */
	related: z.array(relatedRefSchema).default([]),
	/** On a translation (src/content/docs/<locale>/…): the English source it was translated from, by content hash (src/i18n/translations.ts). */
	translatedFrom: z
		.object({
			/** The first 16 hex digits of the SHA-256 of the English file when it was translated; a different hash now means the translation is behind. */
			sha256: z.string().regex(/^[0-9a-f]{16}$/, 'the first 16 hex digits of the source file’s SHA-256'),
		})
		.strict()
		.optional(),
});

/**
 * The part of Starlight's front matter our tools check outside a build,
 * plus our own fields; the build itself uses Starlight's full schema.
 */
export const docsLiteSchema = docsExtension
	.extend({
		/** The page title, shown as its only level-1 heading and in the browser tab. */
		title: z.string().min(1),
		/** One sentence (20–200 characters) on what the reader finds here; search results, share cards and hub lists show it. */
		description: z.string().optional(),
	})
	.loose();
