/**
 * In-memory rate limits for the support side (search-event batches, sign-in attempts): a token
 * bucket per key. The key (a client's address) lives in this process's memory only, never in a
 * table, and a bucket that has refilled is forgotten.
 */

/** A token bucket per key: `perMinute` tokens, refilled evenly over the minute. */
export class MinuteLimiter {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();
	readonly perMinute: number;
	constructor(perMinute: number) {
		this.perMinute = perMinute;
	}

	/** Takes one token for `key`; returns 0 when allowed, else the whole seconds until the next token. */
	take(key: string, now = Date.now()): number {
		const ratePerMs = this.perMinute / 60_000;
		const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
		bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
		bucket.at = now;
		this.#buckets.set(key, bucket);
		if (this.#buckets.size > 50_000) {
			for (const [k, b] of this.#buckets) if (b.tokens + (now - b.at) * ratePerMs >= this.perMinute) this.#buckets.delete(k);
		}
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
	}
}

/**
 * The client's address for rate limiting. X-Forwarded-For is believed only as far as the configured
 * number of proxies (FEEDBACK_TRUSTED_PROXIES): each appends one address, so the client is that many from the right.
 */
export function clientAddress(headers: Headers, socketAddress: string, trustedProxies: number): string {
	if (trustedProxies === 0) return socketAddress;
	const hops = (headers.get('x-forwarded-for') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return hops[hops.length - trustedProxies] ?? hops[0] ?? socketAddress;
}
