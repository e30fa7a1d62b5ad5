/**
 * Stands in for Astro's on-demand image endpoint (`/_image/`), which the site does not use: its images
 * are made at build time, and an open resizing service lets anyone spend the server's CPU. The built
 * server answers `/_image/` with the 404 page before Astro sees it (src/server/app.ts); this keeps the
 * route empty under `astro dev` too.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = () =>
	new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
