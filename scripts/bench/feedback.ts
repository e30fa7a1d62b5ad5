/**
 * npm run bench:feedback: loads the feedback endpoint of the server (src/server/main.ts in front of
 * the built site) from this process over loopback, beside a bare node:http server doing the same
 * SQLite insert, and prints requests per second and p50/p99 latency for both, measured in the same
 * run (alternating rounds).
 * Target: the endpoint keeps at least 0.8× the bare server's throughput, with p99 under 50 ms.
 * Options: --seconds 5 (per round) --rounds 2 --concurrency 16 --sync full|normal (SQLite, both servers)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' }, concurrency: { type: 'string', default: '16' }, sync: { type: 'string', default: 'full' } } });
const sync = values.sync === 'normal' ? 'normal' : 'full';
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

if (!existsSync(join(root, 'dist', 'server', 'entry.mjs'))) {
	console.log('The site is not built yet: building it first (npm run build).');
	if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

function start(args: string[], env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
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
		child.once('exit', (code) => reject(new Error(`A server stopped (exit ${code}) before listening:\n${log}`)));
	});
}

/** CPU seconds a process has used (user + system), from /proc on Linux; undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

interface Result {
	cpu?: number | undefined;
	requests: number;
	errors: number;
	latencies: number[];
	elapsedMs: number;
}

/** Keeps `concurrency` requests in flight for `ms`; each from a different client address (X-Forwarded-For). */
async function load(url: string, ms: number): Promise<Result> {
	const latencies: number[] = [];
	let errors = 0;
	let n = 0;
	const started = performance.now();
	const until = started + ms;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < until) {
				const i = n++;
				const body = JSON.stringify({ kind: 'question', question: `How do I change my payout method? (${i})`, audience: 'affiliate', from: '/faq/payments/' });
				const t = performance.now();
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
						body,
					});
					await response.arrayBuffer();
					if (response.status === 201) latencies.push(performance.now() - t);
					else errors++;
				} catch {
					errors++;
				}
			}
		}),
	);
	return { requests: latencies.length, errors, latencies, elapsedMs: performance.now() - started };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summary(results: Result[]) {
	const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const requests = results.reduce((s, r) => s + r.requests, 0);
	const elapsed = results.reduce((s, r) => s + r.elapsedMs, 0);
	const cpu = results.every((r) => r.cpu !== undefined) ? results.reduce((sum, r) => sum + r.cpu!, 0) : undefined;
	return { cpuPerRequestUs: cpu === undefined ? undefined : (cpu / requests) * 1e6, rps: (requests / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests, errors: results.reduce((s, r) => s + r.errors, 0) };
}

const dir = mkdtempSync(join(tmpdir(), 'partner-help-bench-'));
const endpoint = await start([join(root, 'src', 'server', 'main.ts')], {
	HOST: '127.0.0.1',
	PORT: '0',
	FEEDBACK_DB_PATH: join(dir, 'endpoint.sqlite'),
	FEEDBACK_TRUSTED_PROXIES: '1',
	// The load comes from many addresses at a rate no help center sees: lift the site-wide ceiling.
	FEEDBACK_GLOBAL_RATE_LIMIT: '1000000',
	FEEDBACK_SQLITE_SYNC: sync,
});
const bare = await start([join(root, 'scripts', 'bench', 'bare-feedback-server.ts'), join(dir, 'bare.sqlite'), sync], {});
const targets = { endpoint: `${endpoint.base}/api/feedback/`, bare: `${bare.base}/` };

try {
	// Warm-up: JIT, prepared statements, connection pools.
	await load(targets.bare, 1000);
	await load(targets.endpoint, 1000);
	const collected: Record<'bare' | 'endpoint', Result[]> = { bare: [], endpoint: [] };
	const measured = async (name: 'bare' | 'endpoint', pid: number | undefined) => {
		const before = cpuSeconds(pid);
		const result = await load(targets[name], seconds * 1000);
		const after = cpuSeconds(pid);
		collected[name].push({ ...result, cpu: before === undefined || after === undefined ? undefined : after - before });
	};
	for (let round = 0; round < rounds; round++) {
		await measured('bare', bare.child.pid);
		await measured('endpoint', endpoint.child.pid);
	}
	const b = summary(collected.bare);
	const e = summary(collected.endpoint);
	const row = (name: string, s: ReturnType<typeof summary>) =>
		`${name.padEnd(28)} ${s.rps.toFixed(0).padStart(7)} req/s   p50 ${s.p50.toFixed(2).padStart(6)} ms   p99 ${s.p99.toFixed(2).padStart(6)} ms   ${s.cpuPerRequestUs === undefined ? '' : `server CPU ${s.cpuPerRequestUs.toFixed(0).padStart(4)} µs/req   `}(${s.requests} ok, ${s.errors} errors)`;
	console.log(`\nFeedback endpoint benchmark: ${rounds} × ${seconds} s per server, ${concurrency} concurrent requests, ${availableParallelism()} cores, SQLite WAL + synchronous=${sync.toUpperCase()}\n`);
	console.log(row('bare node:http + insert', b));
	console.log(row('endpoint (guarded, validated)', e));
	const ratio = e.rps / b.rps;
	console.log(`\nthroughput ratio endpoint/bare: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'NOT met'}); endpoint p99 ${e.p99.toFixed(1)} ms (target < 50 ms: ${e.p99 < 50 ? 'met' : 'NOT met'})`);
} finally {
	endpoint.child.kill();
	bare.child.kill();
	rmSync(dir, { recursive: true, force: true });
}
