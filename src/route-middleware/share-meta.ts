/**
 * Adds what Starlight's head leaves out for sharing and following: the share image
 * (`og:image…`, `twitter:image…`), what the page is and who it is for (`article:section`,
 * `article:tag`, which the image renderer reads back), and the link to the changes feed.
 * Starlight already writes og:title, og:description, og:url, og:site_name and twitter:card.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadContent } from '../data/content.ts';
import { pageMeta } from '../data/page-meta.ts';
import { audienceLabels, pageTypeLabels, SHARE_IMAGE, shareImageAlt, shareImagePath, type ShareCard } from '../lib/share-card.ts';
import { urls } from '../lib/urls.ts';
import { shareImagesEnabled } from '../og/config.ts';
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

const withImages = shareImagesEnabled();

/** Runs for every Starlight page, prerendered or on demand, before its head is rendered. */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const { program } = await loadContent();
	const { pathname } = context.url;
	// Guides carry pageType and audience in front matter (our docs schema extension).
	const meta = await pageMeta(pathname, route.entry.data as { pageType?: PageType; audience?: Audience });
	const card: ShareCard = {
		program: program.name,
		title: route.entry.data.title,
		type: /^\/404(\.html|\/)?$/.test(pathname) ? 'Page not found' : pageTypeLabels[meta.pageType],
		audiences: meta.audiences.map((a) => audienceLabels[a]),
	};
	const isHome = pathname === '/' || meta.pageType === 'home';
	const head = route.head;
	const type = head.find((h) => h.tag === 'meta' && h.attrs?.['property'] === 'og:type');
	if (type?.attrs && isHome) type.attrs['content'] = 'website';

	const add = (key: 'property' | 'name', name: string, content: string) => head.push({ tag: 'meta', attrs: { [key]: name, content } });
	add('property', 'article:section', card.type);
	for (const audience of card.audiences) add('property', 'article:tag', audience);
	// A page that names its own image in front matter (`head`) keeps it.
	const ownImage = head.some((h) => h.tag === 'meta' && h.attrs?.['property'] === 'og:image');
	if (withImages && !ownImage) {
		const image = new URL(shareImagePath(pathname), context.site ?? context.url).href;
		const alt = shareImageAlt(card);
		add('property', 'og:image', image);
		add('property', 'og:image:type', 'image/png');
		add('property', 'og:image:width', String(SHARE_IMAGE.width));
		add('property', 'og:image:height', String(SHARE_IMAGE.height));
		add('property', 'og:image:alt', alt);
		add('name', 'twitter:image', image);
		add('name', 'twitter:image:alt', alt);
	}
	head.push({
		tag: 'link',
		attrs: { rel: 'alternate', type: 'application/atom+xml', title: `${program.name}: program changes`, href: urls.changesFeed() },
	});
});
