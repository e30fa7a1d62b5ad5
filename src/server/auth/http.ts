/**
 * Sign-in over HTTP for the /support/ pages and their data: the session cookie (HttpOnly,
 * SameSite=Lax, Secure over HTTPS or behind a trusted proxy that says so), the guards that
 * refuse without a session (401 for data, a redirect to sign-in for pages), the CSRF token and
 * Origin check every state-changing form passes, and the proxy mode (SUPPORT_AUTH=proxy).
 * Works on Web Request/Response only, so any server entry can use it.
 */
import { randomBytes } from 'node:crypto';
import { safeJson } from '../errors.ts';
import { clientKey } from '../guards.ts';
import type { SupportRuntime } from '../search-events/runtime.ts';
import { sameToken, type Session } from './store.ts';

export const sessionCookie = 'ph_support';
/** Holds the sign-in form's token until there is a session (double submit). */
export const loginCookie = 'ph_support_login';
export const signInPath = '/support/sign-in/';
const cookiePath = '/support/';

/** Headers on every /support/ answer: never cached, never framed, never indexed, no referrer outside. */
export const supportHeaders = {
	'cache-control': 'no-store',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin',
	'x-robots-tag': 'noindex, nofollow',
	'x-content-type-options': 'nosniff',
} as const;

/** The cookies of a request, by name. */
export function readCookies(request: Request): Map<string, string> {
	const jar = new Map<string, string>();
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	return jar;
}

/** Whether the browser reached us over HTTPS: directly, or through a trusted proxy's X-Forwarded-Proto. */
export function isHttps(request: Request, runtime: SupportRuntime): boolean {
	if (new URL(request.url).protocol === 'https:') return true;
	if (runtime.feedback.FEEDBACK_TRUSTED_PROXIES === 0) return false;
	return (request.headers.get('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
}

/** A Set-Cookie value for the support path. `maxAge` 0 deletes. */
export function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
	return `${name}=${value}; Path=${cookiePath}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** A signed-in team member. */
export interface Signed {
	id: string;
	session: Session;
	/** Cookies to send with the answer (a session opened for a proxy-signed person). */
	setCookies: string[];
}

/** The session the request carries, or null. In proxy mode, the trusted header decides who it is. */
export async function authenticate(request: Request, runtime: SupportRuntime): Promise<Signed | null> {
	const id = readCookies(request).get(sessionCookie) ?? '';
	const session = id ? await runtime.auth.session(id) : null;
	if (runtime.config.SUPPORT_AUTH !== 'proxy') return session ? { id, session, setCookies: [] } : null;
	const email = (request.headers.get(runtime.config.SUPPORT_AUTH_HEADER!) ?? '').trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
	if (session && session.email === email) return { id, session, setCookies: [] };
	const opened = await runtime.auth.openSession(email, id || undefined);
	return {
		...opened,
		setCookies: [
			cookie(sessionCookie, opened.id, runtime.config.SUPPORT_SESSION_MAX_HOURS * 3600, isHttps(request, runtime)),
		],
	};
}

/** The JSON refusal for data endpoints. */
export function refuseData(
	status: 401 | 403 | 429,
	code: string,
	message: string,
	extra: Record<string, string> = {},
): Response {
	return new Response(safeJson({ error: { code, message, fields: [] } }), {
		status,
		headers: { ...supportHeaders, 'content-type': 'application/json; charset=utf-8', ...extra },
	});
}

/** Where a page sends someone without a session: the sign-in form, which comes back here afterwards. */
export function toSignIn(request: Request): Response {
	const url = new URL(request.url);
	const next = `${url.pathname}${url.search}`;
	return new Response(null, {
		status: 303,
		headers: { ...supportHeaders, location: `${signInPath}?next=${encodeURIComponent(next)}` },
	});
}

/** Only a path under /support/ may be a place to return to: never another site. */
export function safeNext(next: string | null | undefined): string {
	return next && /^\/support\/[^\\]*$/.test(next) && !next.startsWith('//') ? next : '/support/';
}

/** For data endpoints: the session, or a 401 answer. */
export async function requireData(request: Request, runtime: SupportRuntime): Promise<Signed | Response> {
	return (
		(await authenticate(request, runtime)) ??
		refuseData(401, 'not_signed_in', 'Sign in to the support dashboard first (/support/sign-in/).', {
			'www-authenticate': 'Session realm="support"',
		})
	);
}

/** For pages: the session, or a redirect to sign-in. */
export async function requirePage(request: Request, runtime: SupportRuntime): Promise<Signed | Response> {
	return (await authenticate(request, runtime)) ?? toSignIn(request);
}

/**
 * Refuses a state-changing request that a page on another site could have made: the browser's
 * Sec-Fetch-Site or Origin must say this site. A request with neither is refused too: every
 * browser sends one of them with a form post.
 */
export function crossSiteProblem(request: Request, runtime: SupportRuntime): string | null {
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	if (site && site !== 'same-origin')
		return `The form was sent from ${origin ?? `a ${site} page`}, not from this site.`;
	const allowed = new Set([...runtime.allowedOrigins, new URL(request.url).origin]);
	if (origin !== null && !allowed.has(origin)) return `The form was sent from ${origin}, not from this site.`;
	if (site === null && origin === null) return 'The request does not say which site sent it (no Origin header).';
	return null;
}

/** Checks a signed-in form post: same site, and the session's CSRF token. Returns the refusal, or null. */
export function formProblem(
	request: Request,
	fields: URLSearchParams,
	signed: Signed,
	runtime: SupportRuntime,
): Response | null {
	const cross = crossSiteProblem(request, runtime);
	if (cross) return refuseData(403, 'cross_site', cross);
	if (!sameToken(fields.get('csrf') ?? '', signed.session.csrf))
		return refuseData(403, 'csrf', 'The form has no valid CSRF token: reload the page and send it again.');
	return null;
}

/** A fresh token for the sign-in form. */
export const newToken = () => randomBytes(24).toString('base64url');

/** Reads a URL-encoded form body (at most 16 KiB). */
export async function readForm(request: Request): Promise<URLSearchParams | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return null;
	if (Number(request.headers.get('content-length') ?? 0) > 16_384) return null;
	if (type === 'multipart/form-data') {
		const data = await request.formData();
		return new URLSearchParams([...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
	}
	const text = await request.text();
	return text.length > 16_384 ? null : new URLSearchParams(text);
}

/** The rate-limit key of a sign-in attempt (the client's address; in memory only). */
export const loginKey = (request: Request, socketAddress: string, runtime: SupportRuntime) =>
	clientKey(request.headers, socketAddress, runtime.feedback.FEEDBACK_TRUSTED_PROXIES);
