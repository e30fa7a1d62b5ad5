// The code's own habits: tabs, single quotes, semicolons, trailing commas wherever a list spans lines,
// parentheses around every arrow parameter (Prettier's defaults for the last three), lines up to 120.
/** @type {import('prettier').Config} */
export default {
	plugins: ['prettier-plugin-astro'],
	useTabs: true,
	singleQuote: true,
	printWidth: 120,
	overrides: [
		// Named explicitly, as the plugin recommends, so every Prettier install picks the Astro parser.
		{ files: '*.astro', options: { parser: 'astro' } },
		// package.json and tsconfig.json keep the two-space indent npm and tsc write.
		{ files: '*.json', options: { useTabs: false } },
	],
};
