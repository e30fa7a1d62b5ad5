import type { APIRoute } from 'astro';
import { dataHeaders } from '../../../server/auth/guard.ts';
import { toCsv, viewColumns, views } from '../../../server/search-events/views.ts';
import { viewRequest } from '../_view-request.ts';

/** Each dashboard view as CSV (cells that a spreadsheet would run as formulas are neutralised); 401 without a session. */
export const prerender = false;

export const ALL: APIRoute = async ({ request, params }) => {
	const asked = await viewRequest(request, params['view'], (message, guarded) =>
		new Response(`${message}\n`, { status: 404, headers: dataHeaders(guarded, { 'content-type': 'text/plain; charset=utf-8' }) }),
	);
	if (asked instanceof Response) return asked;
	const { guarded, view } = asked;
	const day = new Date().toISOString().slice(0, 10);
	return new Response(toCsv(await views[view](guarded.sources), viewColumns[view]), {
		headers: dataHeaders(guarded, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="support-${view}-${day}.csv"` }),
	});
};
