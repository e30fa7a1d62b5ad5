import type { APIRoute } from 'astro';
import { dataHeaders, guardView } from '../../../server/auth/guard.ts';
import { toCsv, viewColumns, views } from '../../../server/search-events/views.ts';

/** Each dashboard view as CSV (cells that a spreadsheet would run as formulas are neutralised); 401 without a session. */
export const prerender = false;

export const ALL: APIRoute = async ({ request, params }) => {
	const guarded = await guardView(request, params['view'], 'text');
	if (guarded instanceof Response) return guarded;
	const { view } = guarded;
	const day = new Date().toISOString().slice(0, 10);
	return new Response(toCsv(await views[view](guarded.sources, guarded.filter), viewColumns[view]), {
		headers: dataHeaders(guarded, {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="support-${view}-${day}.csv"`,
		}),
	});
};
