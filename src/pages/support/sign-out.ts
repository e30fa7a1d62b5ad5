import type { APIRoute } from 'astro';
import {
	cookie,
	formProblem,
	isHttps,
	readForm,
	requireData,
	sessionCookie,
	signInPath,
	supportHeaders,
} from '../../server/auth/http.ts';
import { getSupportRuntime } from '../../server/search-events/runtime.ts';

/** Ends the session (POST with the session's CSRF token, from this site). */
export const prerender = false;

export const ALL: APIRoute = async ({ request }) => {
	const runtime = await getSupportRuntime();
	const signed = await requireData(request, runtime);
	if (signed instanceof Response) return signed;
	if (request.method !== 'POST')
		return new Response('Sign out with the button on any dashboard page.', {
			status: 405,
			headers: { ...supportHeaders, allow: 'POST' },
		});
	const refusal = formProblem(request, (await readForm(request)) ?? new URLSearchParams(), signed, runtime);
	if (refusal) return refusal;
	await runtime.auth.signOut(signed.id);
	return new Response(null, {
		status: 303,
		headers: {
			...supportHeaders,
			location: signInPath,
			'set-cookie': cookie(sessionCookie, '', 0, isHttps(request, runtime)),
		},
	});
};
