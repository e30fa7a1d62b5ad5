import type { APIRoute } from 'astro';
import { dataHeaders, guardData } from '../../../server/auth/guard.ts';
import { toCsv, viewColumns, viewNames, views, type ViewName } from '../../../server/search-events/views.ts';

/** Each dashboard view as CSV (cells that a spreadsheet would run as formulas are neutralised); 401 without a session. */
export const prerender = false;

export const ALL: APIRoute = async ({ request, params }) => {
	const guarded = await guardData(request);
	if (guarded instanceof Response) return guarded;
	if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Read this view with GET.\n', { status: 405, headers: dataHeaders(guarded, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }) });
	const view = params['view'] as ViewName;
	if (!viewNames.includes(view)) return new Response(`There is no view "${view}"; the views are ${viewNames.join(', ')}.\n`, { status: 404, headers: dataHeaders(guarded, { 'content-type': 'text/plain; charset=utf-8' }) });
	const day = new Date().toISOString().slice(0, 10);
	return new Response(toCsv(await views[view](guarded.sources), viewColumns[view]), {
		headers: dataHeaders(guarded, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="support-${view}-${day}.csv"` }),
	});
};
