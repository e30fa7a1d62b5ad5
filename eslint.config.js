// ESLint: rules that catch bugs (ESLint's and typescript-eslint's recommended sets, eslint-plugin-astro's for
// components), not layout, which Prettier owns. Not type-aware: with type information a run takes about four
// times as long on two cores. `npm run lint`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores([
		'dist/',
		'.astro/',
		'.bench/',
		'.bench-starlight/',
		'.fixture-builds/',
		'.data/',
		'coverage/',
		'screenshots/',
		'tests/fixtures/builds/',
	]),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	// TypeScript checks names in .ts files (typescript-eslint turns no-undef off there); these globals serve the
	// .js/.mjs files and the components. Node by default: config files, scripts/, the server, build-time code.
	{ languageOptions: { globals: globals.node } },
	// What the pages load. (Components' <script> blocks get browser globals from eslint-plugin-astro.)
	{ files: ['src/client/**'], languageOptions: { globals: globals.browser } },
	{
		rules: {
			// `const { id: _id, ...rest } = x` is how the code leaves a field out of a copy.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
			// `if (x) (a(), b());` is a deliberate idiom here: two steps under one condition.
			'@typescript-eslint/no-unused-expressions': 'off',
			// The feedback path and its tests match control characters on purpose, to strip or refuse them.
			'no-control-regex': 'off',
			// Patterns that match messages literally read best with the message's own spaces.
			'no-regex-spaces': 'off',
		},
	},
	{
		files: ['tests/**'],
		rules: {
			// Tests walk parsed JSON, XML and front matter, whose shape is what they assert.
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
);
