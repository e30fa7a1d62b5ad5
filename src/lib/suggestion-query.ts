/**
 * Turns a question as typed into a search for matching articles. Pagefind ranks pages by the words
 * they share with the query; the little words of a question ("how", "do", "my") match every page and
 * only blur the ranking, so they are left out. Measured with npm run bench:suggestions.
 */
const stopWords = new Set(
	(
		'a about after all am an and any are as at be been before being but by can could did do does doing for from had has have how i if in into is it its ' +
		'just me more most my no not of on or our should so some still than that the their them then there these they this to too up us very was we were ' +
		'what when where which who why will with would you your yours even get got need want'
	).split(' '),
);

/** The words of `question` worth searching for, in order, at most `max` of them. */
export function suggestionQuery(question: string, max = 8): string {
	const words = question
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
		.split(/\s+/)
		.filter((w) => w.length > 1 && !stopWords.has(w));
	return words.slice(0, max).join(' ');
}

/**
 * Pagefind returns only pages that hold every word of a query, so a long question often finds
 * nothing. The form therefore also searches each word alone and merges the ranked lists by
 * reciprocal rank fusion: pages near the top of many lists win, and the whole-query list counts double.
 * `lists[0]` is the whole-query list; each list holds page ids, best first.
 */
export function fuseRankings(lists: ReadonlyArray<ReadonlyArray<string>>, limit = 5): string[] {
	const scores = new Map<string, number>();
	lists.forEach((list, i) =>
		list.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + (i === 0 ? 2 : 1) / (10 + rank))),
	);
	return [...scores.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, limit)
		.map(([id]) => id);
}

/** The searches the form runs for a question: the whole query first, then each of its words. */
export function suggestionSearches(question: string): string[] {
	const query = suggestionQuery(question);
	const words = query.split(' ').filter(Boolean);
	return words.length > 1 ? [query, ...words] : words;
}
