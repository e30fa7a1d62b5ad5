import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/fixtures.ts';
import { clientDir, requireBuild } from '../helpers/site.ts';
import {
	articlePages,
	bareArticlePath,
	buildBareStarlight,
	jsAllowanceGzip,
} from '../../scripts/bench/bare-starlight.ts';
import { weighPage, type PageWeight } from '../../scripts/bench/weigh-page.ts';

let root: string;
let bare: PageWeight;

beforeAll(async () => {
	requireBuild();
	mkdirSync(join(projectRoot, '.fixture-builds'), { recursive: true });
	root = mkdtempSync(join(projectRoot, '.fixture-builds', 'bare-starlight-'));
	bare = weighPage(await buildBareStarlight(projectRoot, root), bareArticlePath);
});
afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('the JavaScript budget', () => {
	it('measures bare Starlight: its article page loads Starlight’s own scripts', () => {
		expect(bare.js.files).toBeGreaterThan(0);
		expect(bare.js.gzip).toBeGreaterThan(1024);
	});

	it.each(Object.entries(articlePages))(
		'lets the %s page (%s) ship no more than bare Starlight plus 10 KB gzipped',
		(_kind, path) => {
			const page = weighPage(clientDir, path);
			expect(
				page.js.gzip,
				`${path} ships ${page.js.gzip} B of gzipped JavaScript; bare Starlight ships ${bare.js.gzip} B, the budget is ${bare.js.gzip + jsAllowanceGzip} B`,
			).toBeLessThanOrEqual(bare.js.gzip + jsAllowanceGzip);
		},
	);
});
