/**
 * Page speed in a real browser: Lighthouse's performance metrics (LCP, CLS, TBT) for one page of
 * each kind, run against Debian's Chromium, beside the bytes of HTML, CSS and on-load JavaScript,
 * and the JavaScript budget (an article ships no more than bare Starlight plus 10 KB gzipped).
 * Lighthouse's default mobile run (simulated slow 4G and a 4× slower CPU) and its desktop run.
 * Usage: npm run build && npm run bench:pages   (needs Chromium: apt-get install chromium, or CHROMIUM_PATH)
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { articlePages, bareArticlePath, buildBareStarlight, jsAllowanceGzip } from './bare-starlight.ts';
import { runLighthouse } from './lighthouse.ts';
import { weighPage } from './weigh-page.ts';
import { launchDebuggableChromium } from '../../tests/helpers/browser.ts';
import { pageTypes } from '../lib/page-types.ts';
import { startServer, tempDir } from '../../tests/helpers/server.ts';

const root = resolve('.');
const clientDir = join(root, 'dist', 'client');
if (!existsSync(join(clientDir, 'index.html'))) {
	console.error('No built site in dist/client: run `npm run build` first.');
	process.exit(1);
}

const kb = (n: number) => (n / 1024).toFixed(1);
/** The built file a page type is served from (the thank-you page is rendered on demand: no file). */
const builtFile = (path: string) => (path === pageTypes['404'] ? '/404.html' : new URL(path, 'http://x').pathname);

console.log('Building bare Starlight (same Astro and Starlight, one article) for the JavaScript budget…');
const bareRoot = join(root, '.bench-starlight');
const bare = weighPage(await buildBareStarlight(root, bareRoot), bareArticlePath);
rmSync(bareRoot, { recursive: true, force: true });
const budget = bare.js.gzip + jsAllowanceGzip;

const dir = tempDir('bench-pages');
const server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') });
try {
	type Summary = Awaited<ReturnType<typeof runLighthouse>>;
	// One fresh Chromium per preset, so the mobile runs leave nothing (cache, emulation) to the desktop ones.
	const results: Record<'mobile' | 'desktop', Summary[]> = { mobile: [], desktop: [] };
	for (const preset of ['mobile', 'desktop'] as const) {
		const chromium = await launchDebuggableChromium();
		try {
			for (const path of Object.values(pageTypes)) {
				// Lighthouse refuses a 404 status; the 404 page is the same document as /404.html.
				const url = `${server.base}${path === pageTypes['404'] ? '/404.html' : path}`;
				results[preset].push(await runLighthouse(url, { port: chromium.port, categories: ['performance'], preset }));
				process.stdout.write('.');
			}
		} finally {
			await chromium.close();
		}
	}
	const rows = Object.entries(pageTypes).map(([kind, path], i) => {
		const file = builtFile(path);
		const weight = existsSync(join(clientDir, file, file.endsWith('.html') ? '' : 'index.html'))
			? weighPage(clientDir, file)
			: null;
		return { kind, path, weight, mobile: results.mobile[i]!, desktop: results.desktop[i]! };
	});
	console.log('\n');
	console.log('Lighthouse performance, mobile (simulated slow 4G, 4× CPU) | desktop (no throttling)');
	console.log(
		'page             score   LCP ms    CLS    TBT ms | score   LCP ms    CLS    TBT ms |  HTML KB gz   CSS KB gz   JS KB gz (files)',
	);
	const metrics = (s: (typeof rows)[number]['mobile']) =>
		`${String(s.scores['performance']).padStart(5)} ${s.metrics.lcp.toFixed(0).padStart(8)} ${s.metrics.cls.toFixed(3).padStart(6)} ${s.metrics.tbt.toFixed(0).padStart(9)}`;
	for (const r of rows) {
		const w = r.weight
			? `${kb(r.weight.html.gzip).padStart(10)} ${kb(r.weight.css.gzip).padStart(11)} ${kb(r.weight.js.gzip).padStart(10)} (${r.weight.js.files})`
			: '  (rendered on demand: no built file)';
		console.log(`${r.kind.padEnd(15)} ${metrics(r.mobile)} | ${metrics(r.desktop)} | ${w}`);
	}
	// Google's "good" thresholds: LCP ≤ 2500 ms, CLS ≤ 0.1, TBT ≤ 200 ms. Name what moved when CLS is not good.
	for (const r of rows) {
		for (const [preset, s] of [
			['mobile', r.mobile],
			['desktop', r.desktop],
		] as const) {
			if (s.metrics.cls > 0.1)
				console.log(
					`  CLS ${s.metrics.cls.toFixed(3)} on ${r.kind} (${preset}): ${s.shifts.map((x) => `${x.element} ${x.score.toFixed(3)}`).join('; ')}`,
				);
			if (s.metrics.lcp > 2500 || s.metrics.tbt > 200)
				console.log(
					`  ${r.kind} (${preset}) misses a "good" threshold: LCP ${s.metrics.lcp.toFixed(0)} ms, TBT ${s.metrics.tbt.toFixed(0)} ms`,
				);
		}
	}

	console.log(
		`\nJavaScript budget: bare Starlight's article ships ${kb(bare.js.gzip)} KB gzipped (${bare.js.files} files, ${kb(bare.js.raw)} KB raw); an article may ship ${kb(budget)} KB.`,
	);
	let missed = 0;
	for (const [kind, path] of Object.entries(articlePages)) {
		const w = weighPage(clientDir, path);
		const over = w.js.gzip - bare.js.gzip;
		const ok = w.js.gzip <= budget;
		if (!ok) missed++;
		console.log(
			`  ${kind.padEnd(15)} ${path.padEnd(38)} ${kb(w.js.gzip).padStart(5)} KB gz (${over >= 0 ? '+' : ''}${kb(over)} KB over bare)  ${ok ? 'within budget' : 'OVER BUDGET'}`,
		);
	}
	console.log(
		missed
			? `\n${missed} article page(s) over the JavaScript budget.`
			: '\nEvery article page is within the JavaScript budget.',
	);
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
