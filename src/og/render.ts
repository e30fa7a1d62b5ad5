/** One card from text to PNG bytes: satori lays it out, resvg rasterizes it. */
import { SHARE_IMAGE, type ShareCard } from '../lib/share-card.ts';
import { cardSvg } from './card.ts';
import { svgToPng } from './rasterize.ts';

/** The card as a 1200×630 PNG. */
export async function renderCardPng(card: ShareCard): Promise<Uint8Array> {
	return svgToPng(await cardSvg(card), SHARE_IMAGE.width);
}
