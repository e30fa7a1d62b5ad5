/**
 * npm run bench:feedback: loads the feedback endpoint of the server (src/server/main.ts in front of
 * the built site) from this process over loopback, beside a bare node:http server doing the same
 * SQLite insert, and prints requests per second and p50/p99 latency for both, measured in the same
 * run (alternating rounds).
 * Target: the endpoint keeps at least 0.8× the bare server's throughput, with p99 under 50 ms.
 * Options: --seconds 5 (per round) --rounds 2 --concurrency 16 --sync full|normal (SQLite, both servers)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, load, percentile, projectRoot, serverMain, startProcess, type LoadResult } from './load.ts';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '5' },
		rounds: { type: 'string', default: '2' },
		concurrency: { type: 'string', default: '16' },
		sync: { type: 'string', default: 'full' },
	},
});
const sync = values.sync === 'normal' ? 'normal' : 'full';
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
ensureBuilt();

/** A question, each from a different client address (X-Forwarded-For). */
const question = (i: number): RequestInit => ({
	method: 'POST',
	headers: {
		'content-type': 'application/json',
		accept: 'application/json',
		'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
	},
	body: JSON.stringify({
		kind: 'question',
		question: `How do I change my payout method? (${i})`,
		audience: 'affiliate',
		from: '/faq/payments/',
	}),
});

function summary(results: LoadResult[]) {
	const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const requests = latencies.length;
	const elapsed = results.reduce((s, r) => s + r.elapsedMs, 0);
	const cpu = results.every((r) => r.cpu !== undefined) ? results.reduce((sum, r) => sum + r.cpu!, 0) : undefined;
	return {
		cpuPerRequestUs: cpu === undefined ? undefined : (cpu / requests) * 1e6,
		rps: (requests / elapsed) * 1000,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		requests,
		errors: results.reduce((s, r) => s + r.errors, 0),
	};
}

const dir = mkdtempSync(join(tmpdir(), 'partner-help-bench-'));
const endpoint = await startProcess([serverMain], {
	HOST: '127.0.0.1',
	PORT: '0',
	FEEDBACK_DB_PATH: join(dir, 'endpoint.sqlite'),
	FEEDBACK_TRUSTED_PROXIES: '1',
	// The load comes from many addresses at a rate no help center sees: lift the site-wide ceiling.
	FEEDBACK_GLOBAL_RATE_LIMIT: '1000000',
	FEEDBACK_SQLITE_SYNC: sync,
});
const bare = await startProcess([
	join(projectRoot, 'scripts', 'bench', 'bare-feedback-server.ts'),
	join(dir, 'bare.sqlite'),
	sync,
]);
const targets = { endpoint: `${endpoint.base}/api/feedback/`, bare: `${bare.base}/` };

try {
	const run = (name: 'bare' | 'endpoint', ms: number, pid?: number) =>
		load({ url: targets[name], ms, concurrency, expect: 201, request: question, pid });
	// Warm-up: JIT, prepared statements, connection pools.
	await run('bare', 1000);
	await run('endpoint', 1000);
	const collected: Record<'bare' | 'endpoint', LoadResult[]> = { bare: [], endpoint: [] };
	const measured = async (name: 'bare' | 'endpoint', pid: number | undefined) =>
		collected[name].push(await run(name, seconds * 1000, pid));
	for (let round = 0; round < rounds; round++) {
		await measured('bare', bare.child.pid);
		await measured('endpoint', endpoint.child.pid);
	}
	const b = summary(collected.bare);
	const e = summary(collected.endpoint);
	const row = (name: string, s: ReturnType<typeof summary>) =>
		`${name.padEnd(28)} ${s.rps.toFixed(0).padStart(7)} req/s   p50 ${s.p50.toFixed(2).padStart(6)} ms   p99 ${s.p99.toFixed(2).padStart(6)} ms   ${s.cpuPerRequestUs === undefined ? '' : `server CPU ${s.cpuPerRequestUs.toFixed(0).padStart(4)} µs/req   `}(${s.requests} ok, ${s.errors} errors)`;
	console.log(
		`\nFeedback endpoint benchmark: ${rounds} × ${seconds} s per server, ${concurrency} concurrent requests, ${availableParallelism()} cores, SQLite WAL + synchronous=${sync.toUpperCase()}\n`,
	);
	console.log(row('bare node:http + insert', b));
	console.log(row('endpoint (guarded, validated)', e));
	const ratio = e.rps / b.rps;
	console.log(
		`\nthroughput ratio endpoint/bare: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'NOT met'}); endpoint p99 ${e.p99.toFixed(1)} ms (target < 50 ms: ${e.p99 < 50 ? 'met' : 'NOT met'})`,
	);
} finally {
	endpoint.child.kill();
	bare.child.kill();
	rmSync(dir, { recursive: true, force: true });
}
