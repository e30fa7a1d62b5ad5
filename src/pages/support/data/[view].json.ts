import type { APIRoute } from 'astro';
import { dataHeaders, guardView } from '../../../server/auth/guard.ts';
import { views } from '../../../server/search-events/views.ts';
import { safeJson } from '../../../server/errors.ts';

/** Each dashboard view as JSON, for the signed-in team only (401 without a session). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, params }) => {
	const guarded = await guardView(request, params['view'], 'json');
	if (guarded instanceof Response) return guarded;
	const { view } = guarded;
	return new Response(safeJson({ view, rows: await views[view](guarded.sources, guarded.filter) }), {
		headers: dataHeaders(guarded, { 'content-type': 'application/json; charset=utf-8' }),
	});
};
