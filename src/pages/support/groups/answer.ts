import type { APIRoute } from 'astro';
import { dataHeaders, guardData } from '../../../server/auth/guard.ts';
import { formProblem, readForm } from '../../../server/auth/http.ts';
import { safeJson } from '../../../server/errors.ts';

/** Marks a group as answered by a page (or removes the mark): a form post with the session's CSRF token, from this site. */
export const prerender = false;

export const ALL: APIRoute = async ({ request }) => {
	const guarded = await guardData(request);
	if (guarded instanceof Response) return guarded;
	const json = (
		status: number,
		code: string,
		message: string,
		fields: Array<{ field: string; message: string }> = [],
	) =>
		new Response(safeJson({ error: { code, message, fields } }), {
			status,
			headers: dataHeaders(guarded, { 'content-type': 'application/json; charset=utf-8' }),
		});
	if (request.method !== 'POST') return json(405, 'method_not_allowed', 'Send the form with POST.');
	const fields = await readForm(request);
	if (!fields) return json(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded.');
	const refusal = formProblem(request, fields, guarded.signed, guarded.sources.support);
	if (refusal) return refusal;
	const key = fields.get('key') ?? '';
	const page = (fields.get('page') ?? '').trim();
	const words = (fields.get('words') ?? '').trim().slice(0, 200);
	if (!/^[\p{L}\p{N}-]+(\+[\p{L}\p{N}-]+)*$/u.test(key) || key.length > 200)
		return json(422, 'invalid_fields', 'key: not a group key.', [
			{ field: 'key', message: 'Expected the key of a group, as the groups page sends it.' },
		]);
	const auth = guarded.sources.support.auth;
	if (fields.get('remove')) await auth.unmarkAnswered(key);
	else {
		if (!/^\/(?!\/)[^\s<>"'\\]{0,299}$/.test(page))
			return json(422, 'invalid_fields', 'page: must be a path on this site.', [
				{
					field: 'page',
					message: 'Write a path on this site starting with "/", for example /faq/payments/#payout-threshold.',
				},
			]);
		await auth.markAnswered({ key, words: words || key.replace(/\+/g, ' '), page }, guarded.signed.session.email);
	}
	return new Response(null, {
		status: 303,
		headers: dataHeaders(guarded, { location: `/support/groups/?saved=${encodeURIComponent(words || key)}` }),
	});
};
