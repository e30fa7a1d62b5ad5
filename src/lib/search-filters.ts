/**
 * The filters search offers, and what a page puts in its head so that Pagefind files it under them.
 * Values are the stable keys (they end up in links such as `/search/?q=...&type=faq`); labels are for people.
 */
import { audiences, type Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

/** Content types a reader can filter by, in the order the search page lists them. */
export const searchTypes = {
	faq: 'FAQ',
	guide: 'Guide',
	troubleshooting: 'Troubleshooting',
	terms: 'Terms',
	commission: 'Commission',
	disclosure: 'Disclosure',
} as const satisfies Partial<Record<PageType, string>>;
export type SearchType = keyof typeof searchTypes;

/** Audiences a reader can filter by, with the label the search page shows. */
export { audienceLabels as searchAudiences } from './labels.ts';

/** The Pagefind filter names; `data-pagefind-filter` uses them and so does every search query. */
export const filterNames = { audience: 'audience', type: 'type' } as const;

/** The filter values one page is filed under. */
export interface PageFilters {
	/** Every audience the page serves; a page for everyone is filed under all three, so no filter hides it. */
	audience: Audience[];
	/** The content type, or undefined for pages that are not one (home, hubs, the ask page). */
	type: SearchType | undefined;
}

/**
 * Files a page under the search filters. The glossary counts as a guide: it explains terms
 * rather than pointing elsewhere, which is what a reader filtering for guides wants.
 */
export function pageFilters(meta: { pageType: PageType; audiences: readonly Audience[] }): PageFilters {
	const type =
		meta.pageType === 'glossary' ? 'guide' : meta.pageType in searchTypes ? (meta.pageType as SearchType) : undefined;
	return { audience: meta.audiences.length > 0 ? [...meta.audiences] : [...audiences], type };
}
