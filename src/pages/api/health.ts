import type { APIRoute } from 'astro';

/** Rendered on demand: proves the server half is up, for load balancers and deploy checks. */
export const prerender = false;

export const GET: APIRoute = () =>
	new Response(JSON.stringify({ status: 'ok' }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
	});
