/** Every answer the feedback endpoint gives to a request it cannot accept: one catalogue, so tests can pin the text. */

/** One field that was wrong, named as the form names it. */
export interface FieldProblem {
	field: string;
	message: string;
}

/** A refusal: HTTP status, a stable code, a sentence for people, and optionally the fields at fault. */
export interface Refusal {
	status: number;
	code: string;
	message: string;
	fields?: FieldProblem[];
	headers?: Record<string, string>;
}

/** The refusals, by cause. */
export const refusals = {
	method: (method: string): Refusal => ({
		status: 405,
		code: 'method_not_allowed',
		message: `Send feedback with POST, not ${method}.`,
		headers: { allow: 'POST' },
	}),
	crossSite: (origin: string): Refusal => ({
		status: 403,
		code: 'cross_site',
		message: `Submissions are accepted only from this site's own pages; this one came from ${origin}.`,
	}),
	rateLimited: (retryAfterSeconds: number): Refusal => ({
		status: 429,
		code: 'rate_limited',
		message: `Too many submissions from your address; try again in ${retryAfterSeconds} s.`,
		headers: { 'retry-after': String(retryAfterSeconds) },
	}),
	siteBusy: (retryAfterSeconds: number): Refusal => ({
		status: 429,
		code: 'site_busy',
		message: `The site is receiving more submissions than it accepts per minute; nothing was recorded. Please send yours again in ${retryAfterSeconds} s.`,
		headers: { 'retry-after': String(retryAfterSeconds) },
	}),
	contentType: (received: string | null): Refusal => ({
		status: 415,
		code: 'unsupported_media_type',
		message: `Send application/json or application/x-www-form-urlencoded (UTF-8); received ${received ? JSON.stringify(received) : 'no content type'}.`,
		fields: [{ field: 'content-type', message: 'Expected application/json or application/x-www-form-urlencoded.' }],
	}),
	tooLarge: (limit: number): Refusal => ({
		status: 413,
		code: 'body_too_large',
		message: `The request body is larger than ${limit} bytes.`,
		fields: [{ field: 'body', message: `At most ${limit} bytes.` }],
	}),
	badLength: (): Refusal => ({
		status: 400,
		code: 'bad_content_length',
		message: 'The Content-Length header is not a number of bytes.',
		fields: [{ field: 'content-length', message: 'Expected a whole number.' }],
	}),
	encoding: (): Refusal => ({
		status: 400,
		code: 'bad_encoding',
		message: 'The request body is not valid UTF-8.',
		fields: [{ field: 'body', message: 'Expected UTF-8 text.' }],
	}),
	json: (detail: string): Refusal => ({
		status: 400,
		code: 'malformed_json',
		message: `The request body is not valid JSON: ${detail}`,
		fields: [{ field: 'body', message: 'Expected a JSON object.' }],
	}),
	form: (detail: string): Refusal => ({
		status: 400,
		code: 'malformed_form',
		message: `The form data cannot be read: ${detail}`,
		fields: [{ field: 'body', message: 'Expected URL-encoded form fields.' }],
	}),
	repeated: (field: string): Refusal => ({
		status: 422,
		code: 'invalid_fields',
		message: `The field ${field} was sent more than once.`,
		fields: [{ field, message: 'Send this field once.' }],
	}),
	invalid: (fields: FieldProblem[]): Refusal => ({
		status: 422,
		code: 'invalid_fields',
		message: `Please correct: ${fields.map((f) => `${f.field || 'body'}: ${f.message}`).join(' ')}`,
		fields,
	}),
	unreadable: (): Refusal => ({
		status: 400,
		code: 'unreadable_request',
		message: 'The request could not be processed; check its body against the documented fields.',
	}),
	unavailable: (): Refusal => ({
		status: 503,
		code: 'store_unavailable',
		message: 'Your submission could not be saved right now; nothing was recorded. Please send it again in a minute.',
		headers: { 'retry-after': '30' },
	}),
	storeBusy: (retryAfterSeconds: number): Refusal => ({
		status: 503,
		code: 'store_busy',
		message: `Your submission could not be saved right now: the store is busy. Nothing was recorded; please send it again in ${retryAfterSeconds} s.`,
		headers: { 'retry-after': String(retryAfterSeconds) },
	}),
} as const;

/**
 * An answer of the endpoint as plain data, which the server writes to node:http as it is, without a
 * web Response built per request.
 */
export interface FeedbackResponse {
	status: number;
	headers: Record<string, string>;
	body: string | null;
}

/** The JSON answer for a refusal; it is never HTML, so nothing the sender wrote can run in a browser. */
export function refusalResponse(refusal: Refusal): FeedbackResponse {
	return {
		status: refusal.status,
		headers: { ...jsonHeaders, ...refusal.headers },
		body: safeJson({ error: { code: refusal.code, message: refusal.message, fields: refusal.fields ?? [] } }),
	};
}

/** Headers on every JSON answer of the endpoint. */
export const jsonHeaders = {
	'content-type': 'application/json; charset=utf-8',
	'cache-control': 'no-store',
	'x-content-type-options': 'nosniff',
} as const;

/** JSON with `<`, `>` and `&` escaped, so that even a page that sniffs it as HTML finds no markup in what a sender wrote. */
export function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
