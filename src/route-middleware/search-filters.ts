/**
 * Files every Starlight page under the search filters (audience, content type). One place for
 * all pages, guides and custom pages alike, so a new page kind cannot be forgotten: the filters
 * are worked out here from what the page says it is (src/data/page-meta.ts) and kept for the
 * page's rendering, and the header search box (src/components/Search.astro), which every page
 * has, writes them as Pagefind filter elements
 * (`<span hidden data-pagefind-filter="audience:customer">`). A `<meta>` in the head would need a
 * `name` it has no use for to be valid HTML; Pagefind reads filters anywhere on the page.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pageMetaOf } from '../data/page-meta.ts';
import { pageFilters, type PageFilters } from '../lib/search-filters.ts';

/** The page's filters, as this middleware leaves them for its rendering. */
export const searchFiltersOf = (locals: object): PageFilters | undefined =>
	(locals as { searchFilters?: PageFilters }).searchFilters;

export const onRequest = defineRouteMiddleware((context) => {
	(context.locals as { searchFilters?: PageFilters }).searchFilters = pageFilters(pageMetaOf(context.locals));
});
