/**
 * Graceful shutdown on SIGTERM and SIGINT: stop accepting connections, let the requests in flight
 * finish (each answer then closes its connection; idle keep-alive connections close at once), cut
 * what is left after the timeout, then stop the feedback runtime (the worker finishes its delivery,
 * the store commits and closes) and exit 0. A second signal cuts the connections at once.
 */
import type { Server } from 'node:http';

export interface ShutdownOptions {
	timeoutMs: number;
	/** Flipped to true as shutdown begins. */
	state: { stopping: boolean };
	/** Runs once every connection is closed. */
	stop: () => Promise<void>;
	log?: (message: string) => void;
}

export function handleShutdown(server: Server, options: ShutdownOptions): void {
	const { timeoutMs, state, stop, log = (m) => console.log(`[server] ${m}`) } = options;
	let closing: Promise<void> | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		if (closing) {
			log(`${signal} again: closing the remaining connections now.`);
			server.closeAllConnections();
			return;
		}
		state.stopping = true;
		log(`${signal}: no new connections; finishing the requests in flight (at most ${Math.round(timeoutMs / 1000)} s).`);
		const cut = setTimeout(() => {
			log('Requests still in flight after the shutdown timeout: closing their connections.');
			server.closeAllConnections();
		}, timeoutMs);
		closing = new Promise<void>((done) => server.close(() => done()))
			.then(() => {
				clearTimeout(cut);
				return stop();
			})
			.then(
				() => {
					log('Stopped.');
					process.exit(0);
				},
				(error: Error) => {
					console.error(`[server] Shutdown failed: ${error.message}`);
					process.exit(1);
				},
			);
		server.closeIdleConnections();
	};
	process.on('SIGTERM', onSignal);
	process.on('SIGINT', onSignal);
}
