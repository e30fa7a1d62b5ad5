/** Checks made before a submission's body is read: who sent it, from where, and how often. */
import { refusals, type Refusal } from './errors.ts';

/**
 * Refuses cross-site posts. Browsers send Origin (and Sec-Fetch-Site) with every POST, so a page on
 * another site cannot post on a reader's behalf. Requests with neither header come from programs,
 * not browsers, and cannot carry a reader's cookies or credentials; they are let through.
 */
export function checkOrigin(headers: Headers, allowedOrigins: ReadonlySet<string>): Refusal | null {
	const site = headers.get('sec-fetch-site');
	const origin = headers.get('origin');
	if (site && site !== 'same-origin' && site !== 'none') return refusals.crossSite(origin ?? `a ${site} page`);
	if (origin !== null && !allowedOrigins.has(origin)) return refusals.crossSite(origin);
	return null;
}

/**
 * The client's address for rate limiting. X-Forwarded-For is believed only as far as the configured
 * number of proxies: each trusted proxy appends one address, so the client is that many from the right.
 */
export function clientKey(headers: Headers, socketAddress: string, trustedProxies: number): string {
	if (trustedProxies === 0) return socketAddress;
	const hops = (headers.get('x-forwarded-for') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return hops[hops.length - trustedProxies] ?? hops[0] ?? socketAddress;
}

/** A token bucket per client: `perMinute` submissions, refilled evenly over the minute. */
export class RateLimiter {
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
		if (this.#buckets.size > 50_000) this.#sweep(now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
	}

	/** Forgets clients whose bucket has refilled: they would start full anyway. Bounds memory under address spraying. */
	#sweep(now: number): void {
		for (const [key, b] of this.#buckets) {
			if (b.tokens + (now - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.#buckets.delete(key);
		}
	}
}
