/**
 * FEEDBACK_RETENTION_DAYS: submissions older than that are purged, shortly after start-up and then
 * every hour. The purge works in small batches (see the stores), so the server keeps answering.
 */
import type { FeedbackStore } from '../store.ts';

/** How often the retention purge runs. */
export const retentionIntervalMs = 3_600_000;
/** Delay before the first run: start-up is not slowed, and a quick restart loop does not purge each time. */
export const retentionFirstRunMs = 5_000;

export interface Retention {
	/** Stops the timer and waits for a purge in progress. */
	stop(): Promise<void>;
}

/** Starts purging submissions older than `days` days. */
export function startRetention(
	store: FeedbackStore,
	days: number,
	log: (message: string) => void = (m) => console.log(`[feedback] ${m}`),
	firstRunMs = retentionFirstRunMs,
): Retention {
	let running: Promise<void> | undefined;
	let stopped = false;
	const run = () => {
		if (stopped || running) return;
		running = store
			.purge({ before: Date.now() - days * 86_400_000 })
			.then((removed) => {
				if (removed > 0)
					log(`Retention: deleted ${removed} submission${removed === 1 ? '' : 's'} older than ${days} days.`);
			})
			.catch((error: Error) => log(`Retention: the purge failed and runs again in an hour: ${error.message}`))
			.finally(() => (running = undefined));
	};
	const first = setTimeout(run, firstRunMs);
	const every = setInterval(run, retentionIntervalMs);
	// The timers must not keep a stopping process alive.
	first.unref();
	every.unref();
	return {
		async stop() {
			stopped = true;
			clearTimeout(first);
			clearInterval(every);
			await running;
		},
	};
}
