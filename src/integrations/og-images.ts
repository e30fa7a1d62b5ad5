/**
 * Renders a share image (Open Graph / Twitter card, 1200×630 PNG) for every built page.
 *
 * Why a build hook over the built HTML rather than an image route: the page itself is the
 * one source of what its card shows. The route middleware (src/route-middleware/share-meta.ts)
 * writes og:image, og:title, article:section and article:tag into each page's head; this hook
 * reads them back and draws exactly that, so no second list of pages and titles can drift
 * from the real ones, and a page added anywhere gets its image without being registered.
 * `astro dev` draws a card when it is requested, from the page the dev server renders.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metaTags } from '../lib/html-meta.ts';
import { pageOfShareImage, type ShareCard } from '../lib/share-card.ts';
import { CACHE_KEEP_DAYS, cardKey, DEFAULT_CACHE_DIR, OG_CACHE_ENV, openImageCache } from '../og/cache.ts';
import { OG_IMAGES_ENV, shareImagesEnabled } from '../og/config.ts';
import { renderCards } from '../og/render-pool.ts';
import { renderCardPng } from '../og/render.ts';

export interface ShareImagesOptions {
	/** The program's name, drawn on every card (from src/content/program/program.yaml). */
	program: string;
	/** Cache folder, relative to the project root; default `node_modules/.cache/partner-help-og`, or `OG_CACHE_DIR` when set. */
	cacheDir?: string | undefined;
}

/** What one build did, for the log and the benchmark. */
export interface ShareImagesReport {
	rendered: number;
	reused: number;
	/** Cached images deleted because no build used them for CACHE_KEEP_DAYS days. */
	pruned: number;
	milliseconds: number;
}

/** A page's card and the file its image goes to, read from its built HTML; undefined when the page has no image of ours. */
export function cardFromHtml(html: string, program: string, file: string): { card: ShareCard; imagePath: string } | undefined {
	const tags = metaTags(html);
	const get = (key: string) => tags.find(([k]) => k === key)?.[1];
	const image = get('og:image');
	if (!image) return undefined;
	const imagePath = new URL(image, 'http://site.invalid').pathname;
	// An image the page names itself (front matter `head`) is not ours to draw.
	if (!imagePath.startsWith('/og/') || !imagePath.endsWith('.png')) return undefined;
	const title = get('og:title');
	const type = get('article:section');
	if (!title || !type) {
		throw new Error(
			`${file} links a share image but has no ${title ? 'article:section' : 'og:title'} meta tag to draw it from. ` +
				'The share-meta route middleware writes both: check that it is listed in routeMiddleware in astro.config.mjs.',
		);
	}
	return { card: { program, title, type, audiences: tags.filter(([k]) => k === 'article:tag').map(([, v]) => v) }, imagePath };
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

/** Renders or reuses the image of every page under `clientDir`. */
export async function renderShareImages(clientDir: string, options: { program: string; cacheDir: string }): Promise<ShareImagesReport> {
	const started = performance.now();
	const cache = openImageCache(options.cacheDir);
	const report: ShareImagesReport = { rendered: 0, reused: 0, pruned: 0, milliseconds: 0 };
	// Pages whose card is not in the cache, grouped by key: equal cards are drawn once.
	const missing = new Map<string, { card: ShareCard; targets: string[] }>();
	for (const file of htmlFiles(clientDir)) {
		const name = relative(clientDir, file).split(sep).join('/');
		const found = cardFromHtml(readFileSync(file, 'utf8'), options.program, name);
		if (!found) continue;
		const target = join(clientDir, ...found.imagePath.split('/').filter(Boolean));
		mkdirSync(dirname(target), { recursive: true });
		const key = cardKey(found.card);
		if (missing.has(key)) missing.get(key)!.targets.push(target);
		else if (cache.copyTo(key, target)) report.reused++;
		else missing.set(key, { card: found.card, targets: [target] });
	}
	const jobs = [...missing.entries()];
	await renderCards(
		jobs.map(([, job]) => job.card),
		(index, png) => {
			const [key, job] = jobs[index]!;
			cache.put(key, png);
			for (const target of job.targets) cache.copyTo(key, target);
			report.rendered++;
			report.reused += job.targets.length - 1;
		},
	);
	report.pruned = cache.prune(CACHE_KEEP_DAYS);
	report.milliseconds = Math.round(performance.now() - started);
	return report;
}

/** The Astro integration: renders share images after the pages are built, unless OG_IMAGES=off. */
export function shareImages(options: ShareImagesOptions): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'partner-help-og',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			// In `astro dev` a card is drawn on request from the page's own head, so there is nothing to cache or keep.
			'astro:server:setup': ({ server, logger }) => {
				if (!shareImagesEnabled()) return;
				server.middlewares.use(async (req, res, next) => {
					const page = pageOfShareImage(new URL(req.url ?? '/', 'http://dev.invalid').pathname);
					if (!page) return next();
					try {
						const html = await (await fetch(new URL(page, `http://${req.headers.host}`))).text();
						const found = cardFromHtml(html, options.program, page);
						if (!found) {
							res.statusCode = 404;
							return res.end(`No share image: ${page} names no og:image under /og/.`);
						}
						const png = await renderCardPng(found.card);
						res.setHeader('Content-Type', 'image/png');
						res.setHeader('Cache-Control', 'no-store');
						res.end(png);
					} catch (error) {
						logger.error(`Failed to draw the share image of ${page}: ${error instanceof Error ? error.message : String(error)}`);
						next(error);
					}
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!shareImagesEnabled()) {
					logger.info(`${OG_IMAGES_ENV}=off: no share images rendered.`);
					return;
				}
				const cacheDir = resolve(root, process.env[OG_CACHE_ENV] || options.cacheDir || DEFAULT_CACHE_DIR);
				const report = await renderShareImages(fileURLToPath(dir), { program: options.program, cacheDir });
				// One parseable line: the benchmark reads it.
				const pruned = report.pruned ? `, ${report.pruned} unused for ${CACHE_KEEP_DAYS} days deleted` : '';
				logger.info(`share images: ${report.rendered} rendered, ${report.reused} reused in ${report.milliseconds} ms (cache ${relative(root, cacheDir) || '.'}${pruned})`);
			},
		},
	};
}
