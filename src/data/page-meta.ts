/**
 * What a page is and who it is for, for search filters, share cards and the sidebar. Every page
 * says so itself: a docs entry in its front matter (`pageType`, `audience`), a page built in
 * src/pages through the `page` prop of <HelpPage> (src/components/HelpPage.astro), which keeps it
 * in `Astro.locals` before Starlight runs the route middleware (src/route-middleware/).
 */
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

export interface PageMeta {
	pageType: PageType;
	/** Audiences the page is written for; empty means everyone. */
	audiences: Audience[];
}

/** Where <HelpPage> keeps what its page declared, for the rest of the page's rendering. */
interface PageLocals {
	pageMeta?: PageMeta;
	starlightRoute?: { entry: { data: object } };
}

/** What a docs entry's front matter says about it (our docs schema extension: src/schemas/docs.ts). */
export function frontMatterMeta(data: { pageType?: PageType | undefined; audience?: Audience | undefined }): PageMeta {
	return { pageType: data.pageType ?? 'guide', audiences: data.audience ? [data.audience] : [] };
}

/** Files the page being rendered: <HelpPage> calls this before it renders Starlight's page. */
export function declarePage(locals: object, meta: PageMeta): void {
	(locals as PageLocals).pageMeta = meta;
}

/** What the Starlight page being rendered is: what it declared, or else what its front matter says. */
export function pageMetaOf(locals: object): PageMeta {
	const { pageMeta, starlightRoute } = locals as PageLocals;
	if (pageMeta) return pageMeta;
	if (!starlightRoute)
		throw new Error(
			'pageMetaOf() needs a Starlight page: it reads Astro.locals.starlightRoute, which Starlight sets before the route middleware runs.',
		);
	return frontMatterMeta(starlightRoute.entry.data);
}
