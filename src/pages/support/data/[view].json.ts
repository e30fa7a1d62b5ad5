import type { APIRoute } from 'astro';
import { dataHeaders } from '../../../server/auth/guard.ts';
import { views } from '../../../server/search-events/views.ts';
import { safeJson } from '../../../server/errors.ts';
import { viewRequest } from '../_view-request.ts';

/** Each dashboard view as JSON, for the signed-in team only (401 without a session). */
export const prerender = false;

const json = 'application/json; charset=utf-8';

export const ALL: APIRoute = async ({ request, params }) => {
	const asked = await viewRequest(request, params['view'], (message, guarded) =>
		new Response(safeJson({ error: { code: 'unknown_view', message, fields: [] } }), { status: 404, headers: dataHeaders(guarded, { 'content-type': json }) }),
	);
	if (asked instanceof Response) return asked;
	const { guarded, view } = asked;
	return new Response(safeJson({ view, rows: await views[view](guarded.sources) }), { headers: dataHeaders(guarded, { 'content-type': json }) });
};
