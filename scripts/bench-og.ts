/**
 * What share images add to the build time. Copies the project into a throw-away folder,
 * adds synthetic guide pages (never in src/content), and builds it with OG_IMAGES=off,
 * with an empty image cache (cold), with the cache that build filled (warm), then off again.
 * Prints wall times, images rendered and reused, and the time added per page and for 500 pages.
 * Usage: npm run bench:og [-- --pages 500] [-- --keep]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '500' }, keep: { type: 'boolean', default: false } } });
const synthetic = Number(values.pages);
if (!Number.isInteger(synthetic) || synthetic < 1) throw new Error(`--pages must be a whole number of pages above 0, received "${values.pages}".`);

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
// Inside the project, so that packages resolve from its node_modules as they do for the real site.
mkdirSync(join(projectRoot, '.fixture-builds'), { recursive: true });
const root = mkdtempSync(join(projectRoot, '.fixture-builds', 'bench-og-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'partner-help-og-bench-'));
for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });

const audiences = ['affiliate', 'customer', 'advertiser', undefined];
const subjects = ['payout threshold', 'tracking links', 'coupon codes', 'refund timing', 'postback setup', 'tax forms', 'brand bidding', 'sub-IDs'];
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

function build(label: string, env: Record<string, string>): Promise<Run> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', OG_CACHE_DIR: cacheDir, ...env },
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`Failed to build the benchmark site (${label}), exit code ${code}:\n${output.slice(-4000)}`));
			const seconds = (performance.now() - started) / 1000;
			const images = /share images: (\d+) rendered, (\d+) reused in (\d+) ms/.exec(output);
			const pages = Number(/Found (\d+) HTML files/.exec(output)?.[1] ?? NaN);
			resolve({ label, seconds, pages, ...(images ? { rendered: Number(images[1]), reused: Number(images[2]), imageMs: Number(images[3]) } : {}) });
		});
	});
}

try {
	console.log(`Building ${synthetic} synthetic pages plus the real ones, ${availableParallelism()} CPUs, four builds in a row…`);
	const runs: Run[] = [];
	for (const [label, env] of [
		['OG_IMAGES=off (1)', { OG_IMAGES: 'off' }],
		['cold image cache', { OG_IMAGES: 'on' }],
		['warm image cache', { OG_IMAGES: 'on' }],
		['OG_IMAGES=off (2)', { OG_IMAGES: 'off' }],
	] as const) {
		const run = await build(label, env);
		runs.push(run);
		console.log(`  ${label.padEnd(20)} ${run.seconds.toFixed(1).padStart(6)} s${run.rendered === undefined ? '' : `   ${run.rendered} rendered, ${run.reused} reused, image step ${(run.imageMs! / 1000).toFixed(2)} s`}`);
	}
	const [off1, cold, warm, off2] = runs as [Run, Run, Run, Run];
	const baseline = (off1.seconds + off2.seconds) / 2;
	const pages = cold.pages;
	const perPage = (seconds: number) => (seconds / pages) * 1000;
	const signed = (n: number, digits: number) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(digits)}`;
	const line = (label: string, added: number) =>
		`  ${label.padEnd(20)} ${signed(added, 1)} s wall for ${pages} pages = ${signed(perPage(added), 1)} ms per page = ${signed((perPage(added) * 500) / 1000, 1)} s for 500 pages`;
	console.log(`\nPages built: ${pages} (${synthetic} synthetic). Baseline without images: ${baseline.toFixed(1)} s (mean of the two OG_IMAGES=off builds).`);
	console.log('Added build time:');
	console.log(line('cold cache', cold.seconds - baseline));
	console.log(line('warm cache', warm.seconds - baseline));
	console.log(`Image step alone (from the build log): cold ${(cold.imageMs! / 1000).toFixed(2)} s (${(cold.imageMs! / pages).toFixed(1)} ms per image), warm ${(warm.imageMs! / 1000).toFixed(2)} s.`);
	if (warm.rendered !== 0) console.log(`WARNING: the warm build rendered ${warm.rendered} images; the cache did not hold them all.`);
} finally {
	if (values.keep) console.log(`Kept ${root} and ${cacheDir}.`);
	else {
		rmSync(root, { recursive: true, force: true });
		rmSync(cacheDir, { recursive: true, force: true });
	}
}
