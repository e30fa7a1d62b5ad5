/**
 * What the endpoint benchmarks share: building the site when it is missing, starting a server
 * process and waiting until it listens, keeping requests in flight for a while, and reading the
 * latencies and the server's CPU time back out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverMain = join(projectRoot, 'src', 'server', 'main.ts');

/** Builds the site first when `dist/` has no server entry. */
export function ensureBuilt(): void {
	if (existsSync(join(projectRoot, 'dist', 'server', 'entry.mjs'))) return;
	console.log('The site is not built yet: building it first (npm run build).');
	if (spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' }).status !== 0) process.exit(1);
}

export interface StartedServer {
	/** http://127.0.0.1:PORT, without a trailing slash. */
	base: string;
	child: ChildProcess;
}

/** Runs `node ARGS` and resolves once it prints "listening on http://…"; rejects with its output if it exits first. */
export function startProcess(args: string[], env: Record<string, string> = {}): Promise<StartedServer> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		const onData = (c: Buffer) => {
			log += c;
			const m = /listening on (http:\/\/[^\s]+)/i.exec(log);
			if (m) resolve({ base: m[1]!.replace(/\/$/, ''), child });
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) =>
			reject(new Error(`${args.join(' ')} stopped (exit ${code}) before listening:\n${log}`)),
		);
	});
}

/** CPU seconds a process has used (user + system), from /proc on Linux; undefined elsewhere. */
export function cpuSeconds(pid: number | undefined): number | undefined {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

export interface LoadResult {
	/** Latencies of the answered requests in milliseconds, sorted. */
	latencies: number[];
	/** Requests answered with another status, or not at all. */
	errors: number;
	elapsedMs: number;
	/** The server's CPU seconds over the run, when `pid` was given and /proc could tell. */
	cpu?: number | undefined;
}

export interface LoadOptions {
	url: string;
	ms: number;
	concurrency: number;
	/** The status a good answer has (201 for a submission, 204 for search events). */
	expect: number;
	/** The n-th request's method, headers and body. */
	request(n: number): RequestInit;
	/** The server process, whose CPU time is measured over the run. */
	pid?: number | undefined;
}

/** Keeps `concurrency` requests in flight for `ms`, each made by `request(n)`. */
export async function load(options: LoadOptions): Promise<LoadResult> {
	const latencies: number[] = [];
	let errors = 0;
	let n = 0;
	const cpuBefore = cpuSeconds(options.pid);
	const started = performance.now();
	const until = started + options.ms;
	await Promise.all(
		Array.from({ length: options.concurrency }, async () => {
			while (performance.now() < until) {
				const init = options.request(n++);
				const t = performance.now();
				try {
					const response = await fetch(options.url, init);
					await response.arrayBuffer();
					if (response.status === options.expect) latencies.push(performance.now() - t);
					else errors++;
				} catch {
					errors++;
				}
			}
		}),
	);
	const elapsedMs = performance.now() - started;
	const cpuAfter = cpuSeconds(options.pid);
	return {
		latencies: latencies.sort((a, b) => a - b),
		errors,
		elapsedMs,
		cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
	};
}

/** The p-th percentile of sorted numbers (NaN for none). */
export const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
