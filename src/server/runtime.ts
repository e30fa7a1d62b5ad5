/**
 * The feedback server's long-lived parts, created once per process: configuration, store, rate
 * limiter and delivery worker. Started by the server before it listens (main.ts) so that a wrong
 * setting stops it at once and undelivered submissions go out without waiting for a request, and
 * stopped by it on shutdown (stopRuntime).
 */
import type { FeedbackConfig } from '../schemas/feedback-config.ts';
import { readConfig } from './config.ts';
import { submissionLimiter, type SubmissionLimiter } from './guards.ts';
import { helpdeskFor } from './helpdesk/index.ts';
import type { FeedbackStore } from './store.ts';
import { openStore } from './stores/open.ts';
import { startWorker, type Worker } from './worker.ts';

/** What the request handler needs. */
export interface Runtime {
	config: FeedbackConfig;
	store: FeedbackStore;
	limiter: SubmissionLimiter;
	/** The configured destination's name, or null when submissions stay in the store. */
	destination: string | null;
	worker: Worker | null;
	/** Origins allowed to post: the public site and any extra configured ones. */
	allowedOrigins: ReadonlySet<string>;
}

let runtime: Promise<Runtime> | undefined;

async function create(): Promise<Runtime> {
	const config = readConfig();
	const store = await openStore(config);
	const client = helpdeskFor(config);
	const worker = client
		? startWorker({
				store,
				client,
				pollMs: config.FEEDBACK_WORKER_POLL_MS,
				retryBaseMs: config.FEEDBACK_RETRY_BASE_MS,
				retryMaxMs: config.FEEDBACK_RETRY_MAX_MS,
				timeoutMs: config.FEEDBACK_DELIVERY_TIMEOUT_MS,
			})
		: null;
	const allowedOrigins = new Set(config.FEEDBACK_ALLOWED_ORIGINS);
	if (config.SITE_URL) allowedOrigins.add(new URL(config.SITE_URL).origin);
	console.log(
		`[feedback] storing in ${store.engine === 'sqlite' ? `SQLite (${config.FEEDBACK_DB_PATH})` : 'PostgreSQL'}; delivering to ${client?.name ?? 'nowhere (FEEDBACK_DESTINATION=none)'}.`,
	);
	return {
		config,
		store,
		limiter: submissionLimiter(config.FEEDBACK_RATE_LIMIT, config.FEEDBACK_GLOBAL_RATE_LIMIT, store),
		destination: client?.name ?? null,
		worker,
		allowedOrigins,
	};
}

/** The process's runtime, created on first call. */
export function getRuntime(): Promise<Runtime> {
	runtime ??= create();
	return runtime;
}

/**
 * Stops the runtime, if it was started: the worker finishes the delivery in progress, then the store
 * commits what waits and closes. Call it once no request can reach the handler any more.
 */
export async function stopRuntime(): Promise<void> {
	if (!runtime) return;
	const current = await runtime.catch(() => undefined);
	runtime = undefined;
	if (!current) return;
	await current.worker?.stop();
	await current.store.close();
}
