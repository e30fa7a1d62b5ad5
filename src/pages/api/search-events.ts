import type { APIRoute } from 'astro';
import { safeJson } from '../../server/errors.ts';
import { handleSearchEventsRequest } from '../../server/search-events/handler.ts';
import { getSupportRuntime } from '../../server/search-events/runtime.ts';

/** Rendered on demand: search events from the browser, counted per day (see src/server/search-events/handler.ts). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
	let runtime;
	try {
		runtime = await getSupportRuntime();
	} catch (error) {
		console.error(`[support] Search events cannot be counted: ${(error as Error).message}`);
		return new Response(
			safeJson({
				error: {
					code: 'store_unavailable',
					message: 'The search events could not be counted right now; nothing was recorded.',
					fields: [],
				},
			}),
			{
				status: 503,
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'cache-control': 'no-store',
					'retry-after': '30',
				},
			},
		);
	}
	return handleSearchEventsRequest(request, clientAddress, runtime);
};
