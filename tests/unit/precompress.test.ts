/**
 * The build's compressed copies: brotli and gzip beside each compressible file, decompressing to
 * the file itself; with a cache folder, an unchanged file's copies are reused on the next build,
 * a changed file is compressed anew, and cache entries no file used any more are deleted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../src/integrations/precompress.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (n: number) =>
	`<!doctype html><title>Page ${n}</title>${'<p>Commission and payout rules.</p>'.repeat(40)}`;

function site() {
	dir = mkdtempSync(join(tmpdir(), 'partner-help-precompress-'));
	const out = join(dir, 'client');
	mkdirSync(out);
	writeFileSync(join(out, 'a.html'), page(1));
	writeFileSync(join(out, 'b.html'), page(2));
	writeFileSync(join(out, 'tiny.html'), '<p>hi</p>');
	return { out, cache: join(dir, 'cache') };
}

describe('precompressDir', () => {
	it('writes brotli and gzip copies that decompress to the file, and skips files too small to gain', async () => {
		const { out } = site();
		const totals = await precompressDir(out);
		expect(totals).toMatchObject({ files: 2, reused: 0 });
		for (const name of ['a.html', 'b.html']) {
			const original = readFileSync(join(out, name));
			expect(brotliDecompressSync(readFileSync(join(out, `${name}.br`)))).toEqual(original);
			expect(gunzipSync(readFileSync(join(out, `${name}.gz`)))).toEqual(original);
		}
		expect(readdirSync(out)).not.toContain('tiny.html.br');
	});

	it('reuses the cached copies of unchanged files, compresses a changed one, and prunes what no file uses', async () => {
		const { out, cache } = site();
		expect((await precompressDir(out, cache)).reused).toBe(0);
		expect(readdirSync(cache)).toHaveLength(4);
		const before = readFileSync(join(out, 'a.html.br'));

		writeFileSync(join(out, 'b.html'), page(3));
		const second = await precompressDir(out, cache);
		expect(second).toMatchObject({ files: 2, reused: 1 });
		expect(readFileSync(join(out, 'a.html.br'))).toEqual(before);
		expect(brotliDecompressSync(readFileSync(join(out, 'b.html.br'))).toString()).toBe(page(3));
		// page(2)'s copies belong to no file any more: only a.html's and the new b.html's remain.
		expect(readdirSync(cache)).toHaveLength(4);
	});
});
