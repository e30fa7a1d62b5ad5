/**
 * Runs the relevance set against the built site's search index and prints hit@1, hit@3,
 * mean reciprocal rank and every query whose answer is not first.
 * Usage: npm run bench:relevance [-- --dist DIR] (after npm run build; DIR defaults to dist/client)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSearchIndex } from './lib/search-index.ts';
import { loadRelevanceSet, rankOf, score } from './lib/relevance.ts';

const root = resolve(import.meta.dirname, '..');
// Another build's client folder can be given, to compare two versions of the content or ranking.
const { values } = parseArgs({ options: { dist: { type: 'string', default: resolve(root, 'dist/client') } } });
const cases = loadRelevanceSet(resolve(root, 'tests/relevance/tuning.yaml'));
const index = await openSearchIndex(resolve(values.dist!));
const started = performance.now();
const ranks: Array<number | undefined> = [];
try {
	for (const c of cases) {
		const { landings } = await index.search(c.query);
		const rank = rankOf(landings, c.expect);
		ranks.push(rank);
		if (rank !== 1) {
			const got = landings.slice(0, 3).map((l, i) => `${i + 1}. ${l.url}`).join('  ');
			console.log(`${rank ? `rank ${rank}` : 'miss  '}  "${c.query}" → ${c.expect}\n         got: ${got || '(no results)'}`);
		}
	}
} finally {
	await index.close();
}
const s = score(ranks);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`\n${s.cases} queries in ${Math.round(performance.now() - started)} ms`);
console.log(`hit@1 ${pct(s.hitAt1)}   hit@3 ${pct(s.hitAt3)}   MRR ${s.mrr.toFixed(3)} (top 10 results, a miss counts 0)`);
