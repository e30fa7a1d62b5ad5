/**
 * Starlight's component slots as virtual modules: each resolves to the project's override of that
 * component where there is one (astro.config.mjs), else to Starlight's own. Starlight ships no types
 * for them.
 */
declare module 'virtual:starlight/components/*' {
	const Component: (props: Record<string, unknown>) => unknown;
	export default Component;
}
declare module 'virtual:starlight/user-config' {
	const config: { pagefind: unknown; components: Record<string, string> };
	export default config;
}
