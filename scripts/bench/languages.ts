/**
 * npm run bench:languages [-- --sizes 1000 --share 1 --seed 1 --keep]
 *
 * What a second language costs. For each size it builds two copies of this site with the same N
 * synthetic articles: one with English only (the other languages taken out of src/i18n/locales.ts,
 * their translations and strings removed), and one with English and German, where a share of the
 * synthetic articles (all, by default) has a German translation beside it. Prints build time per
 * page (second builds, share-image cache warm; CPU time beside wall time), the number of pages,
 * and the bytes one search downloads in each language, and checks the target: build time per page
 * with both languages within 10 % of English only, measured in the same run.
 * Copies live in .bench/ and are removed after each size unless --keep is given.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prefixedLocales } from '../../src/i18n/locales.ts';
import { generateArticles, type SyntheticArticle } from './generate-articles.ts';
import { countHtml, measureBuild, type BuildMeasurement } from './measure-build.ts';
import { hasOgImages, writeProjectSite } from './project-site.ts';
import { measureSearch, type SearchCost } from './search-bytes.ts';
import { toTranslationFile } from './translate-articles.ts';

/** Build time per page with both languages may be at most this many times English only's. */
const target = 1.1;
/** One search in each language: the words a reader of that language would type. */
const queries = { en: 'commission payout', de: 'provision auszahlung' } as const;

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000' },
		share: { type: 'string', default: '1' },
		seed: { type: 'string', default: '1' },
		keep: { type: 'boolean', default: false },
	},
});
const sizes = values.sizes!.split(',').map((s) => {
	const n = Number(s.trim());
	if (!Number.isInteger(n) || n < 1)
		usage(`--sizes: "${s}" is not a whole number of articles above 0 (e.g. --sizes 1000,5000).`);
	return n;
});
const share = Number(values.share);
if (!(share >= 0 && share <= 1)) usage(`--share: "${values.share}" is not a share between 0 and 1 (e.g. --share 0.5).`);
const seed = Number(values.seed);
if (!Number.isInteger(seed)) usage(`--seed: "${values.seed}" is not a whole number.`);
if (!prefixedLocales.includes('de')) usage('src/i18n/locales.ts has no German locale ("de") to measure.');

const projectRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const workDir = join(projectRoot, '.bench');
const buildCount = hasOgImages(projectRoot) ? 2 : 1;

type Variant = 'en' | 'en+de';
interface Run {
	size: number;
	variant: Variant;
	build: BuildMeasurement;
	pages: number;
	search: Partial<Record<keyof typeof queries, SearchCost>>;
}
const runs: Run[] = [];
let busiest = loadavg()[0]!;
console.log(
	`Languages benchmark: sizes ${sizes.join(', ')}; German translations of ${Math.round(share * 100)} % of the synthetic articles; seed ${seed}; ${cpus().length} cores`,
);

for (const size of sizes) {
	const articles = generateArticles(size, seed);
	for (const variant of ['en', 'en+de'] as const) {
		const root = join(workDir, `languages-${size}-${variant}`);
		rmSync(root, { recursive: true, force: true });
		mkdirSync(root, { recursive: true });
		writeProjectSite(root, projectRoot, articles);
		if (variant === 'en') englishOnly(root);
		else writeTranslations(root, articles.slice(0, Math.round(articles.length * share)));
		let build: BuildMeasurement | undefined;
		for (let i = 0; i < buildCount; i++) {
			process.stdout.write(`${size} articles, ${variant}, build ${i + 1} of ${buildCount}… `);
			build = await measureBuild(root, astroBin, join(root, `build-${i + 1}.log`), {
				OG_CACHE_DIR: join(root, '.og-cache'),
			});
			console.log(`${(build.wallMs / 1000).toFixed(1)} s`);
			busiest = Math.max(busiest, loadavg()[0]!);
		}
		const clientDir = join(root, 'dist', 'client');
		const search: Run['search'] = { en: await measureSearch(clientDir, queries.en, 'en') };
		if (variant === 'en+de') search.de = await measureSearch(clientDir, queries.de, 'de');
		runs.push({ size, variant, build: build!, pages: countHtml(clientDir).pages, search });
		if (!values.keep) rmSync(root, { recursive: true, force: true });
	}
}

const perPage = (r: Run, of: 'wallMs' | 'cpuMs') => (r.build[of] ?? NaN) / r.pages;
console.log('\n| articles | languages | HTML pages | wall | CPU | wall ms/page | CPU ms/page | one search (wire) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of runs) {
	const searches = Object.entries(r.search)
		.map(([lang, s]) => `${lang} "${s.query}": ${kb(s.pagefind.wireBytes)} (${s.results} results)`)
		.join('; ');
	console.log(
		`| ${r.size} | ${r.variant} | ${r.pages} | ${(r.build.wallMs / 1000).toFixed(1)} s | ${r.build.cpuMs === undefined ? '?' : `${(r.build.cpuMs / 1000).toFixed(1)} s`} | ${perPage(r, 'wallMs').toFixed(2)} | ${perPage(r, 'cpuMs').toFixed(2)} | ${searches} |`,
	);
}
console.log(
	`\nTarget: build time per page with English and German within ${Math.round((target - 1) * 100)} % of English only (second builds).`,
);
for (const size of sizes) {
	const en = runs.find((r) => r.size === size && r.variant === 'en')!;
	const both = runs.find((r) => r.size === size && r.variant === 'en+de')!;
	const wall = perPage(both, 'wallMs') / perPage(en, 'wallMs');
	const cpu = perPage(both, 'cpuMs') / perPage(en, 'cpuMs');
	console.log(
		`${wall <= target ? 'PASS' : 'MISS'}   ${size} articles: ${wall.toFixed(2)}× per page (CPU time ${cpu.toFixed(2)}×); ${both.pages} pages against ${en.pages}`,
	);
}
if (busiest > cpus().length * 2)
	console.log(`The machine was busy (load average up to ${busiest.toFixed(1)}): read the CPU-time ratios.`);

/** Takes every language but English out of the copy: its locale, its strings and its translations. */
function englishOnly(root: string): void {
	const file = join(root, 'src', 'i18n', 'locales.ts');
	const source = readFileSync(file, 'utf8');
	let stripped = source;
	for (const key of prefixedLocales) {
		const line = new RegExp(`^\\s*${key}: \\{[^\\n]*\\},?\\n`, 'm');
		if (!line.test(stripped)) throw new Error(`${file}: found no line "${key}: { … }" to take the locale out.`);
		stripped = stripped.replace(line, '');
	}
	writeFileSync(file, stripped);
	const content = join(root, 'src', 'content');
	for (const folder of readdirSync(content)) {
		for (const key of prefixedLocales) {
			rmSync(join(content, folder, key), { recursive: true, force: true });
			rmSync(join(content, folder, `${key}.json`), { force: true });
		}
	}
}

function writeTranslations(root: string, articles: readonly SyntheticArticle[]): void {
	for (const article of articles) {
		const file = toTranslationFile(article, 'de');
		const target = join(root, file.path);
		if (existsSync(target)) throw new Error(`The synthetic translation ${file.path} would overwrite a real one.`);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, file.text);
	}
}

function usage(message: string): never {
	console.error(message);
	process.exit(2);
}

function kb(bytes: number) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
