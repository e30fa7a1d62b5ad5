/**
 * How audiences and kinds of page are named to readers: the sidebar's audience groups, the search
 * filters, share cards and their `article:section` / `article:tag` tags all use these words.
 */
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

/** Each audience as a label ("Affiliates"). */
export const audienceLabels = {
	affiliate: 'Affiliates',
	customer: 'Customers',
	advertiser: 'Advertisers',
} as const satisfies Record<Audience, string>;

/** Each kind of page as a label, as share cards and `article:section` show it. */
export const pageTypeLabels: Record<PageType, string> = {
	home: 'Help centre',
	hub: 'Overview',
	guide: 'Guide',
	faq: 'FAQ',
	troubleshooting: 'Troubleshooting',
	terms: 'Program terms',
	commission: 'Commission rates',
	disclosure: 'Disclosure rules',
	glossary: 'Glossary',
	search: 'Search',
	ask: 'Ask a question',
};
