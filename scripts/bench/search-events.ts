/**
 * npm run bench:search-events: loads POST /api/search-events/ of the server (src/server/main.ts) from this
 * process over loopback, with batches as the browser sends them (text/plain, 20 events of varied
 * queries, some masked, some with filters, opened results or asks), and prints events per second,
 * requests per second and p50/p99 latency per request, plus the server's CPU time per event.
 * Target on 2 cores: at least 2,000 events/s, p99 under 50 ms.
 * Options: --seconds 10  --concurrency 8  --batch 20  (DATABASE_URL=postgres://… measures PostgreSQL)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuilt, load, percentile, serverMain, startProcess } from './load.ts';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '10' },
		concurrency: { type: 'string', default: '8' },
		batch: { type: 'string', default: '20' },
		serve: { type: 'boolean', default: false },
	},
});

// --serve: the node:http door alone (what a server entry routing /api/search-events/ itself runs), for comparison.
if (values.serve) {
	const { createServer } = await import('node:http');
	const { handleSearchEvents } = await import('../../src/server/search-events/handler.ts');
	const { createSupportRuntime } = await import('../../src/server/search-events/runtime.ts');
	const runtime = await createSupportRuntime();
	const http = createServer((req, res) => void handleSearchEvents(req, res, runtime));
	http.listen(0, '127.0.0.1', () =>
		console.log(`listening on http://127.0.0.1:${(http.address() as { port: number }).port}`),
	);
	await new Promise(() => {});
}
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const batch = Math.min(50, Number(values.batch));

ensureBuilt();

const words =
	'payout threshold commission rate cookie window refund return exchange tracking link coupon code tax form dispute conversion postback warranty shipping invoice sub id'.split(
		' ',
	);
const audiences = ['affiliate', 'customer', 'advertiser'];
/** A batch like a real one: 1–4 words, some with an order number or email (masked), filters, opens and asks now and then. */
function makeBatch(seed: number): string {
	const events = Array.from({ length: batch }, (_, j) => {
		const n = seed * batch + j;
		const length = 1 + (n % 4);
		const query =
			Array.from({ length }, (_, k) => words[(n * 7 + k * 13) % words.length]).join(' ') +
			(n % 17 === 0 ? ` order ${40_000_000 + n}` : n % 23 === 0 ? ` me${n}@example.com` : '');
		return {
			query,
			results: n % 5 === 0 ? 0 : n % 12,
			...(n % 3 === 0 ? { filters: { audience: audiences[n % 3] } } : {}),
			...(n % 7 === 0 ? { opened: `/faq/payments/#q-${n % 40}` } : {}),
			...(n % 11 === 0 ? { asked: true } : {}),
		};
	});
	return JSON.stringify({ events });
}

const dir = mkdtempSync(join(tmpdir(), 'partner-help-bench-events-'));
const astro = await startProcess([serverMain], {
	HOST: '127.0.0.1',
	PORT: '0',
	FEEDBACK_DB_PATH: join(dir, 'astro.sqlite'),
	SEARCH_EVENTS_RATE_LIMIT: '1000000',
});
const door = await startProcess([fileURLToPath(import.meta.url), '--serve'], {
	FEEDBACK_DB_PATH: join(dir, 'node.sqlite'),
	SEARCH_EVENTS_RATE_LIMIT: '1000000',
});

/** Batches of search events, as the browser sends them (text/plain, from the site's own origin). */
const run = (base: string, ms: number, pid?: number) =>
	load({
		url: `${base}/api/search-events/`,
		ms,
		concurrency,
		expect: 204,
		pid,
		request: (n) => ({
			method: 'POST',
			headers: { 'content-type': 'text/plain;charset=UTF-8', origin: base },
			body: makeBatch(n),
		}),
	});

try {
	console.log(
		`\nSearch-event endpoint: ${seconds} s per server, ${concurrency} requests in flight, ${batch} events a batch, ${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)}), ${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'SQLite WAL'}\n`,
	);
	let met = true;
	for (const [name, server] of [
		['server (src/server/main.ts)', astro],
		['node:http door (handleSearchEvents)', door],
	] as const) {
		await run(server.base, 2000); // warm-up: JIT, prepared statements
		const r = await run(server.base, seconds * 1000, server.child.pid);
		const requests = r.latencies.length;
		const events = requests * batch;
		const eps = (events / r.elapsedMs) * 1000;
		const p99 = percentile(r.latencies, 99);
		const cpu = r.cpu === undefined ? undefined : (r.cpu / events) * 1e6;
		console.log(
			`${name.padEnd(38)} ${eps.toFixed(0).padStart(6)} events/s (${((requests / r.elapsedMs) * 1000).toFixed(0)} req/s)   p50 ${percentile(r.latencies, 50).toFixed(2).padStart(6)} ms   p99 ${p99.toFixed(2).padStart(6)} ms   ${cpu === undefined ? '' : `server CPU ${cpu.toFixed(1)} µs/event   `}(${requests} batches ok, ${r.errors} errors)`,
		);
		if (name.startsWith('server')) met = eps >= 2000 && p99 < 50;
		if (name.startsWith('server')) console.log(`  target ≥ 2,000 events/s and p99 < 50 ms: ${met ? 'met' : 'NOT met'}`);
	}
	console.log(
		`\nload average now ${loadavg()[0]!.toFixed(1)}: on a busy machine the latencies measure the queue for a core as much as the endpoint; the server CPU per event does not.`,
	);
} finally {
	astro.child.kill();
	door.child.kill();
	rmSync(dir, { recursive: true, force: true });
}
