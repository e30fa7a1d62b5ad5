/** What every helpdesk client does: turn one stored submission into one ticket (or webhook call). */
import type { OutboxItem } from '../store.ts';

/** The result of a successful delivery: the helpdesk's id for the ticket, when it gives one. */
export interface Delivered {
	externalId: string | null;
}

/** Sends one outbox item; throws DeliveryError when it did not arrive. */
export interface HelpdeskClient {
	readonly name: string;
	deliver(item: OutboxItem, signal: AbortSignal): Promise<Delivered>;
}

/** A failed delivery: whether trying again can help, and how long the helpdesk asked us to wait. */
export class DeliveryError extends Error {
	readonly retryable: boolean;
	readonly retryAfterMs: number | undefined;
	constructor(message: string, retryable: boolean, retryAfterMs?: number, options?: ErrorOptions) {
		super(message, options);
		this.name = 'DeliveryError';
		this.retryable = retryable;
		this.retryAfterMs = retryAfterMs;
	}
}
