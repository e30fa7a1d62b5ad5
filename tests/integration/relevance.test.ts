import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { clientDir, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/bench/search-index.ts';
import { loadRelevanceParts, rankOf, score } from '../../scripts/bench/relevance-set.ts';

// Only the tuning parts are asserted: the held-out parts are measured by npm run bench:relevance, never tuned to.
const relevanceParts = loadRelevanceParts(join(projectRoot, 'tests', 'relevance'));
const tuning = relevanceParts.find((p) => p.name === 'tuning')!.cases;
const germanTuning = relevanceParts.find((p) => p.name === 'de-tuning')!.cases;
/** The original questions, the first entries of the tuning part. */
const originalQuestions = 65;
/**
 * Shares of questions whose answer must be in the top 3: nearly all of the original questions,
 * and, of the whole tuning part, the share search reaches today (npm run bench:relevance lists
 * the misses), so that a change that loses answers fails. Raise it as search improves.
 */
const hitAt3 = { original: 0.95, all: 0.7 };
/**
 * The German tuning part, searched in the German index as a German page does: the share of
 * questions with the answer in the top 3 and first as measured here once every FAQ and
 * troubleshooting guide had its German version (68 % and 45 % of 31 questions), a little under, so
 * that a change that loses German answers fails.
 */
const german = { hitAt3: 0.65, hitAt1: 0.4 };
let index: SearchIndex;
let germanIndex: SearchIndex;

beforeAll(async () => {
	requireBuild();
	index = await openSearchIndex(clientDir);
	germanIndex = await openSearchIndex(clientDir, { lang: 'de' });
});
afterAll(() => Promise.all([index?.close(), germanIndex?.close()]));

describe('search relevance (tuning part of tests/relevance)', () => {
	it('holds at least 40 questions, typos and synonyms among them', () => {
		expect(tuning.length).toBeGreaterThanOrEqual(40);
		expect(tuning.filter((c) => /typo/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(2);
		expect(tuning.filter((c) => /synonym|jargon/.test(c.note ?? '')).length).toBeGreaterThanOrEqual(5);
	});

	it(`puts the answer in the top 3 for ${hitAt3.original * 100} % of the original questions and ${hitAt3.all * 100} % of all, and finds something for every one`, async () => {
		const misses: string[] = [];
		const ranks: Array<number | undefined> = [];
		let empty = 0;
		for (const c of tuning) {
			const { landings } = await index.search(c.query, { limit: 3 });
			const rank = rankOf(landings, c.expect);
			ranks.push(rank);
			if (landings.length === 0) empty++;
			if (!rank)
				misses.push(
					`"${c.query}" → ${[c.expect].flat().join(' or ')}, got ${landings.map((l) => l.url).join(', ') || 'no results'}`,
				);
		}
		const message = `not in the top 3:\n${misses.join('\n')}`;
		expect(score(ranks.slice(0, originalQuestions)).hitAt3, message).toBeGreaterThanOrEqual(hitAt3.original);
		expect(score(ranks).hitAt3, message).toBeGreaterThanOrEqual(hitAt3.all);
		expect(empty).toBe(0);
	});
});

describe('German search relevance (tests/relevance/de-tuning.yaml, in the German index)', () => {
	it(`puts the answer in the top 3 for ${german.hitAt3 * 100} % and first for ${german.hitAt1 * 100} %, only German pages, something for every question`, async () => {
		const misses: string[] = [];
		const ranks: Array<number | undefined> = [];
		const elsewhere: string[] = [];
		let empty = 0;
		for (const c of germanTuning) {
			const { landings } = await germanIndex.search(c.query, { limit: 3 });
			const rank = rankOf(landings, c.expect);
			ranks.push(rank);
			if (landings.length === 0) empty++;
			elsewhere.push(...landings.map((l) => l.url).filter((url) => !url.startsWith('/de/')));
			if (!rank)
				misses.push(
					`"${c.query}" → ${[c.expect].flat().join(' or ')}, got ${landings.map((l) => l.url).join(', ') || 'no results'}`,
				);
		}
		const message = `not in the top 3:\n${misses.join('\n')}`;
		expect(score(ranks).hitAt3, message).toBeGreaterThanOrEqual(german.hitAt3);
		expect(score(ranks).hitAt1, message).toBeGreaterThanOrEqual(german.hitAt1);
		expect(empty).toBe(0);
		// The German index holds the German site only: every answer is a German address.
		expect(elsewhere).toEqual([]);
	});

	it('reads umlauts typed out as the site spells them, and drops German filler words', async () => {
		const outcome = await germanIndex.search('wie funktioniert die rueckgabe', { limit: 3 });
		expect(outcome.searched).toBe('funktioniert rückgabe');
		expect(outcome.landings.length).toBeGreaterThan(0);
	});
});
