/**
 * One search, as the header search box, the search page and the ask form's suggestions (in the
 * browser) and the relevance benchmark (in Node) all run it, so that what is measured is what
 * every reader gets.
 *
 * Pagefind returns only pages holding every word of a query, so one word the site never uses
 * ("my tent arrived broken") empties the list. The pipeline therefore:
 * 1. keeps the question's content words (no "how", "do", "my"), each word the site never uses
 *    replaced by its spelling as the site spells it or by a site word WordNet says it may mean;
 * 2. searches for all of them together and, when that finds little, relaxes: every pair of them
 *    and each one alone, and the question with each word's other meanings;
 * 3. fuses those rankings into one (search-fusion.ts), the whole question weighing most;
 * 4. folds each page into one answer landing on its best section (an FAQ page's questions are
 *    each an answer), and ranks the audience the reader came for first.
 */
import { fuse } from './search-fusion.ts';
import { answersIn, type Landing, type PagefindResultData } from './search-landing.ts';
import { wordForms, type SynonymTable } from './search-synonyms.ts';
import { contentWords, interpretQuery, queryWords, synonymShards, type QueryWord } from './search-words.ts';

/** One result as Pagefind's `search()` returns it. */
export interface PagefindResult {
	id: string;
	score?: number;
	data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's API a search needs. */
export interface PagefindSearch {
	search(query: string, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: PagefindResult[] } | null>;
}

/** What a search found. */
export interface SearchOutcome {
	/** The answers, best first, at most `limit`. */
	landings: Landing[];
	/** How many pages matched in all. */
	total: number;
	/** What was searched for: the content words, each as the site spells it. */
	searched: string;
	/** Whether a word of `searched` replaces one the reader typed (a correction or a synonym). */
	corrected: boolean;
	/** Each content word of the question and what it was searched as. */
	words: QueryWord[];
}

/** Options for one search. */
export interface SearchOptions {
	/** Filter name to value(s), as Pagefind takes them. */
	filters?: Record<string, string | string[]>;
	/** How many answers to return; default 10. */
	limit?: number;
	/** An audience whose pages rank first (the hub the reader came from); ignored when the audience is filtered. */
	prefer?: string | undefined;
	/** The site's words, most frequent first (`/search/words.json`): a word the site never uses is respelled or replaced. */
	vocabulary?: () => Promise<readonly string[]>;
	/** The shards of the synonym table (`/search/synonyms/<letter>.json`) these first letters need, merged. */
	synonyms?: (shards: string[]) => Promise<SynonymTable>;
}

/** How the pipeline weighs and relaxes; see the module comment. Measured with npm run bench:relevance (tuning part). */
export const pipeline = {
	/** The whole question, as the site spells it. */
	allWords: 4,
	/** The whole question as typed, when a word of it was replaced (Pagefind's own loose matching may still do better). */
	asTyped: 1,
	/** The whole question with one word in another meaning: more when the word typed is not on the site. */
	otherMeaning: { replaced: 2, known: 0.75 },
	/** Two of the content words. */
	pair: 1.5,
	/** One content word alone. */
	single: 1,
	/** The whole question finding fewer pages than this relaxes it to pairs of words. */
	relaxBelow: 5,
	/** The whole question and its pairs finding fewer pages than this relax it to single words. */
	singlesBelow: 1,
	/** A word fewer pages than this hold is looked up in the synonym table too (its other meanings may be what the reader meant). */
	rareBelow: 4,
	/** At most this many other meanings per word. */
	meanings: 2,
	/** Pairs of all words up to this many content words; beyond, pairs of neighbours only. */
	allPairsUpTo: 5,
	/** An audience preferred: its pages' scores are multiplied by `match`, those not for it by `other`. */
	preference: { match: 1.4, other: 0.75 },
};

/**
 * The searches for a question, each with its weight in the fusion: `whole` the question itself
 * (as the site spells it, and as typed when that differs) and with each word in its other
 * meanings; `pairs` every two of its words; `singles` each word alone.
 */
export function searchesFor(words: readonly QueryWord[], stage: 'whole' | 'pairs' | 'singles'): Array<{ query: string; weight: number }> {
	const searches = new Map<string, number>();
	const add = (terms: readonly string[], weight: number) => {
		const query = terms.join(' ');
		if (query) searches.set(query, Math.max(searches.get(query) ?? 0, weight));
	};
	const primary = words.map((w) => w.primary);
	if (stage === 'whole') {
		add(primary, pipeline.allWords);
		if (words.some((w) => w.replaced)) add(words.map((w) => w.typed), pipeline.asTyped);
		words.forEach((word, i) => {
			for (const meaning of word.alternatives.slice(0, pipeline.meanings)) {
				add(primary.map((p, j) => (j === i ? meaning : p)), word.replaced ? pipeline.otherMeaning.replaced : pipeline.otherMeaning.known);
			}
		});
	} else if (stage === 'pairs' && words.length > 2) {
		for (let i = 0; i < primary.length; i++) {
			for (let j = i + 1; j < primary.length; j++) {
				if (primary.length <= pipeline.allPairsUpTo || j === i + 1) add([primary[i]!, primary[j]!], pipeline.pair);
			}
		}
	} else if (stage === 'singles' && words.length > 1) {
		for (const word of primary) add([word], pipeline.single);
	}
	return [...searches].map(([query, weight]) => ({ query, weight }));
}

const knownCache = new WeakMap<readonly string[], (word: string) => boolean>();
/** Whether the site uses a word in some form ("returning" when it says "return"). */
function knownWords(vocabulary: readonly string[]): (word: string) => boolean {
	let known = knownCache.get(vocabulary);
	if (!known) {
		const words = new Set(vocabulary);
		// Numbers and codes ("w-9", "1099") are never respelled.
		known = (word) => !/^\p{L}+$/u.test(word) || wordForms(word).some((f) => words.has(f)) || words.has(`${word}s`);
		knownCache.set(vocabulary, known);
	}
	return known;
}

/** How much the audience preference multiplies a page's score by: pages for the preferred audience alone first, pages not for it last. */
function preferenceFactor(audiences: readonly string[], prefer: string | undefined): number {
	if (!prefer) return 1;
	if (!audiences.includes(prefer)) return pipeline.preference.other;
	return audiences.length === 1 ? pipeline.preference.match : 1;
}

/** Searches for `query`; see the module comment for how. */
export async function runSearch(pagefind: PagefindSearch, query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
	const { filters, limit = 10, prefer, vocabulary, synonyms } = options;
	const pagefindOptions = filters && Object.keys(filters).length > 0 ? { filters } : {};
	const cache = new Map<string, Promise<PagefindResult[]>>();
	const find = (q: string) => {
		let found = cache.get(q);
		// A page found only through metadata no search may weigh (a section's id) scores 0: it is no match.
		if (!found) cache.set(q, (found = pagefind.search(q, pagefindOptions).then((r) => (r?.results ?? []).filter((x) => x.score === undefined || x.score > 0))));
		return found;
	};
	const run = async ({ query: q, weight }: { query: string; weight: number }) => ({ items: await find(q), weight });

	const typed = contentWords(queryWords(query));
	// The site's words tell which of the reader's words no page holds (Pagefind's own loose
	// matches for them are poor: "postbak" finds disclosure pages); without them (offline, an
	// older build), a word no page holds is one Pagefind finds nothing for, and nothing is respelled.
	const vocab = typed.length > 0 ? await vocabulary?.().catch(() => undefined) : undefined;
	const known = vocab && vocab.length > 0 ? knownWords(vocab) : undefined;
	const counts = new Map(await Promise.all(typed.map(async (w) => [w, (await find(w)).length] as const)));
	const isKnown = (w: string) => (known ? known(w) : counts.get(w)! > 0);
	// The synonym table's shards are fetched only for words no page holds, or few pages do.
	const looked = typed.filter((w) => !isKnown(w) || counts.get(w)! < pipeline.rareBelow);
	const table = looked.length > 0 ? await synonyms?.(synonymShards(looked)).catch(() => undefined) : undefined;
	const words = interpretQuery(typed, isKnown, vocab ?? [], table ?? {});
	const searched = words.map((w) => w.primary).join(' ');
	const outcome = { searched, corrected: words.some((w) => w.replaced), words };
	if (words.length === 0) return { landings: [], total: 0, ...outcome };

	// Relaxed step by step: pairs of words when the whole question finds little, single words
	// when no two words are found together, so that weak one-word matches come only when needed.
	const lists = await Promise.all(searchesFor(words, 'whole').map(run));
	const pages = () => new Set(lists.flatMap((l) => l.items.map((r) => r.id))).size;
	if (lists[0]!.items.length < pipeline.relaxBelow) lists.push(...(await Promise.all(searchesFor(words, 'pairs').map(run))));
	if (pages() < pipeline.singlesBelow) lists.push(...(await Promise.all(searchesFor(words, 'singles').map(run))));
	const fused = fuse(lists, (r) => r.id);

	// Load a few more pages than shown: the audience preference may reorder them.
	const preferred = filters?.['audience'] ? undefined : prefer;
	const candidates = fused.slice(0, limit + (preferred ? 5 : 0));
	const sought = [...new Set(words.flatMap((w) => [w.primary, ...w.alternatives]))];
	const loaded = await Promise.all(
		candidates.map(async (c) => {
			const data = await c.item.data();
			return { score: c.score * preferenceFactor(data.filters?.['audience'] ?? [], preferred), answers: answersIn(data, sought) };
		}),
	);
	const landings = loaded
		.map((l, i) => ({ ...l, i }))
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.flatMap((l) => l.answers)
		.slice(0, limit);
	return { landings, total: fused.length, ...outcome };
}
