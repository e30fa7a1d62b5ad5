import type { APIRoute } from 'astro';
import { refusalResponse, refusals } from '../../server/errors.ts';
import { handleFeedback } from '../../server/handler.ts';
import { getRuntime } from '../../server/runtime.ts';

/** Rendered on demand: readers' questions and "Was this helpful?" votes (see src/server/handler.ts). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
	try {
		return await handleFeedback(request, { clientAddress }, await getRuntime());
	} catch (error) {
		// Only input can get here (storage failures are answered inside): log it for a fix, refuse the request.
		console.error('[feedback] A request could not be processed:', error);
		return refusalResponse(refusals.unreadable());
	}
};
