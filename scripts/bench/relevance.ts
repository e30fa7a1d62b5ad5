/**
 * Runs the relevance set against the built site's search index and prints, for each part of
 * the set (tuning, held-out) and each way in (the header search box, the search page, the ask
 * form's suggestions), hit@1, hit@3, mean reciprocal rank and how many questions found nothing.
 * German readers' parts (de-tuning, de-held-out) are searched in the German index, as on a German page.
 * Misses are listed for the tuning parts only: the held-out parts are measured, never looked into.
 * Usage: npm run bench:relevance [-- --dist DIR] (after npm run build; DIR defaults to dist/client)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSearchIndex, searchEntries, type SearchEntry } from './search-index.ts';
import { loadRelevanceParts, rankOf, score, type RelevanceScore } from './relevance-set.ts';

const root = resolve(import.meta.dirname, '../..');
// Another build's client folder can be given, to compare two versions of the content or ranking.
const { values } = parseArgs({
	options: {
		dist: { type: 'string', default: resolve(root, 'dist/client') },
		quiet: { type: 'boolean', default: false },
	},
});
const parts = loadRelevanceParts(resolve(root, 'tests/relevance'));
// One index per language, opened as a page in that language opens it.
const indexes = new Map<string, Awaited<ReturnType<typeof openSearchIndex>>>();
const started = performance.now();
const rows: Array<{ part: string; entry: SearchEntry; score: RelevanceScore; zero: number }> = [];
try {
	for (const part of parts) {
		let index = indexes.get(part.lang);
		if (!index) indexes.set(part.lang, (index = await openSearchIndex(resolve(values.dist!), { lang: part.lang })));
		for (const entry of searchEntries) {
			const ranks: Array<number | undefined> = [];
			let zero = 0;
			for (const c of part.cases) {
				const { landings } = await index.entry(entry, c.query);
				if (landings.length === 0) zero++;
				const rank = rankOf(landings, c.expect);
				ranks.push(rank);
				if (rank !== 1 && part.showMisses && !values.quiet) {
					const got = landings
						.slice(0, 3)
						.map((l, i) => `${i + 1}. ${l.url}`)
						.join('  ');
					console.log(
						`${entry.padEnd(11)} ${rank ? `rank ${rank}` : 'miss  '}  "${c.query}" → ${c.expect}\n            got: ${got || '(no results)'}`,
					);
				}
			}
			rows.push({ part: part.name, entry, score: score(ranks), zero });
		}
	}
} finally {
	await Promise.all([...indexes.values()].map((i) => i.close()));
}
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
	`\nRelevance over ${parts.map((p) => `${p.name} (${p.cases.length} questions)`).join(', ')} in ${Math.round(performance.now() - started)} ms`,
);
console.log('top 10 results looked at; a miss counts 0 in MRR\n');
console.log(
	`${'part'.padEnd(12)} ${'entry point'.padEnd(12)} ${'hit@1'.padStart(8)} ${'hit@3'.padStart(8)} ${'MRR'.padStart(6)} ${'no result'.padStart(10)}`,
);
for (const r of rows) {
	console.log(
		`${r.part.padEnd(12)} ${r.entry.padEnd(12)} ${pct(r.score.hitAt1).padStart(8)} ${pct(r.score.hitAt3).padStart(8)} ${r.score.mrr.toFixed(3).padStart(6)} ${String(r.zero).padStart(10)}`,
	);
}
