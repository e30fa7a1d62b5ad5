// ESLint: rules that catch bugs (ESLint's and typescript-eslint's recommended sets, eslint-plugin-astro's for
// components), not layout, which Prettier owns. `npm run lint`. Type information costs time, so only the rules
// that need it to find bugs use it, and only in the .ts files of src/ and scripts/ (below).
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
	// Type-aware rules for the code that runs in the build, the server, the browser and the scripts: the ones that
	// catch bugs a type makes visible (a promise nobody awaits or handles, a promise where a boolean or a callback
	// returning nothing is expected, awaiting what is not a promise, throwing what is not an Error), not style.
	{
		files: ['src/**/*.ts', 'scripts/**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/only-throw-error': 'error',
			'@typescript-eslint/prefer-promise-reject-errors': 'error',
			'@typescript-eslint/no-for-in-array': 'error',
			'@typescript-eslint/no-implied-eval': 'error',
			'@typescript-eslint/no-base-to-string': 'error',
			'@typescript-eslint/restrict-template-expressions': [
				'error',
				{ allowNumber: true, allowBoolean: true, allowArray: true },
			],
			'@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
			'@typescript-eslint/no-array-delete': 'error',
			'@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
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
