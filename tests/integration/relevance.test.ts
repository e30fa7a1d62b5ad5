import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { clientDir, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/lib/search-index.ts';
import { loadRelevanceSet, rankOf } from '../../scripts/lib/relevance.ts';

// The questions of the original set, the first entries of the tuning part; the questions added
// after them are measured by npm run bench:relevance until search answers them.
const originalQuestions = 65;
const cases = loadRelevanceSet(join(projectRoot, 'tests', 'relevance', 'tuning.yaml')).slice(0, originalQuestions);
let index: SearchIndex;

beforeAll(async () => {
	requireBuild();
	index = await openSearchIndex(clientDir);
});
afterAll(() => index?.close());

describe('search relevance (tests/relevance/tuning.yaml, the original questions)', () => {
	it('holds at least 40 questions, typos and synonyms among them', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
		expect(cases.filter((c) => /typo/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(2);
		expect(cases.filter((c) => /synonym|jargon/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(5);
	});

	it.each(cases.map((c) => [c.query, c.expect] as const))('"%s" finds %s in the top 3', async (query, expected) => {
		const { landings } = await index.search(query, { limit: 3 });
		expect(rankOf(landings, expected), `got ${landings.map((l) => l.url).join(', ') || 'no results'}`).toBeDefined();
	});
});
