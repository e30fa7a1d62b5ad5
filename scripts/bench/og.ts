/**
 * What share images add to the build time. Copies the project into a throw-away folder,
 * adds synthetic guide pages (never in src/content), builds it once to warm Astro's own caches,
 * then per round with OG_IMAGES=off, with an empty image cache (cold) and with the cache that
 * build filled (warm). Prints wall times, images rendered and reused, and the time added per
 * page and for 500 pages (best round of each kind).
 * Usage: npm run bench:og [-- --pages 500 --runs 2 --keep]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		pages: { type: 'string', default: '500' },
		runs: { type: 'string', default: '2' },
		keep: { type: 'boolean', default: false },
	},
});
const synthetic = Number(values.pages);
if (!Number.isInteger(synthetic) || synthetic < 1)
	throw new Error(`--pages must be a whole number of pages above 0, received "${values.pages}".`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
	throw new Error(`--runs must be a whole number above 0, received "${values.runs}".`);

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
// Inside the project, so that packages resolve from its node_modules as they do for the real site.
mkdirSync(join(projectRoot, '.fixture-builds'), { recursive: true });
const root = mkdtempSync(join(projectRoot, '.fixture-builds', 'bench-og-'));
// One empty cache per round, so that each round's first build with images is cold.
const cacheDirs = Array.from({ length: runs }, () => mkdtempSync(join(tmpdir(), 'partner-help-og-bench-')));
for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'])
	cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });

const audiences = ['affiliate', 'customer', 'advertiser', undefined];
const subjects = [
	'payout threshold',
	'tracking links',
	'coupon codes',
	'refund timing',
	'postback setup',
	'tax forms',
	'brand bidding',
	'sub-IDs',
];
const dir = join(root, 'src', 'content', 'docs', 'bench');
mkdirSync(dir, { recursive: true });
for (let i = 1; i <= synthetic; i++) {
	const audience = audiences[i % audiences.length];
	const subject = subjects[i % subjects.length];
	writeFileSync(
		join(dir, `page-${String(i).padStart(4, '0')}.mdx`),
		[
			'---',
			`title: "How ${subject} works, case ${i}"`,
			`description: "Synthetic guide ${i} about ${subject}, for the share-image benchmark."`,
			...(audience ? [`audience: ${audience}`] : []),
			'---',
			'',
			`This guide explains ${subject} in case ${i}. `.repeat(20),
			'',
			'## Steps',
			'',
			'1. Open the dashboard.\n2. Check the settings.\n3. Save.',
			'',
		].join('\n'),
	);
}

interface Run {
	label: string;
	seconds: number;
	rendered?: number;
	reused?: number;
	imageMs?: number;
	pages: number;
}

function build(label: string, env: Record<string, string>, cacheDir: string): Promise<Run> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root],
			{
				cwd: root,
				env: {
					...process.env,
					ASTRO_TELEMETRY_DISABLED: '1',
					NO_COLOR: '1',
					FORCE_COLOR: '0',
					OG_CACHE_DIR: cacheDir,
					...env,
				},
			},
		);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0)
				return reject(
					new Error(`Failed to build the benchmark site (${label}), exit code ${code}:\n${output.slice(-4000)}`),
				);
			const seconds = (performance.now() - started) / 1000;
			const images = /share images: (\d+) rendered, (\d+) reused in (\d+) ms/.exec(output);
			const pages = Number(/Found (\d+) HTML files/.exec(output)?.[1] ?? NaN);
			resolve({
				label,
				seconds,
				pages,
				...(images ? { rendered: Number(images[1]), reused: Number(images[2]), imageMs: Number(images[3]) } : {}),
			});
		});
	});
}

try {
	console.log(
		`Building ${synthetic} synthetic pages plus the real ones on ${availableParallelism()} CPUs: one warm-up build, then ${runs} rounds of (off, cold, warm). Load average (1 min): ${loadavg()[0]!.toFixed(1)}.`,
	);
	// The first build of a fresh copy also fills Astro's content store and Vite's caches; it is not counted.
	await build('warm-up', { OG_IMAGES: 'off' }, cacheDirs[0]!);
	const byKind: Record<'off' | 'cold' | 'warm', Run[]> = { off: [], cold: [], warm: [] };
	for (let round = 0; round < runs; round++) {
		const cache = cacheDirs[round]!;
		for (const [kind, env] of [
			['off', { OG_IMAGES: 'off' }],
			['cold', { OG_IMAGES: 'on' }],
			['warm', { OG_IMAGES: 'on' }],
		] as const) {
			const run = await build(`${kind} ${round + 1}`, env, cache);
			byKind[kind].push(run);
			console.log(
				`  ${run.label.padEnd(8)} ${run.seconds.toFixed(1).padStart(6)} s${run.rendered === undefined ? '   OG_IMAGES=off' : `   ${run.rendered} rendered, ${run.reused} reused, image step ${(run.imageMs! / 1000).toFixed(2)} s`}`,
			);
		}
	}
	// Best of the rounds: on a shared machine other work only ever adds time.
	const best = (kind: keyof typeof byKind) => byKind[kind].reduce((a, b) => (b.seconds < a.seconds ? b : a));
	const [off, cold, warm] = [best('off'), best('cold'), best('warm')];
	const pages = cold.pages;
	const perPage = (seconds: number) => (seconds / pages) * 1000;
	const signed = (n: number, digits: number) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(digits)}`;
	const line = (label: string, added: number) =>
		`  ${label.padEnd(11)} ${signed(added, 1)} s for ${pages} pages = ${signed(perPage(added), 1)} ms per page = ${signed((perPage(added) * 500) / 1000, 1)} s for 500 pages`;
	console.log(
		`\nPages built: ${pages} (${synthetic} synthetic). Best wall times: off ${off.seconds.toFixed(1)} s, cold ${cold.seconds.toFixed(1)} s, warm ${warm.seconds.toFixed(1)} s.`,
	);
	console.log('Added build time (best with images minus best without):');
	console.log(line('cold cache', cold.seconds - off.seconds));
	console.log(line('warm cache', warm.seconds - off.seconds));
	const step = (kind: 'cold' | 'warm') => Math.min(...byKind[kind].map((r) => r.imageMs!)) / 1000;
	console.log(
		`Image step alone (timed inside the build, best of ${runs}): cold ${step('cold').toFixed(2)} s (${((step('cold') / pages) * 1000).toFixed(1)} ms per page, ${((step('cold') / pages) * 500).toFixed(1)} s for 500 pages), warm ${step('warm').toFixed(2)} s.`,
	);
	// Other work on the machine shows up in every figure above; say how busy it was.
	console.log(`Load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs.`);
	const leaks = byKind.warm.filter((r) => r.rendered !== 0);
	if (leaks.length)
		console.log(`WARNING: a warm build rendered ${leaks[0]!.rendered} images; the cache did not hold them all.`);
} finally {
	if (values.keep) console.log(`Kept ${root} and ${cacheDirs.join(', ')}.`);
	else for (const dir of [root, ...cacheDirs]) rmSync(dir, { recursive: true, force: true });
}
