/**
 * Makes the built standalone server start the feedback runtime (configuration check, store, delivery
 * worker) as it starts, rather than on the first request to the endpoint: Astro loads on-demand routes
 * lazily, so without this a wrong setting would only show with the first submission.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The integration: appends `import "src/server/boot.ts"` to the Node adapter's server entry in the build. */
export function feedbackBoot(): AstroIntegration {
	const boot = fileURLToPath(new URL('../server/boot.ts', import.meta.url));
	return {
		name: 'partner-help:feedback-boot',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command !== 'build') return;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'partner-help:feedback-boot',
								transform(code, id) {
									if (!/@astrojs[\\/]node[\\/]dist[\\/]server\.js$/.test(id)) return undefined;
									return { code: `${code}\nimport ${JSON.stringify(boot)};\n`, map: null };
								},
							},
						],
					},
				});
			},
		},
	};
}
