/** The first lines of every /support/ page and endpoint: both runtimes, and the session or the refusal. */
import type { AstroGlobal } from 'astro';
import { requireData, requirePage, supportHeaders, type Signed } from './http.ts';
import { getSupportRuntime, type SupportRuntime } from '../search-events/runtime.ts';
import { safeJson } from '../errors.ts';
import { viewFilter, viewNames, type ViewFilter, type ViewName, type ViewSources } from '../search-events/views.ts';

export type Guarded = { signed: Signed; sources: ViewSources };

/** The support runtime, or a 503 answer when its database cannot be reached. */
async function supportOr503(): Promise<SupportRuntime | Response> {
	try {
		return await getSupportRuntime();
	} catch (error) {
		console.error(`[support] The dashboard cannot reach its database: ${(error as Error).message}`);
		return new Response('The support dashboard cannot reach its database right now; try again in a minute.\n', {
			status: 503,
			headers: { ...supportHeaders, 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
		});
	}
}

/** For an .astro page: the session (headers set on the page's answer), or the redirect to sign-in. */
export async function guardPage(astro: Pick<AstroGlobal, 'request' | 'response'>): Promise<Guarded | Response> {
	const support = await supportOr503();
	if (support instanceof Response) return support;
	const signed = await requirePage(astro.request, support);
	if (signed instanceof Response) return signed;
	for (const [k, v] of Object.entries(supportHeaders)) astro.response.headers.set(k, v);
	for (const c of signed.setCookies) astro.response.headers.append('set-cookie', c);
	return { signed, sources: { feedback: await support.feedbackStore(), support } };
}

/** For a data endpoint: the session, or a 401. */
export async function guardData(request: Request): Promise<Guarded | Response> {
	const support = await supportOr503();
	if (support instanceof Response) return support;
	const signed = await requireData(request, support);
	if (signed instanceof Response) return signed;
	return { signed, sources: { feedback: await support.feedbackStore(), support } };
}

/** Headers for a data answer: the support headers and any cookie the session needs. */
export function dataHeaders(g: Guarded, extra: Record<string, string>): Headers {
	const headers = new Headers({ ...supportHeaders, ...extra });
	for (const c of g.signed.setCookies) headers.append('set-cookie', c);
	return headers;
}

/**
 * For a view's data endpoint (JSON or CSV): the session, the view asked for and its filter
 * (`?locale=de`); or the refusal: 401 without a session, 405 for anything but GET and HEAD, 404
 * naming the views for an unknown one, 400 naming the parameter for a filter that is wrong.
 */
export async function guardView(
	request: Request,
	requested: string | undefined,
	format: 'json' | 'text',
): Promise<(Guarded & { view: ViewName; filter: ViewFilter }) | Response> {
	const guarded = await guardData(request);
	if (guarded instanceof Response) return guarded;
	const text = { 'content-type': 'text/plain; charset=utf-8' };
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return new Response('Read this view with GET.\n', {
			status: 405,
			headers: dataHeaders(guarded, { allow: 'GET, HEAD', ...text }),
		});
	const refuse = (status: number, code: string, message: string, fields: Array<{ field: string; message: string }>) =>
		format === 'text'
			? new Response(`${message}\n`, { status, headers: dataHeaders(guarded, text) })
			: new Response(safeJson({ error: { code, message, fields } }), {
					status,
					headers: dataHeaders(guarded, { 'content-type': 'application/json; charset=utf-8' }),
				});
	const view = viewNames.find((name) => name === requested);
	if (!view)
		return refuse(404, 'unknown_view', `There is no view "${requested}"; the views are ${viewNames.join(', ')}.`, []);
	const filtered = viewFilter(new URL(request.url).searchParams);
	if ('error' in filtered)
		return refuse(400, 'bad_filter', filtered.error, [{ field: 'locale', message: filtered.error }]);
	return { ...guarded, view, filter: filtered.filter };
}
