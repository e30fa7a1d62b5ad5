import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../helpers/fixtures.ts';

const walk = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
	);

describe('code boundaries', () => {
	it('keeps src/server out of prerendered pages, components and browser scripts', () => {
		const offenders = ['src/pages', 'src/components', 'src/client', 'src/lib', 'src/schemas']
			.flatMap((d) => walk(join(projectRoot, d)))
			.filter((file) => /\.(astro|ts|mjs)$/.test(file))
			.filter((file) => {
				const text = readFileSync(file, 'utf8');
				// The on-demand endpoint is the one page that is meant to import the server code.
				return /from ['"][./]*\/?server\//.test(text) && !/export const prerender = false/.test(text);
			})
			.map((file) => relative(projectRoot, file));
		expect(offenders).toEqual([]);
	});

	it('keeps src/lib free of I/O', () => {
		const io = walk(join(projectRoot, 'src', 'lib')).filter((file) =>
			/from ['"]node:(fs|net|http|https|child_process|sqlite)['"]|\bfetch\(/.test(readFileSync(file, 'utf8')),
		);
		expect(io.map((f) => relative(projectRoot, f))).toEqual([]);
	});
});
