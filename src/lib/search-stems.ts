/**
 * The stems Pagefind files the site's words under, so that a search asks Pagefind for the stem
 * alone. Pagefind indexes each word by its Snowball stem ("commission" → "commiss") and, for a
 * word typed as it stands, fetches the index chunk the word would sort into as well as the one
 * its stem is in: where the two differ (at 10,000 articles "commission" and "commiss" lie in
 * two chunks of ~36 KB each), one search downloads a chunk it never reads. Asking for the stem
 * finds the same pages with the same scores (Pagefind stems the stem again, to itself), from one
 * chunk. The table is built with the site (`/search/stems/<letter>.json`), from the same
 * dictionary as `/search/words.json`.
 */

/** Site word → the stem Pagefind indexes it under; only words whose stem differs. */
export type StemTable = Record<string, string>;

/**
 * The table for `words` (all the site's words) under `stem` (Pagefind's stemmer for the index's
 * language). A word is left out when its stem is itself; when it holds anything but the letters
 * a–z (Pagefind normalizes accents and splits other characters its own way); when stemming its
 * stem changes it again ("advertisers" → "advertis" → "adverti": Pagefind would search for
 * another stem); and when Pagefind would score the stem otherwise than the word. Pagefind
 * matches a stem and every indexed word it begins ("work" and "workmanship"), and scores each
 * higher when the word asked for begins it or is begun by it (its accent bonus,
 * `diacriticSimilarity` in search-ranking.ts): the stem always gets that bonus, the word as
 * typed only on indexed words it begins or is begun by. So a stem is listed only when that
 * holds for every site stem it begins: "commission" → "commiss" (indexed "commiss",
 * "commission"), not "works" → "work" ("workmanship") nor "company" → "compani".
 */
export function stemTable(words: Iterable<string>, stem: (word: string) => string): StemTable {
	const stems = new Map<string, string>();
	for (const word of words) if (/^[a-z]+$/.test(word) && !stems.has(word)) stems.set(word, stem(word));
	const indexed = [...new Set(stems.values())];
	const table: StemTable = {};
	for (const [word, stemmed] of stems) {
		if (stemmed === word || stemmed.length === 0 || stem(stemmed) !== stemmed) continue;
		const bonusAlike = indexed.every((k) => !k.startsWith(stemmed) || k.startsWith(word) || word.startsWith(k));
		if (bonusAlike) table[word] = stemmed;
	}
	return table;
}

/** A Pagefind query with each word the table knows replaced by its stem ("commission payout" → "commiss payout"). */
export function stemQuery(query: string, table: StemTable): string {
	return query
		.split(' ')
		.map((word) => (Object.hasOwn(table, word) ? table[word]! : word))
		.join(' ');
}
