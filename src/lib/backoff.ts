/** When to try a failed delivery again: exponential backoff, at least what the server asked for. */
export interface BackoffOptions {
	/** Delay after the first failure, in milliseconds; doubled for each further attempt. */
	baseMs: number;
	/** Longest delay the backoff alone may reach, in milliseconds. */
	maxMs: number;
	/** A number in [0, 1) that spreads retries of many items apart; pass Math.random(). */
	jitter: number;
}

/** Longest wait a Retry-After header may impose (a day): a broken header must not park an item forever. */
export const retryAfterCapMs = 86_400_000;

/**
 * Delay before attempt `attempts + 1`, given `attempts` failed attempts so far. Half the delay is
 * fixed and half is jitter, so that retries stay exponential but do not arrive in lockstep.
 * A Retry-After from the server wins when it asks for longer.
 */
export function retryDelay(attempts: number, options: BackoffOptions, retryAfterMs?: number): number {
	const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
	const delay = exponential / 2 + (exponential / 2) * options.jitter;
	return retryAfterMs === undefined ? delay : Math.max(delay, Math.min(retryAfterMs, retryAfterCapMs));
}

/**
 * Reads a Retry-After header: seconds ("120") or an HTTP date. Returns milliseconds from `now`,
 * or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
	if (!header) return undefined;
	const trimmed = header.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
