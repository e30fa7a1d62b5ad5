/**
 * The production server (`npm start`, `npm run serve`): a node:http server in front of the built site.
 * It answers the feedback API and the built files itself and hands the rest to Astro's handler
 * (the Node adapter in middleware mode, dist/server/entry.mjs). It starts the feedback runtime before
 * it listens, so a wrong setting stops it at once, and stops it on SIGTERM/SIGINT (shutdown.ts).
 *
 * Run it with Node from the project (or a copy of the project with its own dist/): node src/server/main.ts
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp, type AstroHandler } from './app.ts';
import { limitConnectionsPerClient } from './connection-limit.ts';
import { getRuntime, stopRuntime } from './runtime.ts';
import { startSupportRuntime, stopSupportRuntime } from './search-events/runtime.ts';
import { cspDirectives, rawSecurityHeaders } from './security-headers.ts';
import { readServerOptions } from './server-options.ts';
import { handleShutdown } from './shutdown.ts';
import { StaticFiles } from './static-files.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const options = (() => {
	try {
		return readServerOptions();
	} catch (error) {
		return fail((error as Error).message);
	}
})();
if (!existsSync(join(dist, 'server', 'entry.mjs')))
	fail(`The site is not built: ${join(dist, 'server', 'entry.mjs')} is missing. Run npm run build first.`);

const runtime = await getRuntime().catch((error: Error) =>
	fail(error.name === 'ConfigError' ? error.message : `The feedback server cannot start: ${error.message}`),
);
// Search events and the support dashboard: a wrong setting stops start-up too.
await startSupportRuntime().catch((error: Error) => fail(error.message));
const files = new StaticFiles(
	join(dist, 'client'),
	StaticFiles.readPolicies(join(dist, '_headers.json')),
	`${cspDirectives.join('; ')}; script-src 'self'; style-src 'self'`,
);
const { handler: astro } = (await import(pathToFileURL(join(dist, 'server', 'entry.mjs')).href)) as {
	handler: AstroHandler;
};

const state = { stopping: false };
const server = createServer(
	{
		headersTimeout: options.SERVER_HEADERS_TIMEOUT_MS,
		requestTimeout: options.SERVER_REQUEST_TIMEOUT_MS,
		keepAliveTimeout: options.SERVER_KEEP_ALIVE_TIMEOUT_MS,
		// How often Node checks the two timeouts above (its default, 30 s, would let them run late).
		connectionsCheckingInterval: 1000,
	},
	createApp({ files, astro, runtime, limits: { bodyTimeoutMs: options.SERVER_BODY_TIMEOUT_MS }, state }),
);
// A socket with no traffic at all (not even a slow body) is closed after this.
server.setTimeout(options.SERVER_REQUEST_TIMEOUT_MS);
limitConnectionsPerClient(server, options.SERVER_MAX_CONNECTIONS_PER_CLIENT);
// A client that breaks the protocol or drops its connection gets a 400 (when it can still read one), and no log line.
server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
	if (!socket.writable || error.code === 'ECONNRESET') {
		socket.destroy();
		return;
	}
	const status =
		error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
			? '408 Request Timeout'
			: error.code === 'HPE_HEADER_OVERFLOW'
				? '431 Request Header Fields Too Large'
				: // A method node:http's parser does not know at all.
					error.code === 'HPE_INVALID_METHOD'
					? '501 Not Implemented'
					: '400 Bad Request';
	socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n${rawSecurityHeaders()}\r\n`);
});
// CONNECT never reaches the request handler in node:http: refuse it here, as TRACE is.
server.on('connect', (req, socket) => {
	socket.end(
		`HTTP/1.1 405 Method Not Allowed\r\nallow: GET, HEAD, POST\r\nconnection: close\r\ncontent-length: 0\r\n${rawSecurityHeaders()}\r\n`,
	);
	req.destroy();
});
handleShutdown(server, {
	timeoutMs: options.SERVER_SHUTDOWN_TIMEOUT_MS,
	state,
	stop: () => Promise.all([stopRuntime(), stopSupportRuntime()]).then(() => {}),
});

server.once('error', (error: Error) =>
	fail(`The server cannot listen on ${options.HOST}:${options.PORT}: ${error.message}`),
);
server.listen(options.PORT, options.HOST, () => {
	const address = server.address();
	const where =
		typeof address === 'object' && address
			? (address.family === 'IPv6' ? `[${address.address}]` : address.address) + `:${address.port}`
			: String(address);
	console.log(`[server] ${files.size} files from dist/client; listening on http://${where}/`);
});
