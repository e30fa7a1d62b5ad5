/**
 * An integration that rewrites one file of the Node adapter as the server is built (`astro build`
 * only: the dev server does not use the adapter's server). For the few changes to the built
 * standalone server that the adapter has no option for.
 */
import type { AstroIntegration } from 'astro';

/** `file`: the adapter file's path, e.g. /@astrojs[\\/]node[\\/]dist[\\/]server\.js$/; `rewrite` gets and returns its source. */
export function adapterTransform(name: string, file: RegExp, rewrite: (code: string) => string): AstroIntegration {
	return {
		name,
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command !== 'build') return;
				updateConfig({
					vite: { plugins: [{ name, transform: (code, id) => (file.test(id) ? { code: rewrite(code), map: null } : undefined) }] },
				});
			},
		},
	};
}
