/**
 * Imported by the built server's entry (see src/integrations/feedback-boot.ts): creates the feedback
 * runtime as the server starts, so that a wrong setting stops start-up with its message and the
 * delivery worker resumes undelivered submissions before the first request arrives.
 */
import { getRuntime } from './runtime.ts';
import { startSupportRuntime } from './search-events/runtime.ts';

// During `astro build` the server bundle is loaded to prerender pages; only a running server starts the runtime.
if (!process.argv.some((a) => /astro(\.mjs|\.js)?$/.test(a) || a === 'build')) {
	Promise.all([getRuntime(), startSupportRuntime()]).catch((error: Error) => {
		console.error(error.name === 'ConfigError' ? error.message : `The feedback server cannot start: ${error.message}`);
		process.exit(1);
	});
}
