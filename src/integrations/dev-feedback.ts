/**
 * Under `astro dev`, answers the feedback API (`/api/feedback/`, `/api/health/`) with the same code as
 * the built server (src/server/api.ts), so the ask form and the page votes work while writing. The
 * built site never uses this: src/server/main.ts answers those paths itself.
 */
import type { AstroIntegration } from 'astro';

export function devFeedback(): AstroIntegration {
	return {
		name: 'partner-help:dev-feedback',
		hooks: {
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '/').split('?')[0]!;
					const route = path.replace(/\/?$/, '/');
					if (route !== '/api/feedback/' && route !== '/api/health/') return next();
					// Loaded on first use, so that the configuration is read only when the API is asked for.
					import('../server/api.ts')
						.then(async (api) => {
							if (route === '/api/health/') return api.answerHealth(req, res, { stopping: false });
							const { getRuntime } = await import('../server/runtime.ts');
							return api.answerFeedback(req, res, await getRuntime(), api.defaultLimits);
						})
						.catch(next);
				});
			},
		},
	};
}
