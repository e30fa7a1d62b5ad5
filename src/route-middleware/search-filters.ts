/**
 * Files every Starlight page under the search filters (audience, content type). One place for
 * all pages, guides and custom pages alike, so a new page kind cannot be forgotten: the filters
 * are worked out here and kept for the page's rendering, and the header search box
 * (src/components/Search.astro), which every page has, writes them as Pagefind filter elements
 * (`<span hidden data-pagefind-filter="audience:customer">`). A `<meta>` in the head would need a
 * `name` it has no use for to be valid HTML; Pagefind reads filters anywhere on the page.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pageMeta } from '../data/page-meta.ts';
import { pageFilters, type PageFilters } from '../lib/search-filters.ts';
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

/** The page's filters, as this middleware leaves them for its rendering. */
export const searchFiltersOf = (locals: object): PageFilters | undefined => (locals as { searchFilters?: PageFilters }).searchFilters;

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const data = route.entry.data as { pageType?: PageType; audience?: Audience };
	(context.locals as { searchFilters?: PageFilters }).searchFilters = pageFilters(await pageMeta(context.url.pathname, data));
});
