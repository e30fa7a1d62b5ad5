/**
 * Renders a share image (Open Graph / Twitter card, 1200×630 PNG) for every built page.
 *
 * Why a build hook fed by the pages rather than an image route: each page passes what it is as
 * data (src/data/page-meta.ts), and the route middleware (src/route-middleware/share-meta.ts) makes
 * its card from that data, writes the og:image tags and records the card (src/og/cards.ts) as the
 * page is prerendered. This hook draws the recorded cards once the pages are built. A route per
 * image would need its own list of every page and what each one is, which could drift from the
 * pages themselves, and would draw one image per request instead of many at once on every core,
 * each equal card once. A page added anywhere gets its image without being registered.
 * `astro dev` draws a card when it is requested, from the card its page records as it renders.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageOfShareImage, type ShareCard } from '../lib/share-card.ts';
import { CACHE_KEEP_DAYS, cardKey, DEFAULT_CACHE_DIR, OG_CACHE_ENV, openImageCache } from '../og/cache.ts';
import { clearShareCards, forgetShareCard, recordedShareCard, recordedShareCards } from '../og/cards.ts';
import { OG_IMAGES_ENV, shareImagesEnabled } from '../og/config.ts';
import { renderCards } from '../og/render-pool.ts';
import { renderCardPng } from '../og/render.ts';

export interface ShareImagesOptions {
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

/** Renders or reuses the image of every card in `cards` (image path and card), into `clientDir`. */
export async function renderShareImages(
	clientDir: string,
	cards: ReadonlyArray<readonly [imagePath: string, card: ShareCard]>,
	options: { cacheDir: string },
): Promise<ShareImagesReport> {
	const started = performance.now();
	const cache = openImageCache(options.cacheDir);
	const report: ShareImagesReport = { rendered: 0, reused: 0, pruned: 0, milliseconds: 0 };
	// Pages whose card is not in the cache, grouped by key: equal cards are drawn once.
	const missing = new Map<string, { card: ShareCard; targets: string[] }>();
	for (const [imagePath, card] of cards) {
		const target = join(clientDir, ...imagePath.split('/').filter(Boolean));
		mkdirSync(dirname(target), { recursive: true });
		const key = cardKey(card);
		if (missing.has(key)) missing.get(key)!.targets.push(target);
		else if (cache.copyTo(key, target)) report.reused++;
		else missing.set(key, { card, targets: [target] });
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
export function shareImages(options: ShareImagesOptions = {}): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'partner-help-og',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			// In `astro dev` a card is drawn on request: the page is rendered, which records its card, and that card is drawn.
			'astro:server:setup': ({ server, logger }) => {
				if (!shareImagesEnabled()) return;
				server.middlewares.use((req, res, next) => {
					const page = pageOfShareImage(new URL(req.url ?? '/', 'http://dev.invalid').pathname);
					if (!page) return next();
					// A failure goes to next() as Connect expects; the promise itself never rejects.
					void (async () => {
						try {
							const imagePath = new URL(req.url ?? '/', 'http://dev.invalid').pathname;
							// A page that now names its own image records nothing: forget what it recorded before.
							forgetShareCard(imagePath);
							await (await fetch(new URL(page, `http://${req.headers.host}`))).arrayBuffer();
							const card = recordedShareCard(imagePath);
							if (!card) {
								res.statusCode = 404;
								res.end(
									`No share image: ${page} links no image of ours (it names its own, or is not a Starlight page).`,
								);
								return;
							}
							const png = await renderCardPng(card);
							res.setHeader('Content-Type', 'image/png');
							res.setHeader('Cache-Control', 'no-store');
							res.end(png);
						} catch (error) {
							logger.error(
								`Failed to draw the share image of ${page}: ${error instanceof Error ? error.message : String(error)}`,
							);
							next(error);
						}
					})();
				});
			},
			'astro:build:start': () => {
				clearShareCards();
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				if (!shareImagesEnabled()) {
					logger.info(`${OG_IMAGES_ENV}=off: no share images rendered.`);
					return;
				}
				const cards = recordedShareCards();
				if (cards.length === 0 && pages.length > 0) {
					throw new AstroError(
						`The build wrote ${pages.length} pages but none recorded a share card, so no share image can be drawn.`,
						"src/route-middleware/share-meta.ts records each card as its page is prerendered in the build's own process: check that it is listed in routeMiddleware in astro.config.mjs, and that the adapter prerenders in that process.",
					);
				}
				const cacheDir = resolve(root, process.env[OG_CACHE_ENV] || options.cacheDir || DEFAULT_CACHE_DIR);
				const report = await renderShareImages(fileURLToPath(dir), cards, { cacheDir });
				// One parseable line: the benchmark reads it.
				const pruned = report.pruned ? `, ${report.pruned} unused for ${CACHE_KEEP_DAYS} days deleted` : '';
				logger.info(
					`share images: ${report.rendered} rendered, ${report.reused} reused in ${report.milliseconds} ms (cache ${relative(root, cacheDir) || '.'}${pruned})`,
				);
			},
		},
	};
}
