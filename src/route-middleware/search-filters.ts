/**
 * Files every Starlight page under the search filters (audience, content type) by adding
 * Pagefind filter tags to its head. One place for all pages, guides and custom pages alike,
 * so a new page kind cannot be forgotten.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pageMeta } from '../data/page-meta.ts';
import { filterNames, pageFilters } from '../lib/search-filters.ts';
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

const filterTag = (name: string, value: string) => ({
	tag: 'meta' as const,
	attrs: { 'data-pagefind-filter': `${name}[content]`, content: value },
});

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const data = route.entry.data as { pageType?: PageType; audience?: Audience };
	const filters = pageFilters(await pageMeta(context.url.pathname, data));
	route.head.push(...filters.audience.map((a) => filterTag(filterNames.audience, a)));
	if (filters.type) route.head.push(filterTag(filterNames.type, filters.type));
});
