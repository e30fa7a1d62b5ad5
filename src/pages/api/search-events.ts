import type { APIRoute } from 'astro';
import { eventsUnavailable, handleSearchEventsRequest } from '../../server/search-events/handler.ts';
import { getSupportRuntime } from '../../server/search-events/runtime.ts';

/** Rendered on demand: search events from the browser, counted per day (see src/server/search-events/handler.ts). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
	let runtime;
	try {
		runtime = await getSupportRuntime();
	} catch (error) {
		console.error(`[support] Search events cannot be counted: ${(error as Error).message}`);
		// The same refusal the node:http door answers (src/server/search-events/handler.ts).
		const answer = eventsUnavailable();
		return new Response(answer.body, { status: answer.status, headers: answer.headers });
	}
	return handleSearchEventsRequest(request, clientAddress, runtime);
};
