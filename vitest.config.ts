import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			// A few unit tests start worker threads or check hundreds of generated files: 30 s, not 5 s.
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// Builds and servers: generous limits on a 2-core machine, one file at a time.
					testTimeout: 180_000,
					hookTimeout: 300_000,
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// A real Chromium against the built site: after the other projects, one file (one browser) at a time.
					sequence: { groupOrder: 1 },
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// Pagefind's answer takes longer on a loaded machine than on a quiet one: poll well past the quiet case.
					expect: { poll: { timeout: 10_000 } },
					fileParallelism: false,
				},
			},
		],
	},
});
