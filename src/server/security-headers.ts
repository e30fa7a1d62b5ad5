/**
 * The headers every response carries, pages, files and API alike. A page's Content-Security-Policy is
 * made by the build: Astro hashes each page's inline scripts and styles into its policy, whoever wrote
 * them, and the adapter writes the policies to dist/_headers.json (astro.config.mjs: `security.csp`,
 * `staticHeaders`). The directives below are the rest of that policy, and with `frame-ancestors`
 * it must be a header, since a <meta> policy cannot forbid framing.
 */
import type { ServerResponse } from 'node:http';

/** The page policy's directives beside script-src and style-src; astro.config.mjs hands them to Astro. */
export const cspDirectives = [
	"default-src 'self'",
	"img-src 'self' data:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
] as const;

/** The policy of a response that is no page (JSON, scripts, images): nothing may run or load from it. */
export const resourcePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers on every response. */
export const baseHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	// For browsers older than frame-ancestors.
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
};

/** Sets the headers every response carries, and `policy` as its Content-Security-Policy. */
export function setSecurityHeaders(res: ServerResponse, policy: string): void {
	for (const name in baseHeaders) res.setHeader(name, baseHeaders[name]!);
	res.setHeader('content-security-policy', policy);
}

/** The same headers as raw lines, for answers written straight to a socket (refused connections, CONNECT). */
export function rawSecurityHeaders(): string {
	return Object.entries({ ...baseHeaders, 'content-security-policy': resourcePolicy })
		.map(([k, v]) => `${k}: ${v}\r\n`)
		.join('');
}
