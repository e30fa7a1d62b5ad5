/**
 * Renders many cards on all CPU cores: satori and resvg are CPU-bound and single-threaded,
 * so a cold build of hundreds of pages is about as many times faster as there are cores.
 * A handful of cards is rendered in this thread, where starting workers would cost more.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ShareCard } from '../lib/share-card.ts';
import { renderCardPng } from './render.ts';

/** Below this many cards, workers are not worth starting (each pays satori's warm-up). */
const WORKER_THRESHOLD = 16;

/** Renders `cards` in order of completion, calling `done` with each PNG; at most `threads` at once. */
export async function renderCards(
	cards: ShareCard[],
	done: (index: number, png: Uint8Array) => void,
	threads = Math.min(availableParallelism(), 8),
): Promise<void> {
	if (cards.length < WORKER_THRESHOLD || threads < 2) {
		for (const [index, card] of cards.entries()) done(index, await renderCardPng(card));
		return;
	}
	const workers = Array.from(
		{ length: Math.min(threads, Math.ceil(cards.length / 4)) },
		() => new Worker(new URL('./render-worker.ts', import.meta.url)),
	);
	let next = 0;
	try {
		await Promise.all(
			workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						const send = () => {
							if (next >= cards.length) return resolve();
							const id = next++;
							worker.postMessage({ id, card: cards[id] });
						};
						worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
							if (message.error !== undefined || !message.png) {
								return reject(
									new Error(`Failed to render the share card "${cards[message.id]!.title}": ${message.error}`),
								);
							}
							done(message.id, message.png);
							send();
						});
						worker.on('error', (cause) =>
							reject(new Error('Failed to render share images: a render worker stopped.', { cause })),
						);
						send();
					}),
			),
		);
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
