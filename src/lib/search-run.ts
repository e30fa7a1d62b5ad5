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
 * Filler words, word forms and spellings are the index's language's (src/lib/search-language.ts):
 * a German page's search drops "wie", "kann", "meine" and reads "rueckgabe" as "Rückgabe".
 */
import { fuse } from './search-fusion.ts';
import { answersIn, bestSectionScore, type Landing, type PagefindResultData } from './search-landing.ts';
import { searchLanguage } from './search-language.ts';
import { stemQuery, type StemTable } from './search-stems.ts';
import type { SynonymTable } from './search-synonyms.ts';
import { contentWords, interpretQuery, queryWords, synonymShards, wordShards, type QueryWord } from './search-words.ts';

/** One result as Pagefind's `search()` returns it. */
export interface PagefindResult {
	id: string;
	score?: number;
	data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's API a search needs. */
export interface PagefindSearch {
	search(
		query: string,
		options?: { filters?: Record<string, string | string[]> },
	): Promise<{ results: PagefindResult[] } | null>;
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
	/**
	 * The site's words starting with these first letters (`/search/words/<letter>.json`), most
	 * frequent first: a word the site never uses is respelled or replaced. More words than asked
	 * for (the whole of `/search/words.json`) do no harm.
	 */
	vocabulary?: (shards: string[]) => Promise<readonly string[]>;
	/** The shards of the synonym table (`/search/synonyms/<letter>.json`) these first letters need, merged. */
	synonyms?: (shards: string[]) => Promise<SynonymTable>;
	/**
	 * The shards of the stem table (`/search/stems/<letter>.json`, search-stems.ts) these first
	 * letters need, merged: Pagefind is asked for each word's stem, which saves it fetching a
	 * second index chunk. Only for the index whose stemmer built the table (English).
	 */
	stems?: (shards: string[]) => Promise<StemTable>;
	/**
	 * The language of the index searched (the page's `<html lang>`): its filler words, word forms
	 * and spellings (src/lib/search-language.ts). English when not given.
	 */
	lang?: string | undefined;
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
	/** Whether a single word's list weighs less the more pages hold the word. */
	rarity: false,
	/** How lists are fused: by rank (search-fusion.ts) or by Pagefind's scores (scoreFusion). */
	fusion: 'scores' as 'scores' | 'ranks',
	/** With score fusion: what a whole-question list's score counts, times its weight. */
	wholeShare: 1,
	/** With score fusion: what a word's other meaning scores, against the word itself. */
	otherMeaningShare: 0.7,
	/** A word fewer pages than this hold is looked up in the synonym table too (its other meanings may be what the reader meant). */
	rareBelow: 4,
	/** At most this many other meanings per word. */
	meanings: 2,
	/** Pairs of all words up to this many content words; beyond, pairs of neighbours only. */
	allPairsUpTo: 5,
	/** At most this many pages are loaded at once; more follow while the answers are fewer than shown. */
	loadAtOnce: 3,
	/** How much a page's best section counts in its rank, against its fused score (0–1). */
	sectionShare: 0.4,
	/** A page's fused score is multiplied by the share of the question's content words it holds, to this power. */
	coverage: 2,
	/** Whether the share counts each word by how rare it is (a word few pages hold says more about which page is meant). */
	coverageByRarity: false,
	/** An audience preferred: its pages' scores are multiplied by `match`, those not for it by `other`. */
	preference: { match: 1.4, other: 0.75 },
};

/**
 * The searches for a question, each with its weight in the fusion: `whole` the question itself
 * (as the site spells it, and as typed when that differs) and with each word in its other
 * meanings; `pairs` every two of its words; `singles` each word alone.
 */
export function searchesFor(
	words: readonly QueryWord[],
	stage: 'whole' | 'pairs' | 'singles',
	rarity?: (word: string) => number,
): Array<{ query: string; weight: number }> {
	const searches = new Map<string, number>();
	const add = (terms: readonly string[], weight: number) => {
		const query = terms.join(' ');
		if (query) searches.set(query, Math.max(searches.get(query) ?? 0, weight));
	};
	const primary = words.map((w) => w.primary);
	if (stage === 'whole') {
		add(primary, pipeline.allWords);
		if (words.some((w) => w.replaced))
			add(
				words.map((w) => w.typed),
				pipeline.asTyped,
			);
		words.forEach((word, i) => {
			for (const meaning of word.alternatives.slice(0, pipeline.meanings)) {
				add(
					primary.map((p, j) => (j === i ? meaning : p)),
					word.replaced ? pipeline.otherMeaning.replaced : pipeline.otherMeaning.known,
				);
			}
		});
	} else if (stage === 'pairs' && words.length > 2) {
		for (let i = 0; i < primary.length; i++) {
			for (let j = i + 1; j < primary.length; j++) {
				if (primary.length <= pipeline.allPairsUpTo || j === i + 1) add([primary[i]!, primary[j]!], pipeline.pair);
			}
		}
	} else if (stage === 'singles' && words.length > 1) {
		for (const word of primary) add([word], pipeline.single * (rarity?.(word) ?? 1));
	}
	return [...searches].map(([query, weight]) => ({ query, weight }));
}

/** How much the audience preference multiplies a page's score by: pages for the preferred audience alone first, pages not for it last. */
function preferenceFactor(audiences: readonly string[], prefer: string | undefined): number {
	if (!prefer) return 1;
	if (!audiences.includes(prefer)) return pipeline.preference.other;
	return audiences.length === 1 ? pipeline.preference.match : 1;
}

/**
 * Fusion by Pagefind's own scores: a page scores, for each content word, what Pagefind gives it
 * for that word alone (its best meaning's, other meanings counting `otherMeaningShare`), plus
 * the score of each whole-question list that holds it times the list's weight. Pagefind's score
 * for one word already weighs how rare the word is and where on the page it is (a heading, the
 * title, the search terms), so a page holding the question's telling word in its title beats
 * one that holds all its words in passing.
 */
async function scoreFusion(
	words: readonly QueryWord[],
	lists: ReadonlyArray<{ items: readonly PagefindResult[]; weight: number }>,
	find: (q: string) => Promise<PagefindResult[]>,
): Promise<Array<{ id: string; score: number; item: PagefindResult }>> {
	const pages = new Map<string, { score: number; item: PagefindResult; weight: number }>();
	const add = (r: PagefindResult, score: number, weight: number) => {
		const page = pages.get(r.id);
		if (!page) pages.set(r.id, { score, item: r, weight });
		else {
			page.score += score;
			// The result of the heaviest list lands best: its word locations cover most of the question.
			if (weight > page.weight) [page.item, page.weight] = [r, weight];
		}
	};
	for (const list of lists)
		for (const r of list.items) add(r, (r.score ?? 0) * list.weight * pipeline.wholeShare, list.weight);
	if (words.length > 1) {
		for (const word of words) {
			const best = new Map<string, { score: number; item: PagefindResult }>();
			const meanings = [word.primary, ...word.alternatives.slice(0, pipeline.meanings)];
			for (const [i, meaning] of meanings.entries()) {
				for (const r of await find(meaning)) {
					const score = (r.score ?? 0) * (i === 0 ? 1 : pipeline.otherMeaningShare);
					if (score > (best.get(r.id)?.score ?? 0)) best.set(r.id, { score, item: r });
				}
			}
			for (const { score, item } of best.values()) add(item, score, 0);
		}
	}
	const coverage = await coverageOf(words, find);
	return [...pages]
		.map(([id, p]) => ({ id, score: p.score * coverage(id), item: p.item }))
		.sort((a, b) => b.score - a.score);
}

/**
 * How much of the question a page holds: the share of the content words (in any of their
 * meanings) found on it, each word counting by how rare it is on the site when
 * `coverageByRarity`, raised to `coverage`. Read from the one-word searches the pipeline makes
 * anyway, so it costs no page load.
 */
async function coverageOf(
	words: readonly QueryWord[],
	find: (q: string) => Promise<PagefindResult[]>,
): Promise<(id: string) => number> {
	if (pipeline.coverage === 0 || words.length < 2) return () => 1;
	const holders = await Promise.all(
		words.map(async (w) => {
			const lists = await Promise.all([w.primary, ...w.alternatives.slice(0, pipeline.meanings)].map(find));
			return new Set(lists.flatMap((l) => l.map((r) => r.id)));
		}),
	);
	const pages = new Set(holders.flatMap((h) => [...h])).size || 1;
	const weights = holders.map((h) => (pipeline.coverageByRarity ? Math.log(1 + pages / Math.max(1, h.size)) : 1));
	const total = weights.reduce((a, b) => a + b, 0) || 1;
	return (id) => {
		const held = holders.reduce((sum, h, i) => sum + (h.has(id) ? weights[i]! : 0), 0);
		return (held / total) ** pipeline.coverage;
	};
}

/** A landing on an alias page, moved to the same section of its canonical page. */
function asCanonical(landing: Landing, canonical: string): Landing {
	return { ...landing, pageUrl: canonical, url: canonical + landing.url.slice(landing.pageUrl.length) };
}

/** Searches for `query`; see the module comment for how. */
export async function runSearch(
	pagefind: PagefindSearch,
	query: string,
	options: SearchOptions = {},
): Promise<SearchOutcome> {
	const { filters, limit = 10, prefer, vocabulary, synonyms, stems } = options;
	const language = searchLanguage(options.lang);
	const pagefindOptions = filters && Object.keys(filters).length > 0 ? { filters } : {};
	// Stems of the words searched, from the shards of their first letters, each shard fetched once.
	const stemmed: StemTable = {};
	const stemShards = new Set<string>();
	const loadStems = async (words: readonly string[]) => {
		const shards = wordShards(words).filter((s) => !stemShards.has(s));
		if (!stems || shards.length === 0) return;
		shards.forEach((s) => stemShards.add(s));
		Object.assign(stemmed, await stems(shards).catch(() => ({})));
	};
	const cache = new Map<string, Promise<PagefindResult[]>>();
	const find = (q: string) => {
		// "commissions" and "commission" are one search for "commiss".
		const asked = stemQuery(q, stemmed);
		let found = cache.get(asked);
		// A page found only through metadata no search may weigh (a section's id) scores 0: it is no match.
		if (!found)
			cache.set(
				asked,
				(found = pagefind
					.search(asked, pagefindOptions)
					.then((r) => (r?.results ?? []).filter((x) => x.score === undefined || x.score > 0))),
			);
		return found;
	};
	const run = async ({ query: q, weight }: { query: string; weight: number }) => ({ items: await find(q), weight });

	const typed = contentWords(queryWords(query), language.filler);
	// The site's words tell which of the reader's words no page holds (Pagefind's own loose
	// matches for them are poor: "postbak" finds disclosure pages); without them (offline, an
	// older build), a word no page holds is one Pagefind finds nothing for, and nothing is respelled.
	const [vocab] = await Promise.all([
		typed.length > 0 ? vocabulary?.(wordShards(typed)).catch(() => undefined) : undefined,
		loadStems(typed),
	]);
	const known = vocab && vocab.length > 0 ? language.known(vocab) : undefined;
	const counts = new Map(await Promise.all(typed.map(async (w) => [w, (await find(w)).length] as const)));
	const isKnown = (w: string) => (known ? known(w) : counts.get(w)! > 0);
	// The synonym table's shards are fetched only for words no page holds, or few pages do.
	const looked = typed.filter((w) => !isKnown(w) || counts.get(w)! < pipeline.rareBelow);
	const table =
		looked.length > 0 && language.synonyms ? await synonyms?.(synonymShards(looked)).catch(() => undefined) : undefined;
	const words = interpretQuery(typed, isKnown, vocab ?? [], table ?? {}, {
		respell: vocab && vocab.length > 0 ? language.respell(vocab) : undefined,
		filler: language.filler,
	});
	// A correction or another meaning may start with another letter.
	await loadStems(words.flatMap((w) => [w.primary, ...w.alternatives.slice(0, pipeline.meanings)]));
	const searched = words.map((w) => w.primary).join(' ');
	const outcome = { searched, corrected: words.some((w) => w.replaced), words };
	if (words.length === 0) return { landings: [], total: 0, ...outcome };

	// Relaxed step by step: pairs of words when the whole question finds little, single words
	// when no two words are found together, so that weak one-word matches come only when needed.
	const lists = await Promise.all(searchesFor(words, 'whole').map(run));
	const pages = () => new Set(lists.flatMap((l) => l.items.map((r) => r.id))).size;
	if (lists[0]!.items.length < pipeline.relaxBelow)
		lists.push(...(await Promise.all(searchesFor(words, 'pairs').map(run))));
	if (pages() < pipeline.singlesBelow) {
		// A word found on many pages says less about which one is meant than a word found on few.
		const found = new Map(
			await Promise.all(words.map(async (w) => [w.primary, (await find(w.primary)).length] as const)),
		);
		const rarity = (w: string) => (pipeline.rarity ? 1 / (1 + Math.log(Math.max(1, found.get(w) ?? 1))) : 1);
		lists.push(...(await Promise.all(searchesFor(words, 'singles', rarity).map(run))));
	}
	const fused = pipeline.fusion === 'scores' ? await scoreFusion(words, lists, find) : fuse(lists, (r) => r.id);

	// Pages are loaded (one fragment each) until they hold enough answers: an FAQ page may hold
	// several. A few more than shown when an audience is preferred, which may reorder them.
	const preferred = filters?.['audience'] ? undefined : prefer;
	const wanted = limit + (preferred ? 5 : 0);
	const sought = [...new Set(words.flatMap((w) => [w.primary, ...w.alternatives]))];
	const load = async (c: (typeof fused)[number]) => {
		const data = await c.item.data();
		// An alias (the current terms at /terms/3-2/ and /terms/) names its canonical twin; both fold into it.
		const canonical = data.meta['canonical'];
		const answers = answersIn(data, sought);
		return {
			page: canonical ?? answers[0]!.pageUrl,
			score: c.score * preferenceFactor(data.filters?.['audience'] ?? [], preferred),
			section: bestSectionScore(data, sought),
			answers: canonical ? answers.map((a) => asCanonical(a, canonical)) : answers,
		};
	};
	const loaded: Array<Awaited<ReturnType<typeof load>>> = [];
	const pagesLoaded = new Set<string>();
	for (let next = 0, answers = 0; next < fused.length && answers < wanted;) {
		const batch = await Promise.all(
			fused.slice(next, next + Math.min(wanted - answers, pipeline.loadAtOnce)).map(load),
		);
		next += batch.length;
		// A twin of a page already loaded adds no answer.
		for (const l of batch) if (!pagesLoaded.has(l.page) && pagesLoaded.add(l.page)) answers += l.answers.length;
		loaded.push(...batch);
	}
	// Ranked by section too: each page's fused score and its best section's, each against the best of the candidates.
	const share = pipeline.sectionShare;
	const topScore = Math.max(...loaded.map((l) => l.score), 0) || 1;
	const topSection = Math.max(...loaded.map((l) => l.section), 0) || 1;
	for (const l of loaded) l.score = (1 - share) * (l.score / topScore) + share * (l.section / topSection);
	const seen = new Set<string>();
	const landings = loaded
		.map((l, i) => ({ ...l, i }))
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.filter((l) => !seen.has(l.page) && seen.add(l.page))
		.flatMap((l) => l.answers)
		.slice(0, limit);
	return { landings, total: fused.length, ...outcome };
}
