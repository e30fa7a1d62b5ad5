/** Checks made before a request's body is read: who sent it, from where, and how often (submissions, search events, sign-ins). */
import { refusals, type Refusal } from './errors.ts';
import { StoreBusyError, type FeedbackStore } from './store.ts';

/** Host names that can only mean this machine; a DNS name (even one resolving to 127.0.0.1) is not one. */
const loopbackHost = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;

/**
 * Whether `origin` may post. Allowed origins come from configuration (SITE_URL, FEEDBACK_ALLOWED_ORIGINS).
 * The one exception, for trying the site on one's own machine: when the request is addressed to a
 * loopback address (Host: localhost:4321, 127.0.0.1:…), that same origin may post. A DNS-rebinding
 * attack names its own host (Host: evil.example, Origin: http://evil.example) and is refused.
 */
export function originAllowed(origin: string, configured: ReadonlySet<string>, host: string | null): boolean {
	if (configured.has(origin)) return true;
	if (!host || !loopbackHost.test(host)) return false;
	return origin === `http://${host.toLowerCase()}` || origin === `https://${host.toLowerCase()}`;
}

/**
 * Refuses cross-site posts. Browsers send Origin (and Sec-Fetch-Site) with every POST, so a page on
 * another site cannot post on a reader's behalf. Requests with neither header come from programs,
 * not browsers, and cannot carry a reader's cookies or credentials; they are let through.
 */
export function checkOrigin(headers: Headers, allowedOrigins: ReadonlySet<string>): Refusal | null {
	const site = headers.get('sec-fetch-site');
	const origin = headers.get('origin');
	if (site && site !== 'same-origin' && site !== 'none') return refusals.crossSite(origin ?? `a ${site} page`);
	if (origin !== null && !originAllowed(origin, allowedOrigins, headers.get('host'))) return refusals.crossSite(origin);
	return null;
}

/**
 * The client's address for rate limiting. X-Forwarded-For is believed only as far as the configured
 * number of proxies (FEEDBACK_TRUSTED_PROXIES): each appends one address, so the client is that many from the right.
 */
export function clientKey(headers: Headers, socketAddress: string, trustedProxies: number): string {
	if (trustedProxies === 0) return socketAddress;
	const hops = (headers.get('x-forwarded-for') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return hops[hops.length - trustedProxies] ?? hops[0] ?? socketAddress;
}

/**
 * A token bucket per key (a client's address, held in this process's memory only, never in a table):
 * `perMinute` tokens, refilled evenly over the minute. A bucket that has refilled is forgotten.
 */
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

/** Why a submission must wait: too many from this client, or from everyone together. */
export interface Limited {
	scope: 'client' | 'site';
	retryAfterSeconds: number;
}

/** The rate limits a submission passes before its body is read. */
export interface SubmissionLimiter {
	/** Counts a submission from `key`; null when it may go on. Throws StoreBusyError when the shared count cannot be had in time. */
	take(key: string, now?: number): Promise<Limited | null>;
}

/**
 * Per-client and site-wide limits. In memory (token buckets) for one instance; with a store that
 * counts in shared windows (PostgreSQL), also there, so that several instances share both limits.
 * When the shared count cannot be had, the instance's own counts still apply.
 */
export function submissionLimiter(
	perClient: number,
	perSite: number,
	store?: Pick<FeedbackStore, 'countInWindow'>,
): SubmissionLimiter {
	const clients = new RateLimiter(perClient);
	const site = new RateLimiter(perSite);
	return {
		async take(key, now = Date.now()) {
			const client = clients.take(key, now);
			if (client > 0) return { scope: 'client', retryAfterSeconds: client };
			const all = site.take('*', now);
			if (all > 0) return { scope: 'site', retryAfterSeconds: all };
			if (!store?.countInWindow) return null;
			const windowStart = now - (now % 60_000);
			const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000));
			let counts: { client: number; site: number | null };
			try {
				counts = await store.countInWindow(key, windowStart, perClient);
			} catch (error) {
				// The shared store is not answering: the submission could not be saved either, so say so now.
				if (error instanceof StoreBusyError) throw error;
				return null;
			}
			if (counts.client > perClient) return { scope: 'client', retryAfterSeconds };
			if (counts.site !== null && counts.site > perSite) return { scope: 'site', retryAfterSeconds };
			return null;
		},
	};
}
