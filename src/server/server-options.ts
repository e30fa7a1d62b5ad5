/**
 * The server's own settings (address, timeouts, limits), read from the environment once at start-up.
 * A wrong value stops the server with the variable's name and what was expected, as the feedback
 * settings do (src/schemas/feedback-config.ts).
 */
import { z } from 'astro/zod';
import { int, unset } from '../schemas/env.ts';

export const serverOptionsSchema = z.object({
	/** Address to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface). */
	HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
	/** Port to listen on (default 4321; 0 picks a free one). */
	PORT: int('PORT', 0, 65_535, 4321),
	/** Time a client has to send its request headers (default 10000 ms). */
	SERVER_HEADERS_TIMEOUT_MS: int('SERVER_HEADERS_TIMEOUT_MS', 1000, 600_000, 10_000),
	/** Time a client has to send a feedback body or a batch of search events once its headers are in (default 10000 ms); later, 408. */
	SERVER_BODY_TIMEOUT_MS: int('SERVER_BODY_TIMEOUT_MS', 1000, 600_000, 10_000),
	/** Time a whole request may take to arrive, whatever the route (default 30000 ms). */
	SERVER_REQUEST_TIMEOUT_MS: int('SERVER_REQUEST_TIMEOUT_MS', 1000, 600_000, 30_000),
	/** How long an idle keep-alive connection stays open (default 5000 ms). */
	SERVER_KEEP_ALIVE_TIMEOUT_MS: int('SERVER_KEEP_ALIVE_TIMEOUT_MS', 100, 600_000, 5000),
	/**
	 * Open connections allowed from one address (default 64; 0 for no limit). Behind a reverse proxy
	 * every connection comes from the proxy: set 0 there and let the proxy limit its clients.
	 */
	SERVER_MAX_CONNECTIONS_PER_CLIENT: int('SERVER_MAX_CONNECTIONS_PER_CLIENT', 0, 1_000_000, 64),
	/** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut (default 10000 ms). */
	SERVER_SHUTDOWN_TIMEOUT_MS: int('SERVER_SHUTDOWN_TIMEOUT_MS', 0, 600_000, 10_000),
});

export type ServerOptions = z.infer<typeof serverOptionsSchema>;

/** Reads the options, or throws an Error whose message lists every wrong variable. */
export function readServerOptions(env: NodeJS.ProcessEnv = process.env): ServerOptions {
	const parsed = serverOptionsSchema.safeParse(env);
	if (parsed.success) return parsed.data;
	throw new Error(`The server cannot start:\n${parsed.error.issues.map((i) => `  - ${i.message}`).join('\n')}`);
}
