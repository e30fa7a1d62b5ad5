import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './fixtures.ts';

/** A running server (src/server/main.ts in front of the built site) and what it printed. */
export interface RunningServer {
	base: string;
	child: ChildProcess;
	log: () => string;
	/** SIGTERM (a graceful shutdown) and waits for the exit. */
	stop(): Promise<void>;
	/** SIGKILL: no shutdown code runs, as in a crash. */
	kill9(): Promise<void>;
}

/** The server's entry in a project (or a fixture copy of it), which serves that project's dist/. */
export const serverEntry = (root = projectRoot) => join(root, 'src', 'server', 'main.ts');

/** A fresh directory under the system's temp dir. */
/** A server's worker polling and retrying quickly, and rate limits out of a test's way. */
export const fastDeliveryEnv = {
	FEEDBACK_WORKER_POLL_MS: '50',
	FEEDBACK_RETRY_BASE_MS: '100',
	FEEDBACK_RATE_LIMIT: '1000',
	FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
};

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `partner-help-${prefix}-`));

/**
 * Starts the real built server on 127.0.0.1 with a free port (or `port`) and the given environment,
 * and waits until it listens. Rejects with its output when it exits first. `root`: another built
 * project (a fixture site).
 */
export function startServer(
	env: Record<string, string | undefined>,
	port = 0,
	root = projectRoot,
): Promise<RunningServer> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [serverEntry(root)], {
			env: { ...process.env, DATABASE_URL: undefined, HOST: '127.0.0.1', PORT: String(port), ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let log = '';
		const exited = new Promise<void>((done) => child.once('exit', () => done()));
		const onData = (chunk: Buffer) => {
			log += chunk;
			const match = /listening on (http:\/\/[^\s]+)/i.exec(log);
			if (match)
				resolve({
					base: match[1]!.replace(/\/$/, ''),
					child,
					log: () => log,
					async stop() {
						if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
						await exited;
					},
					async kill9() {
						if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
						await exited;
					},
				});
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.on('exit', (code) => reject(new Error(`The server stopped (exit ${code}) before listening:\n${log}`)));
	});
}

/** Posts JSON to the feedback endpoint. */
export function postJson(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${base}/api/feedback/`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** Posts URL-encoded form fields, as a browser without JavaScript does. */
export function postForm(
	base: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Response> {
	return fetch(`${base}/api/feedback/`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});
}
