/**
 * The support side's long-lived parts, created once per process beside the feedback runtime:
 * settings, the connection to the feedback database, the search-event counts, team accounts and
 * sessions, and the daily purge of search counts older than their retention.
 */
import { readConfig as readFeedbackConfig, readSettings } from '../config.ts';
import { supportConfigSchema, type SupportConfig } from '../../schemas/support-config.ts';
import type { FeedbackConfig } from '../../schemas/feedback-config.ts';
import type { FeedbackStore } from '../store.ts';
import { openStore } from '../stores/open.ts';
import { authTables, authStore, type AuthStore } from '../auth/store.ts';
import { openSupportDb, type SqlDb } from './database.ts';
import { RateLimiter } from '../guards.ts';
import { dayOf, searchEventStore, searchEventTables, type SearchEventStore } from './store.ts';

export interface SupportRuntime {
	config: SupportConfig;
	feedback: FeedbackConfig;
	db: SqlDb;
	events: SearchEventStore;
	auth: AuthStore;
	/** Batches per client per minute; the key (the client's address) is kept in memory only. */
	eventLimiter: RateLimiter;
	/** Sign-in attempts per client per minute. */
	loginLimiter: RateLimiter;
	/** Origins allowed to post: the public site and any extra configured ones (the address the server is reached at is added per request). */
	allowedOrigins: ReadonlySet<string>;
	/**
	 * The submissions store (read by the dashboard) and where questions are delivered: opened on first
	 * use, without a delivery worker (the server's feedback runtime runs that).
	 */
	feedbackStore(): Promise<{ store: FeedbackStore; destination: string | null }>;
	/** Deletes search counts older than the retention; returns how many rows went. */
	purge(now?: number): Promise<number>;
	close(): Promise<void>;
}

/** Validates the support settings in `env`; a wrong one throws a ConfigError naming it. */
export const readSupportConfig = (env: Record<string, string | undefined> = process.env): SupportConfig =>
	readSettings(supportConfigSchema, env, 'The support side', 'Support dashboard', /^$/);

const dayMs = 86_400_000;

/** Creates the runtime for `env` (tests make their own; the server uses getSupportRuntime). */
export async function createSupportRuntime(
	env: Record<string, string | undefined> = process.env,
): Promise<SupportRuntime> {
	const feedback = readFeedbackConfig(env);
	const config = readSupportConfig(env);
	const db = await openSupportDb({ databaseUrl: feedback.DATABASE_URL, sqlitePath: feedback.FEEDBACK_DB_PATH }, [
		searchEventTables,
		authTables,
	]);
	const events = searchEventStore(db);
	const allowedOrigins = new Set(feedback.FEEDBACK_ALLOWED_ORIGINS);
	if (feedback.SITE_URL) allowedOrigins.add(new URL(feedback.SITE_URL).origin);
	const purge = (now = Date.now()) =>
		events.purgeBefore(dayOf(now - (config.SEARCH_EVENTS_RETENTION_DAYS - 1) * dayMs));
	await purge();
	const timer = setInterval(
		() => void purge().catch((e: Error) => console.error(`[support] Purging old search counts failed: ${e.message}`)),
		dayMs,
	);
	timer.unref();
	let submissions: Promise<{ store: FeedbackStore; destination: string | null }> | undefined;
	return {
		config,
		feedback,
		feedbackStore() {
			submissions ??= openStore(feedback, { retention: false }).then((store) => ({
				store,
				destination: feedback.FEEDBACK_DESTINATION === 'none' ? null : feedback.FEEDBACK_DESTINATION,
			}));
			submissions.catch(() => (submissions = undefined));
			return submissions;
		},
		db,
		events,
		auth: authStore(db, config),
		eventLimiter: new RateLimiter(config.SEARCH_EVENTS_RATE_LIMIT),
		loginLimiter: new RateLimiter(config.SUPPORT_LOGIN_RATE_LIMIT),
		allowedOrigins,
		purge,
		async close() {
			clearInterval(timer);
			await events.flush();
			await db.close();
			await (await submissions?.catch(() => undefined))?.store.close();
		},
	};
}

// Kept on globalThis: the server entry and Astro's bundle of the pages load this module separately,
// and both must share one runtime (one connection, one set of rate limits) per process.
const slot = Symbol.for('partner-help.support-runtime');
const shared = globalThis as unknown as Record<symbol, Promise<SupportRuntime> | undefined>;

/**
 * The process's support runtime, created on first call. When the database cannot be reached, the
 * next call tries again (a wrong setting fails the same way every time, and stops start-up).
 */
export function getSupportRuntime(): Promise<SupportRuntime> {
	shared[slot] ??= createSupportRuntime().catch((error: unknown) => {
		shared[slot] = undefined;
		throw error;
	});
	return shared[slot];
}

/** For the server's start-up: a wrong setting stops it; an unreachable database is retried with the first request that needs it. */
export async function startSupportRuntime(): Promise<void> {
	try {
		await getSupportRuntime();
	} catch (error) {
		if ((error as Error).name === 'ConfigError') throw error;
		console.error(
			`[support] The support tables cannot be opened yet (${(error as Error).message}); trying again with the next request that needs them.`,
		);
	}
}

/** Stops the support runtime (commits waiting counts, closes the database); for the server's shutdown. */
export async function stopSupportRuntime(): Promise<void> {
	const current = await shared[slot]?.catch(() => undefined);
	shared[slot] = undefined;
	await current?.close();
}
