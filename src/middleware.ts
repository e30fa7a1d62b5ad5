/**
 * The site's own middleware, after Starlight's: pages in another language than English get their
 * links to English pages pointed at that language's version (src/i18n/local-links.ts). It runs as
 * each page is built (and for the few rendered on demand), so it costs one pass over a page's HTML.
 */
import { defineMiddleware } from 'astro:middleware';
import { localeOfPath } from './i18n/locales.ts';
import { localizeLinks } from './i18n/local-links.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const locale = localeOfPath(context.url.pathname);
	if (locale === 'root' || !response.headers.get('content-type')?.includes('text/html')) return response;
	const html = localizeLinks(await response.text(), locale);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
