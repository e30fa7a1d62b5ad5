/**
 * How Pagefind orders results, shared by the header search box, the search page, the ask form's
 * suggestions and the relevance benchmark, so that all rank exactly alike. Every weight is spelled
 * out: Pagefind's defaults change between versions. See https://pagefind.app/docs/ranking/.
 */
/**
 * The most sets of search terms one page holds: an FAQ page's questions, one set each (at least
 * `faqPageSize`, which a unit test checks; SearchTerms.astro fails the build beyond it).
 */
export const maxSearchTermSets = 25;

/**
 * Weight of a page's search terms (SearchTerms.astro), against the title's. Measured with
 * npm run bench:relevance (tuning part).
 */
const searchTermsWeight = 3;

export const searchRanking = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 9,
	diacriticSimilarity: 0.8,
	/**
	 * Boost for a query that matches the page title or its search terms. The section ids beside
	 * the terms (`searchTermsAtN`) are for landing only and weigh nothing.
	 */
	metaWeights: {
		title: 2,
		...Object.fromEntries(
			Array.from({ length: maxSearchTermSets }, (_, i) => [
				[`searchTerms${i + 1}`, searchTermsWeight],
				[`searchTermsAt${i + 1}`, 0],
			]).flat(),
		),
	} as Record<string, number>,
};
