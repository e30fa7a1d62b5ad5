/**
 * Makes the built standalone server start the feedback runtime (configuration check, store, delivery
 * worker) as it starts, rather than on the first request to the endpoint: Astro loads on-demand routes
 * lazily, so without this a wrong setting would only show with the first submission.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { adapterTransform } from './adapter-transform.ts';

/** The integration: appends `import "src/server/boot.ts"` to the Node adapter's server entry in the build. */
export function feedbackBoot(): AstroIntegration {
	const boot = fileURLToPath(new URL('../server/boot.ts', import.meta.url));
	return adapterTransform('partner-help:feedback-boot', /@astrojs[\\/]node[\\/]dist[\\/]server\.js$/, (code) => `${code}\nimport ${JSON.stringify(boot)};\n`);
}
