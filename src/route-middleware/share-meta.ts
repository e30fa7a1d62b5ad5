/**
 * Adds what Starlight's head leaves out for sharing and following: the share image
 * (`og:image…`, `twitter:image…`), what the page is and who it is for (`article:section`,
 * `article:tag`), and the link to the changes feed. The card it links is drawn from the data the
 * page passed (src/data/page-meta.ts): it is recorded here (src/og/cards.ts) for the image renderer.
 * Starlight already writes og:title, og:description, og:url, og:site_name and twitter:card.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadContent } from '../data/content.ts';
import { pageMetaOf } from '../data/page-meta.ts';
import { SHARE_IMAGE, shareCard, shareImageAlt, shareImagePath } from '../lib/share-card.ts';
import { urls } from '../lib/urls.ts';
import { recordShareCard } from '../og/cards.ts';
import { shareImagesEnabled } from '../og/config.ts';

const withImages = shareImagesEnabled();

/** Runs for every Starlight page, prerendered or on demand, before its head is rendered. */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const { program } = await loadContent();
	const meta = pageMetaOf(context.locals);
	// Starlight's own test for its not-found page.
	const notFound = route.entry.id === '404';
	const card = shareCard({ program: program.name, title: route.entry.data.title, meta, notFound });
	const head = route.head;
	const type = head.find((h) => h.tag === 'meta' && h.attrs?.['property'] === 'og:type');
	if (type?.attrs && meta.pageType === 'home') type.attrs['content'] = 'website';

	const add = (key: 'property' | 'name', name: string, content: string) =>
		head.push({ tag: 'meta', attrs: { [key]: name, content } });
	add('property', 'article:section', card.type);
	for (const audience of card.audiences) add('property', 'article:tag', audience);
	// A page that names its own image in front matter (`head`) keeps it.
	const ownImage = head.some((h) => h.tag === 'meta' && h.attrs?.['property'] === 'og:image');
	if (withImages && !ownImage) {
		const path = shareImagePath(context.url.pathname);
		// Images are drawn for the pages a build writes and for any page in `astro dev`; a page
		// rendered on demand links the image its build drew, if any, and keeps no record in the server.
		if (context.isPrerendered || import.meta.env.DEV) recordShareCard(path, card);
		const image = new URL(path, context.site ?? context.url).href;
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
		attrs: {
			rel: 'alternate',
			type: 'application/atom+xml',
			title: `${program.name}: program changes`,
			href: urls.changesFeed(),
		},
	});
});
