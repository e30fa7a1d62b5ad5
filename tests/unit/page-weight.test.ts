import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { staticImports, weighPage } from '../../scripts/bench/weigh-page.ts';

const dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('page weight', () => {
	it('finds static imports but not dynamic ones', () => {
		expect(staticImports('import{a as b}from"./a.js";import "./b.js";const c=()=>import("./lazy.js");')).toEqual([
			'./a.js',
			'./b.js',
		]);
	});

	it('counts HTML, stylesheets and the modules a page loads, each file once', () => {
		mkdirSync(join(dir, '_astro'));
		mkdirSync(join(dir, 'guide'));
		writeFileSync(join(dir, '_astro', 'main.js'), 'import"./shared.js";const x=()=>import("./lazy.js");');
		writeFileSync(join(dir, '_astro', 'other.js'), 'import"./shared.js";');
		writeFileSync(join(dir, '_astro', 'shared.js'), 'export const s=1;');
		writeFileSync(join(dir, '_astro', 'lazy.js'), 'x'.repeat(10_000));
		writeFileSync(join(dir, '_astro', 'site.css'), 'body{color:red}');
		const html =
			'<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/main.js"></script><script type="module" src="/_astro/other.js"></script><script type="application/ld+json">{}</script><script>var inline=1</script>';
		writeFileSync(join(dir, 'guide', 'index.html'), html);
		const weight = weighPage(dir, '/guide/');
		expect(weight.html.raw).toBe(Buffer.byteLength(html));
		expect(weight.css).toMatchObject({ files: 1, raw: 15 });
		expect(weight.js.files).toBe(4); // main, shared, other, inline: not lazy, shared once
		expect(weight.js.raw).toBeLessThan(200);
	});
});
