import type { APIRoute } from 'astro';
import { dataHeaders, guardData } from '../../../server/auth/guard.ts';
import { viewNames, views, type ViewName } from '../../../server/search-events/views.ts';
import { safeJson } from '../../../server/errors.ts';

/** Each dashboard view as JSON, for the signed-in team only (401 without a session). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, params }) => {
	const guarded = await guardData(request);
	if (guarded instanceof Response) return guarded;
	if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Read this view with GET.\n', { status: 405, headers: dataHeaders(guarded, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }) });
	const view = params['view'] as ViewName;
	if (!viewNames.includes(view)) {
		return new Response(safeJson({ error: { code: 'unknown_view', message: `There is no view "${view}"; the views are ${viewNames.join(', ')}.`, fields: [] } }), { status: 404, headers: dataHeaders(guarded, { 'content-type': 'application/json; charset=utf-8' }) });
	}
	return new Response(safeJson({ view, rows: await views[view](guarded.sources) }), { headers: dataHeaders(guarded, { 'content-type': 'application/json; charset=utf-8' }) });
};
