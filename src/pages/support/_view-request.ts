/**
 * What the view endpoints (data/[view].json, export/[view].csv) check before they answer: a signed-in
 * session (401 without), GET or HEAD, and a view that exists. Each answers an unknown view in its own
 * format. Astro does not route files whose names start with `_`.
 */
import { dataHeaders, guardData, type Guarded } from '../../server/auth/guard.ts';
import { viewNames, type ViewName } from '../../server/search-events/views.ts';

/** The session and the view asked for, or the response that refuses the request. */
export async function viewRequest(
	request: Request,
	view: string | undefined,
	unknownView: (message: string, guarded: Guarded) => Response,
): Promise<Response | { guarded: Guarded; view: ViewName }> {
	const guarded = await guardData(request);
	if (guarded instanceof Response) return guarded;
	if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Read this view with GET.\n', { status: 405, headers: dataHeaders(guarded, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }) });
	if (!viewNames.includes(view as ViewName)) return unknownView(`There is no view "${view}"; the views are ${viewNames.join(', ')}.`, guarded);
	return { guarded, view: view as ViewName };
}
