/**
 * Static files answer GET and HEAD only. The Node adapter's standalone server looks every request up
 * on disk before routing it (a stat, an lstat and a stream), POSTs to the feedback endpoint included,
 * and would even send a file's bytes in answer to a POST. This integration makes the built server hand
 * every other method straight to the on-demand routes, which answer them (or 404/405) themselves.
 * Measured with `npm run bench:feedback`: the endpoint's throughput rises by about a third.
 *
 * It rewrites one line of the adapter's standalone server at build time. Should a new adapter version
 * change that line, the build stops with a message that says so rather than silently losing the fix.
 */
import type { AstroIntegration } from 'astro';
import { adapterTransform } from './adapter-transform.ts';

/** The call in @astrojs/node's standalone.js that sends every request through the static handler first. */
export const STATIC_FIRST = 'staticHandler(req, res, () => appHandler(req, res));';

/** The same call, taken only by the methods a static file can answer. */
export const STATIC_FOR_READS =
	'if (req.method !== "GET" && req.method !== "HEAD") { appHandler(req, res); return; }\n\t\t' + STATIC_FIRST;

/** Rewrites the adapter's standalone.js source; throws when the expected call is not there exactly once. */
export function rewriteStandalone(code: string): string {
	const at = code.indexOf(STATIC_FIRST);
	if (at < 0 || code.indexOf(STATIC_FIRST, at + 1) >= 0) {
		throw new Error(
			`partner-help:static-methods: @astrojs/node's standalone.js no longer contains \`${STATIC_FIRST}\` exactly once. ` +
				'The adapter changed: check whether it still looks up static files for every method, then update src/integrations/static-methods.ts (or remove it from astro.config.mjs).',
		);
	}
	return code.slice(0, at) + STATIC_FOR_READS + code.slice(at + STATIC_FIRST.length);
}

export function staticMethods(): AstroIntegration {
	return adapterTransform('partner-help:static-methods', /@astrojs[\\/]node[\\/]dist[\\/]standalone\.js$/, rewriteStandalone);
}
