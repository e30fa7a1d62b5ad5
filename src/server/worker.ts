/**
 * The delivery worker: runs inside every server instance, claims due outbox rows with a lease (so two
 * instances never send the same row at once), sends them, and records the outcome. A row whose
 * instance dies mid-delivery is claimed again when its lease runs out; the helpdesk's idempotency key
 * (or Freshdesk's tag lookup) keeps that second attempt from making a second ticket.
 */
import { randomUUID } from 'node:crypto';
import { retryDelay } from '../lib/backoff.ts';
import { DeliveryError, type HelpdeskClient } from './helpdesk/types.ts';
import type { FeedbackStore, OutboxItem } from './store.ts';

export interface WorkerOptions {
	store: FeedbackStore;
	client: HelpdeskClient;
	pollMs: number;
	retryBaseMs: number;
	retryMaxMs: number;
	timeoutMs: number;
	/** Deliveries claimed per round. */
	batch?: number;
	log?: (message: string) => void;
}

/** A running worker. */
export interface Worker {
	/** Look for work now rather than at the next poll (called after each new submission). */
	kick(): void;
	/** Finishes the round in progress and stops. */
	stop(): Promise<void>;
}

/** Starts the worker loop. */
export function startWorker(options: WorkerOptions): Worker {
	const { store, client, log = (m) => console.log(`[feedback] ${m}`) } = options;
	const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
	// The lease outlives the request timeout, so a slow helpdesk cannot make a second instance start the same delivery.
	const leaseMs = options.timeoutMs * 3;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | undefined;
	let again = false;

	async function deliverOne(item: OutboxItem): Promise<void> {
		const controller = new AbortController();
		const timeout = setTimeout(() => controller.abort(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
		try {
			const { externalId } = await client.deliver(item, controller.signal);
			await store.delivered(item.id, owner, externalId, Date.now());
		} catch (error) {
			const failure = error instanceof DeliveryError ? error : new DeliveryError(`Failed to deliver: ${(error as Error).message}`, true, undefined, { cause: error });
			if (failure.retryable) {
				const delay = retryDelay(item.attempts, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, jitter: Math.random() }, failure.retryAfterMs);
				await store.retryLater(item.id, owner, Date.now() + delay, failure.message);
				log(`${item.submission.reference}: attempt ${item.attempts} to ${client.name} failed (${failure.message}); next try in ${Math.round(delay / 1000)} s.`);
			} else {
				await store.giveUp(item.id, owner, failure.message, Date.now());
				log(`${item.submission.reference}: ${client.name} refused it (${failure.message}); kept in the store, not retried.`);
			}
		} finally {
			clearTimeout(timeout);
		}
	}

	async function round(): Promise<void> {
		do {
			again = false;
			const items = await store.claim(owner, Date.now(), leaseMs, options.batch ?? 10);
			await Promise.all(items.map(deliverOne));
			if (items.length === (options.batch ?? 10)) again = true;
		} while (again && !stopped);
	}

	function run(): void {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		clearTimeout(timer);
		running = round()
			.catch((error) => log(`The delivery round failed; trying again at the next poll: ${(error as Error).message}`))
			.finally(() => {
				running = undefined;
				if (!stopped) timer = setTimeout(run, options.pollMs);
			});
	}

	timer = setTimeout(run, 0);
	return {
		kick: run,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		},
	};
}
