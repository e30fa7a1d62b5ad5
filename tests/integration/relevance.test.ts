import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { clientDir, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/lib/search-index.ts';
import { loadRelevanceParts, rankOf, score } from '../../scripts/lib/relevance.ts';

// Only the tuning part is asserted: the held-out part is measured by npm run bench:relevance, never tuned to.
const tuning = loadRelevanceParts(join(projectRoot, 'tests', 'relevance')).find((p) => p.name === 'tuning')!.cases;
/**
 * Share of the tuning questions whose answer must be in the top 3. Not all: a few questions need
 * an article's wording rather than search's mechanism (see npm run bench:relevance for them).
 */
const hitAt3 = 0.95;
let index: SearchIndex;

beforeAll(async () => {
	requireBuild();
	index = await openSearchIndex(clientDir);
});
afterAll(() => index?.close());

describe('search relevance (tuning part of tests/relevance)', () => {
	it('holds at least 40 questions, typos and synonyms among them', () => {
		expect(tuning.length).toBeGreaterThanOrEqual(40);
		expect(tuning.filter((c) => /typo/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(2);
		expect(tuning.filter((c) => /synonym|jargon/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(5);
	});

	it(`puts the answer in the top 3 for at least ${hitAt3 * 100} % of the questions, and finds something for every one`, async () => {
		const misses: string[] = [];
		const ranks: Array<number | undefined> = [];
		let empty = 0;
		for (const c of tuning) {
			const { landings } = await index.search(c.query, { limit: 3 });
			const rank = rankOf(landings, c.expect);
			ranks.push(rank);
			if (landings.length === 0) empty++;
			if (!rank) misses.push(`"${c.query}" → ${c.expect}, got ${landings.map((l) => l.url).join(', ') || 'no results'}`);
		}
		expect(score(ranks).hitAt3, `not in the top 3:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(hitAt3);
		expect(empty).toBe(0);
	});
});
