/** Worker-thread entry: renders the cards the pool sends, one message at a time. */
import { parentPort } from 'node:worker_threads';
import type { ShareCard } from '../lib/share-card.ts';
import { renderCardPng } from './render.ts';

/** Answers every message, with the image or the error: it never rejects. */
async function render({ id, card }: { id: number; card: ShareCard }) {
	try {
		const png = await renderCardPng(card);
		// Copied, not transferred: resvg's buffer is owned by native code.
		parentPort!.postMessage({ id, png });
	} catch (error) {
		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
		parentPort!.postMessage({ id, error: `${error instanceof Error ? error.message : String(error)}${cause}` });
	}
}

parentPort!.on('message', (message: { id: number; card: ShareCard }) => void render(message));
