import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { projectRoot } from '../helpers/fixtures.ts';
import { rewriteStandalone, STATIC_FIRST, STATIC_FOR_READS } from '../../src/integrations/static-methods.ts';

/** The installed adapter's standalone server, as the build reads it. */
function standaloneSource(): string {
	const require = createRequire(join(projectRoot, 'package.json'));
	return readFileSync(join(dirname(require.resolve('@astrojs/node/package.json')), 'dist', 'standalone.js'), 'utf8');
}

describe('static files for GET and HEAD only (the standalone server rewrite)', () => {
	it('rewrites the installed adapter: other methods skip the static lookup', () => {
		const rewritten = rewriteStandalone(standaloneSource());
		expect(rewritten).toContain(STATIC_FOR_READS);
		expect(rewritten.split(STATIC_FIRST).length).toBe(2);
	});

	it('stops the build with a clear message when the adapter no longer has that line', () => {
		expect(() => rewriteStandalone('export function createStandaloneHandler() {}')).toThrow(/standalone\.js no longer contains .*exactly once.*static-methods\.ts/s);
		expect(() => rewriteStandalone(`${STATIC_FIRST}\n${STATIC_FIRST}`)).toThrow(/exactly once/);
	});
});
