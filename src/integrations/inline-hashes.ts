/**
 * Completes each page's Content-Security-Policy with the hashes of every inline script and style the
 * page holds. Astro's own CSP support hashes the scripts and styles it bundles, but not those written
 * `is:inline` (Starlight's theme script is one), which the policy would then block. This middleware
 * runs after the page is rendered, at build time for prerendered pages (the adapter writes the result
 * to dist/_headers.json) and per request for on-demand ones, so the policy always matches the page,
 * whoever wrote its scripts.
 *
 * Why it reads the rendered page rather than data the build holds: a hash is of the exact text a page
 * carries, and the one place that text exists whole is the rendered page. The inline scripts are not
 * all ours (Starlight's theme script comes with its version, not with this project), so a list of
 * hashes kept beside the code, or `Astro.csp.insertScriptHash()` in each component, would have to
 * override Starlight's components and would silently block a script whose text changed. Only the
 * bodies of <script> and <style> elements are read, never what a page means: nothing recovered here
 * is known anywhere else.
 */
import { createHash } from 'node:crypto';
import type { AstroIntegration, MiddlewareHandler } from 'astro';

/** Script types that are data, not code: a policy does not govern them. */
const DATA_TYPES = /^(application\/(ld\+)?json|importmap-json|text\/template)$/i;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The hashes of a page's inline scripts and inline styles. */
export function inlineHashes(html: string): { scripts: Set<string>; styles: Set<string> } {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
		if (/\bsrc\s*=/i.test(attributes)) continue;
		const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
		if (type && DATA_TYPES.test(type)) continue;
		scripts.add(hash(body));
	}
	for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.add(hash(body));
	return { scripts, styles };
}

/** Adds `sources` to the directive `name` of `policy` (which must have it); sources already there are kept once. */
function extend(policy: string, name: string, sources: Set<string>): string {
	const directives = policy
		.split(';')
		.map((d) => d.trim())
		.filter(Boolean);
	return (
		directives
			.map((directive) => {
				const [directiveName, ...values] = directive.split(/\s+/);
				if (directiveName !== name) return directive;
				// 'unsafe-inline' would be ignored beside hashes anyway; a directive that allows it needs none.
				if (values.includes("'unsafe-inline'")) return directive;
				const all = new Set(values);
				for (const s of sources) all.add(s);
				return [directiveName, ...all].join(' ');
			})
			.join('; ') + ';'
	);
}

/** The policy with the page's inline hashes added to script-src(-elem) and style-src(-elem). */
export function completePolicy(policy: string, html: string): string {
	const { scripts, styles } = inlineHashes(html);
	let result = policy;
	for (const name of ['script-src', 'script-src-elem']) result = extend(result, name, scripts);
	for (const name of ['style-src', 'style-src-elem']) result = extend(result, name, styles);
	return result;
}

export const onRequest: MiddlewareHandler = async (_context, next) => {
	const response = await next();
	const policy = response.headers.get('content-security-policy');
	if (!policy || !(response.headers.get('content-type') ?? 'text/html').includes('text/html') || !response.body)
		return response;
	const html = await response.text();
	const headers = new Headers(response.headers);
	headers.set('content-security-policy', completePolicy(policy, html));
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
};

export function inlineScriptHashes(): AstroIntegration {
	return {
		name: 'partner-help:inline-hashes',
		hooks: {
			'astro:config:setup': ({ addMiddleware }) => {
				addMiddleware({ entrypoint: new URL(import.meta.url), order: 'post' });
			},
		},
	};
}
