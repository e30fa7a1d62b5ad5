/**
 * npm run bench:suggestions: how often the articles suggested while a question is typed on /ask/
 * include one that answers it. The suggestions run the one search pipeline every search box runs
 * (src/lib/search-run.ts, five answers, as src/client/search-engine.ts loads it), here against the
 * built site's own index through scripts/bench/search-index.ts, over scripts/bench/suggestion-cases.ts.
 * Prints the hit rate of the first suggestion and of the five the form shows; Pagefind's raw
 * search for the question as typed is printed beside them for comparison.
 * Usage: npm run bench:suggestions [-- --dist DIR] (after npm run build; DIR defaults to dist/client)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSearchIndex } from './search-index.ts';
import { suggestionCases } from './suggestion-cases.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { dist: { type: 'string', default: resolve(root, 'dist/client') } } });
const index = await openSearchIndex(resolve(values.dist!));
try {
	const score = { raw: { at1: 0, at5: 0 }, pipeline: { at1: 0, at5: 0 } };
	const misses: string[] = [];
	for (const c of suggestionCases) {
		const pages = {
			raw: await index.raw(c.question, 5),
			pipeline: (await index.entry('suggestions', c.question)).landings.map((l) => l.pageUrl),
		};
		for (const mode of ['raw', 'pipeline'] as const) {
			const urls = [...new Set(pages[mode])].slice(0, 5);
			if (c.answers.includes(urls[0] ?? '')) score[mode].at1++;
			if (urls.some((u) => c.answers.includes(u))) score[mode].at5++;
			else if (mode === 'pipeline') misses.push(`  "${c.question}": ${urls.join(', ') || 'no results'}`);
		}
	}
	const pct = (n: number) => `${((n / suggestionCases.length) * 100).toFixed(0)} % (${n}/${suggestionCases.length})`;
	console.log(`Suggestion relevance over ${suggestionCases.length} questions in readers' words\n`);
	console.log(
		`Pagefind, question as typed:   first suggestion right ${pct(score.raw.at1)}, a right one among 5: ${pct(score.raw.at5)}`,
	);
	console.log(
		`what the form shows:           first suggestion right ${pct(score.pipeline.at1)}, a right one among 5: ${pct(score.pipeline.at5)}  (the search pipeline, src/lib/search-run.ts)`,
	);
	if (misses.length) console.log(`\nMisses (no right article among 5):\n${misses.join('\n')}`);
} finally {
	await index.close();
}
