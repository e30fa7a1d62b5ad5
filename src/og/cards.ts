/**
 * The share cards of the pages rendered in this build, by image path. The route middleware
 * (src/route-middleware/share-meta.ts) records each page's card from the data the page passed,
 * as it writes the page's og:image tags; the integration (src/integrations/og-images.ts) draws
 * them once the pages are built, and the dev server draws one when its image is asked for.
 *
 * The record lives on `globalThis`: Astro prerenders pages in the process that runs the
 * integration, but from its own bundle, so the middleware and the integration each hold their
 * own copy of this module and a module-level variable would not be shared between them.
 */
import type { ShareCard } from '../lib/share-card.ts';

const key = Symbol.for('partner-help.share-cards');

function record(): Map<string, ShareCard> {
	const holder = globalThis as { [key]?: Map<string, ShareCard> };
	return (holder[key] ??= new Map());
}

/** Notes that the image at `imagePath` ("/og/faq/payments.png") shows `card`. */
export function recordShareCard(imagePath: string, card: ShareCard): void {
	record().set(imagePath, card);
}

/** Every card recorded so far, sorted by image path. */
export function recordedShareCards(): Array<[imagePath: string, card: ShareCard]> {
	return [...record()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The card of the image at `imagePath`, if a page recorded one. */
export function recordedShareCard(imagePath: string): ShareCard | undefined {
	return record().get(imagePath);
}

/** Forgets the card of one image, before its page is rendered again (in `astro dev`). */
export function forgetShareCard(imagePath: string): void {
	record().delete(imagePath);
}

/** Forgets every card, before a build renders its pages. */
export function clearShareCards(): void {
	record().clear();
}
