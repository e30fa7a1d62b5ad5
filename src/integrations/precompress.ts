/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built site
 * (pages, scripts, styles, Pagefind's scripts and JSON), after every other integration has written
 * its files, so that the server sends compressed bytes without compressing per request
 * (src/server/static-files.ts). A copy is kept only when it is smaller than the file.
 *
 * Brotli at a high quality is the slowest step of a large build, and most files are the same from
 * one build to the next: compressed copies are kept in a cache folder under their content's hash
 * (node_modules/.cache/partner-help-compress), reused when a file has not changed, and those no
 * file of the last build used are deleted after it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { isCompressible } from '../server/content-types.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files smaller than this gain nothing worth a second lookup. */
const MIN_BYTES = 512;

async function* files(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else if (entry.isFile()) yield path;
	}
}

/** The brotli and gzip copies of `data`: from the cache when it holds them, else compressed (and cached). */
async function compressed(
	data: Buffer,
	cacheDir: string | undefined,
	used: Set<string>,
): Promise<[Buffer, Buffer, boolean]> {
	const key = cacheDir && createHash('sha256').update(data).digest('hex');
	if (cacheDir && key) {
		used.add(`${key}.br`).add(`${key}.gz`);
		const cached = await Promise.all([
			readFile(join(cacheDir, `${key}.br`)),
			readFile(join(cacheDir, `${key}.gz`)),
		]).catch(() => undefined);
		if (cached) return [...cached, true];
	}
	const [br, gzipped] = await Promise.all([
		brotli(data, {
			params: {
				// Quality 10: within a few per cent of 11 at a third of its time.
				[constants.BROTLI_PARAM_QUALITY]: 10,
				[constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
			},
		}),
		gz(data, { level: constants.Z_BEST_COMPRESSION }),
	]);
	if (cacheDir && key)
		await Promise.all([writeFile(join(cacheDir, `${key}.br`), br), writeFile(join(cacheDir, `${key}.gz`), gzipped)]);
	return [br, gzipped, false];
}

/**
 * Compresses every compressible file under `dir`; returns how many files and bytes before and after
 * brotli, and how many copies came from `cacheDir` (no cache without one).
 */
export async function precompressDir(
	dir: string,
	cacheDir?: string,
): Promise<{ files: number; bytes: number; brotliBytes: number; reused: number }> {
	const totals = { files: 0, bytes: 0, brotliBytes: 0, reused: 0 };
	const used = new Set<string>();
	if (cacheDir) await mkdir(cacheDir, { recursive: true });
	const jobs: Promise<void>[] = [];
	const run = async (path: string) => {
		const data = await readFile(path);
		if (data.byteLength < MIN_BYTES) return;
		const [br, gzipped, reused] = await compressed(data, cacheDir, used);
		if (reused) totals.reused++;
		for (const [suffix, bytes] of [
			['.br', br],
			['.gz', gzipped],
		] as const) {
			// A stale copy from an earlier build must not outlive a file that no longer compresses.
			if (bytes.byteLength < data.byteLength) await writeFile(path + suffix, bytes);
			else await unlink(path + suffix).catch(() => {});
		}
		totals.files++;
		totals.bytes += data.byteLength;
		totals.brotliBytes += Math.min(br.byteLength, data.byteLength);
	};
	for await (const path of files(dir)) {
		if (!isCompressible(path)) continue;
		jobs.push(run(path));
		// A few at a time: brotli at its best quality is CPU-heavy.
		if (jobs.length >= 8) await Promise.all(jobs.splice(0));
	}
	await Promise.all(jobs);
	if (cacheDir)
		for (const name of await readdir(cacheDir)) if (!used.has(name)) await unlink(join(cacheDir, name)).catch(() => {});
	return totals;
}

export function precompress(): AstroIntegration {
	let client: URL | undefined;
	let cacheDir: string | undefined;
	return {
		name: 'partner-help:precompress',
		hooks: {
			'astro:config:done': ({ config }) => {
				client = config.build.client;
				cacheDir = fileURLToPath(new URL('node_modules/.cache/partner-help-compress/', config.root));
			},
			'astro:build:done': async ({ logger }) => {
				if (!client) return;
				const started = performance.now();
				const t = await precompressDir(fileURLToPath(client), cacheDir);
				logger.info(
					`${t.files} files compressed (brotli and gzip; ${t.reused} unchanged, from the cache): ${(t.bytes / 1024).toFixed(0)} KiB → ${(t.brotliBytes / 1024).toFixed(0)} KiB brotli in ${Math.round(performance.now() - started)} ms.`,
				);
			},
		},
	};
}
