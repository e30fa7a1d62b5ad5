/** The one place helpdesk HTTP calls go through: timeouts, status classes, Retry-After. */
import { parseRetryAfter } from '../../lib/backoff.ts';
import { DeliveryError } from './types.ts';

/**
 * Sends a request and returns the response when it is 2xx. Otherwise throws a DeliveryError:
 * retryable for network errors, timeouts, 408, 409 (a concurrent request with the same idempotency key), 429 and 5xx;
 * final for other 4xx (the helpdesk refuses this request as it is, so repeating it cannot help).
 */
export async function send(what: string, url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(url, { ...init, signal, redirect: 'error' });
	} catch (error) {
		throw new DeliveryError(
			`Failed to reach ${what} at ${new URL(url).origin}: ${(error as Error).message}`,
			true,
			undefined,
			{ cause: error },
		);
	}
	if (response.ok) return response;
	const body = (await response.text().catch(() => '')).slice(0, 300);
	const retryable =
		response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
	throw new DeliveryError(
		`${what} answered ${response.status}${body ? `: ${body}` : ''}`,
		retryable,
		parseRetryAfter(response.headers.get('retry-after'), Date.now()),
	);
}

/** A JSON body read defensively: a helpdesk that answers 201 with garbage still created the ticket. */
export async function jsonOrNull(response: Response): Promise<Record<string, unknown> | null> {
	try {
		const value: unknown = await response.json();
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** A ticket's id as a helpdesk's JSON gives it (a number or a string); anything else is no id. */
export const ticketId = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** HTTP Basic credentials. */
export const basicAuth = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
