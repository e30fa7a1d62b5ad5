import type { APIRoute } from 'astro';

/**
 * /robots.txt: every page may be crawled but the on-demand ones that belong to one visitor (the
 * feedback endpoint, the thank-you page), and the sitemap is at the site's public address (SITE_URL).
 */
export const GET: APIRoute = ({ site }) => {
	const sitemap = new URL('/sitemap-index.xml', site).href;
	const body = ['User-agent: *', 'Disallow: /api/', 'Disallow: /ask/thanks/', '', `Sitemap: ${sitemap}`, ''].join('\n');
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
