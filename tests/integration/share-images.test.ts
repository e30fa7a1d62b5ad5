import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildFixture, buildAt, materializeFixture, removeFixture, type BuildResult } from '../helpers/fixtures.ts';
import { startAstroDev } from '../helpers/astro-dev.ts';
import { pngSize } from '../helpers/png.ts';
import { metaTags } from '../helpers/html-meta.ts';

// A cache of its own, so that "cold" means cold whatever other builds left behind.
const cacheDir = mkdtempSync(join(tmpdir(), 'partner-help-og-test-'));
const roots: string[] = [];
afterAll(() => {
	roots.forEach(removeFixture);
	rmSync(cacheDir, { recursive: true, force: true });
});

const counts = (output: string) => {
	const m = /share images: (\d+) rendered, (\d+) reused/.exec(output);
	if (!m) throw new Error(`The build log has no share-image line:\n${output}`);
	return { rendered: Number(m[1]), reused: Number(m[2]) };
};
const pages = ['index.html', 'returns/index.html', 'faq/payments/index.html', 'terms/index.html', '404.html'];
const image = (root: string, page: string) => {
	const url = metaTags(readFileSync(join(root, 'dist', 'client', page), 'utf8')).find(([k]) => k === 'og:image')?.[1];
	return url && join(root, 'dist', 'client', new URL(url).pathname);
};

/**
 * How many share images are copies of another of the same build: pages whose cards say the same
 * (an English page served untranslated under /de/, say) get the card drawn once, copied for the rest.
 */
const copies = (root: string) => {
	const walk = (d: string): string[] =>
		existsSync(d)
			? readdirSync(d, { withFileTypes: true }).flatMap((e) =>
					e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.png') ? [join(d, e.name)] : [],
				)
			: [];
	const byContent = new Map<string, number>();
	for (const file of walk(join(root, 'dist', 'client', 'og'))) {
		const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
		byContent.set(hash, (byContent.get(hash) ?? 0) + 1);
	}
	return [...byContent.values()].reduce((sum, n) => sum + n - 1, 0);
};

async function build(edit?: (root: string) => void, env: Record<string, string> = {}): Promise<BuildResult> {
	const root = materializeFixture('share-images', { withProject: true });
	roots.push(root);
	edit?.(root);
	const result = await buildAt(root, { OG_CACHE_DIR: cacheDir, ...env });
	expect(result.code, result.output).toBe(0);
	return result;
}

describe('share images of a fixture site', () => {
	let cold: BuildResult;
	let warm: BuildResult;
	beforeAll(async () => {
		cold = await build();
		warm = await build();
	});

	it('renders one 1200×630 PNG per page on a cold build', () => {
		const { rendered, reused } = counts(cold.output);
		// Nothing comes from the cache: only a page whose card says what another's does reuses the one drawn for it.
		expect(reused).toBe(copies(cold.root));
		expect(rendered).toBeGreaterThanOrEqual(pages.length);
		for (const page of pages) {
			const file = image(cold.root, page);
			expect(file, page).toBeDefined();
			expect(pngSize(readFileSync(file!)), page).toEqual({ width: 1200, height: 630 });
		}
	});

	it('keeps an image a page names itself and draws none for it', () => {
		const tags = metaTags(readFileSync(join(cold.root, 'dist', 'client', 'own-image', 'index.html'), 'utf8'));
		expect(tags.filter(([k]) => k === 'og:image')).toEqual([['og:image', 'https://cdn.example.test/cards/own.jpg']]);
		expect(existsSync(join(cold.root, 'dist', 'client', 'og', 'own-image.png'))).toBe(false);
	});

	it('renders none again when the content has not changed, and ships the same files', () => {
		expect(counts(warm.output)).toEqual({
			rendered: 0,
			reused: counts(cold.output).rendered + counts(cold.output).reused,
		});
		for (const page of pages)
			expect(readFileSync(image(warm.root, page)!).equals(readFileSync(image(cold.root, page)!)), page).toBe(true);
	});

	it('renders only the card whose title changed', async () => {
		const edited = await build((root) => {
			const file = join(root, 'src', 'content', 'docs', 'returns.mdx');
			writeFileSync(file, readFileSync(file, 'utf8').replace('title: Returns & refunds', 'title: Returns and refunds'));
		});
		expect(counts(edited.output)).toEqual({
			rendered: 1,
			reused: counts(cold.output).rendered + counts(cold.output).reused - 1,
		});
		expect(
			readFileSync(image(edited.root, 'returns/index.html')!).equals(
				readFileSync(image(cold.root, 'returns/index.html')!),
			),
		).toBe(false);
	});

	it('builds without images or image tags when OG_IMAGES=off', async () => {
		const off = await build(undefined, { OG_IMAGES: 'off' });
		expect(off.output).toContain('OG_IMAGES=off: no share images rendered.');
		expect(existsSync(join(off.root, 'dist', 'client', 'og'))).toBe(false);
		for (const page of pages) expect(image(off.root, page), page).toBeUndefined();
	});

	it('stops the build when no page recorded its card', async () => {
		const root = materializeFixture('share-images', { withProject: true });
		roots.push(root);
		const config = join(root, 'astro.config.mjs');
		writeFileSync(config, readFileSync(config, 'utf8').replace(/\s*'\.\/src\/route-middleware\/share-meta\.ts',/, ''));
		const { code, output } = await buildAt(root, { OG_CACHE_DIR: cacheDir });
		expect(code).not.toBe(0);
		expect(output).toMatch(/The build wrote \d+ pages but none recorded a share card/);
		expect(output).toContain('check that it is listed in routeMiddleware');
	});

	it('stops the build when OG_IMAGES has a value it does not know', async () => {
		const { code, output, root } = await buildFixture('share-images', { OG_IMAGES: 'sometimes' });
		roots.push(root);
		expect(code).not.toBe(0);
		expect(output).toContain('OG_IMAGES must be "on" or "off", received "sometimes".');
	});
});

describe('share images in the dev server', () => {
	it("draws a page's card on request", async () => {
		const root = materializeFixture('share-images', { withProject: true });
		roots.push(root);
		const child = startAstroDev(root, 0);
		try {
			const origin = await new Promise<string>((resolve, reject) => {
				let output = '';
				const timer = setTimeout(() => reject(new Error(`The dev server printed no address:\n${output}`)), 120_000);
				const read = (d: Buffer) => {
					output += d;
					const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
					if (m && m[1] !== '0') {
						clearTimeout(timer);
						resolve(`http://127.0.0.1:${m[1]}`);
					}
				};
				child.stdout.on('data', read);
				child.stderr.on('data', read);
				child.on('exit', (code) => reject(new Error(`The dev server stopped (exit ${code}):\n${output}`)));
			});
			// The address is printed a moment before the routes answer: ask until the page comes.
			let page = '';
			for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 500))) {
				const res = await fetch(`${origin}/returns/`);
				page = await res.text();
				if (res.ok) break;
			}
			const url = metaTags(page).find(([k]) => k === 'og:image')?.[1];
			expect(url ?? page.slice(0, 1000)).toMatch(/\/og\/returns\.png$/);
			const res = await fetch(`${origin}/og/returns.png`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('image/png');
			expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
			expect((await fetch(`${origin}/og/own-image.png`)).status).toBe(404);
		} finally {
			child.kill();
		}
	});
});
