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
	/** Deliveries in flight at once (default 10). */
	batch?: number;
	log?: (message: string) => void;
}

/** A running worker. */
export interface Worker {
	/** Look for work now rather than at the next poll (called after each new submission). */
	kick(): void;
	/** Stops claiming, and resolves once the deliveries in flight have ended (each within its timeout). */
	stop(): Promise<void>;
}

/** Starts the worker loop. */
export function startWorker(options: WorkerOptions): Worker {
	const { store, client, log = (m) => console.log(`[feedback] ${m}`) } = options;
	const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
	// The lease outlives the request timeout, so a slow helpdesk cannot make a second instance start the same delivery.
	const leaseMs = options.timeoutMs * 3;
	/** Deliveries in flight at once: each is bounded on its own, and a slot freed by one is refilled at once. */
	const concurrency = options.batch ?? 10;
	const inFlight = new Set<Promise<void>>();
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let claiming: Promise<void> | undefined;
	let again = false;

	/** Sends one item, bounded by the timeout even when a call ignores its abort signal. */
	async function deliverOne(item: OutboxItem): Promise<void> {
		const controller = new AbortController();
		let timeout: NodeJS.Timeout | undefined;
		const expired = new Promise<never>((_, reject) => {
			timeout = setTimeout(() => {
				const error = new DeliveryError(`no answer within ${options.timeoutMs} ms`, true);
				controller.abort(error);
				reject(error);
			}, options.timeoutMs);
		});
		try {
			const { externalId } = await Promise.race([client.deliver(item, controller.signal), expired]);
			await store.delivered(item.id, owner, externalId, Date.now());
		} catch (error) {
			const failure =
				error instanceof DeliveryError
					? error
					: new DeliveryError(`Failed to deliver: ${(error as Error).message}`, true, undefined, { cause: error });
			if (failure.retryable) {
				const delay = retryDelay(
					item.attempts,
					{ baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, jitter: Math.random() },
					failure.retryAfterMs,
				);
				await store.retryLater(item.id, owner, Date.now() + delay, failure.message);
				log(
					`${item.submission.reference}: attempt ${item.attempts} to ${client.name} failed (${failure.message}); next try in ${Math.round(delay / 1000)} s.`,
				);
			} else {
				await store.giveUp(item.id, owner, failure.message, Date.now());
				log(
					`${item.submission.reference}: ${client.name} refused it (${failure.message}); kept in the store, not retried.`,
				);
			}
		} finally {
			clearTimeout(timeout);
		}
	}

	function start(item: OutboxItem): void {
		const delivery: Promise<void> = deliverOne(item)
			// Recording the outcome can fail too (store busy): the lease runs out and the item is tried again.
			.catch((error: Error) =>
				log(
					`${item.submission.reference}: the outcome could not be recorded (${error.message}); it is tried again when its lease ends.`,
				),
			)
			.finally(() => {
				inFlight.delete(delivery);
				run();
			});
		inFlight.add(delivery);
	}

	/** Claims due items for the free slots and starts them; never waits for a delivery to finish. */
	async function fill(): Promise<void> {
		while (!stopped) {
			const free = concurrency - inFlight.size;
			if (free <= 0) return;
			const items = await store.claim(owner, Date.now(), leaseMs, free);
			if (stopped) {
				// Claimed as the worker stopped: release them for the next start or another instance.
				await Promise.all(
					items.map((item) => store.retryLater(item.id, owner, Date.now(), 'the server stopped before sending it')),
				);
				return;
			}
			items.forEach(start);
			if (items.length < free) return;
		}
	}

	function run(): void {
		if (stopped) return;
		if (claiming) {
			again = true;
			return;
		}
		clearTimeout(timer);
		claiming = fill()
			.catch((error) =>
				log(`Looking for deliveries failed; trying again at the next poll: ${(error as Error).message}`),
			)
			.finally(() => {
				claiming = undefined;
				if (stopped) return;
				if (again) {
					again = false;
					run();
				} else timer = setTimeout(run, options.pollMs);
			});
	}

	timer = setTimeout(run, 0);
	return {
		kick: run,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await claiming;
			// Each delivery in flight ends within its timeout; none is abandoned half-recorded.
			await Promise.all([...inFlight]);
		},
	};
}
