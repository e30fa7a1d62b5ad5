import type { APIRoute } from 'astro';

/**
 * /robots.txt: every page may be crawled but the feedback endpoint, and the sitemap is at the site's
 * public address (SITE_URL). The thank-you page stays crawlable (it is in no sitemap and links back).
 */
export const GET: APIRoute = ({ site }) => {
	const sitemap = new URL('/sitemap-index.xml', site).href;
	const body = ['User-agent: *', 'Disallow: /api/', '', `Sitemap: ${sitemap}`, ''].join('\n');
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
