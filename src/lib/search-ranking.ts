/**
 * How Pagefind orders results, shared by Starlight's search modal, the search page and the
 * relevance benchmark, so that all three rank exactly alike. Every weight is spelled out:
 * Starlight and Pagefind have different defaults, and a weight left out would differ
 * between the modal and the page. See https://pagefind.app/docs/ranking/ for each one.
 */
export const searchRanking = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 9,
	diacriticSimilarity: 0.8,
	/**
	 * Boost for a query that matches the page title. Measured with npm run bench:relevance
	 * against 0, 1, 2, 3, 5 and 10: 2 put the most answers first while keeping every one in the
	 * top 3; more lets a guide's title outrank the FAQ question that answers exactly.
	 */
	metaWeights: { title: 2 },
};
