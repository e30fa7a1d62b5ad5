/**
 * Where a search result should take the reader. An FAQ topic page holds several questions;
 * a reader who searched for one of them should land on its deep link (`/faq/<topic>/#<id>`,
 * or `/faq/<topic>/2/#<id>` on a later page of a long topic),
 * not at the top of the page. Pagefind splits each page into sub-results at headings with an
 * id. Each section scores, for every different word of the query it holds, that word's best
 * weighted match, so a question heading that holds the reader's words beats a long section
 * that repeats one of them; filler words ("do", "i") count for nothing.
 */
import { fillerWords } from './filler-words.ts';

/** The parts of a Pagefind sub-result this module reads. */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	weighted_locations?: Array<{ balanced_score: number; location: number }>;
	locations?: number[];
}

/** The parts of a loaded Pagefind result (`await result.data()`) this module reads. */
export interface PagefindResultData {
	url: string;
	/** The page's indexed text; word locations count whitespace-separated words of it. */
	content?: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters?: Record<string, string[]>;
	sub_results?: PagefindSubResult[];
}

/** One search result as the search page shows it and the relevance benchmark scores it. */
export interface Landing {
	/** Where the link goes: the page, or the section of it that matched best. */
	url: string;
	/** The page's own URL, without a fragment. */
	pageUrl: string;
	/** The heading of the section landed on, or the page title. */
	title: string;
	/** The page title, shown as context when the landing is a section. */
	pageTitle: string;
	/** Pagefind's excerpt, HTML with `<mark>` around matched words. */
	excerpt: string;
	/** The filters the page is filed under. */
	filters: Record<string, string[]>;
}

/** Folds a matched word to a rough stem, so "Payments," and "payment" count as one word. */
const fold = (word: string): string =>
	word
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '')
		.replace(/s$/, '');

/**
 * Sum over the different words a section matched of each word's best weighted match; matches in
 * the page's first `titleLength` words (its title, which speaks for every section) count for nothing.
 */
function sectionScore(sub: PagefindSubResult, words: readonly string[], titleLength: number): number {
	const best = new Map<string, number>();
	for (const hit of sub.weighted_locations ?? []) {
		const word = fold(words[hit.location] ?? '');
		if (fillerWords.has(word) || hit.location < titleLength) continue;
		best.set(word, Math.max(best.get(word) ?? 0, hit.balanced_score));
	}
	return [...best.values()].reduce((sum, s) => sum + s, 0);
}

/**
 * Sections whose other names (an FAQ question's search terms, kept in the page's metadata as
 * `searchTermsN` with the section's id in `searchTermsAtN`) hold one of the searched words.
 * Those words are in no section's text, so the section's score gains what a heading match would.
 */
function termsBonus(
	data: PagefindResultData,
	searched: readonly string[],
): Map<string, { score: number; heading: string }> {
	const bonus = new Map<string, { score: number; heading: string }>();
	if (searched.length === 0) return bonus;
	const wanted = new Set(searched.map(fold));
	for (const [key, value] of Object.entries(data.meta)) {
		const n = /^searchTermsAt(\d+)$/.exec(key)?.[1];
		const terms = n === undefined ? undefined : data.meta[`searchTerms${n}`];
		if (!value || !terms) continue;
		const hits = new Set(
			terms
				.split(/[^\p{L}\p{N}-]+/u)
				.map(fold)
				.filter((w) => wanted.has(w)),
		).size;
		const [id, ...heading] = value.split(' ');
		if (hits > 0) bonus.set(id!, { score: hits * termsWeight, heading: heading.join(' ') });
	}
	return bonus;
}

/**
 * What a word of a section's search terms adds to its score: what the word would score in an
 * FAQ question's heading (weight 8). Pagefind's balanced score of a match is about 200 × weight².
 */
const termsWeight = 200 * 8 ** 2;

/** Strips the fragment and the heading anchor Starlight gives every page title. */
const withoutFragment = (url: string): string => url.replace(/#.*$/, '');

/**
 * The sections of a result, best first; ties go to the earlier section, which is how the page
 * reads. The page title speaks for the whole page: a match in it would land every search on
 * the top of the page ("dispute subject line" on "Disputes" rather than its section on how to
 * send one), so it counts for no section.
 */
function rankedSections(
	data: PagefindResultData,
	searched: readonly string[],
): Array<{ sub: PagefindSubResult; score: number }> {
	const words = data.content?.split(/\s+/) ?? [];
	const title = (data.meta['title'] ?? '').split(/\s+/).filter(Boolean);
	const titleLength = title.length > 0 && title.every((w, i) => fold(w) === fold(words[i] ?? '')) ? title.length : 0;
	const bonus = termsBonus(data, searched);
	const idOf = (url: string) => /#(.+)$/.exec(url)?.[1] ?? '';
	const subs = [...(data.sub_results ?? [])];
	// A section matched by its search terms alone holds none of the words: Pagefind lists it not.
	const pageUrl = withoutFragment(data.url);
	for (const [id, { heading }] of bonus) {
		if (heading && !subs.some((s) => idOf(s.url) === id))
			subs.push({ title: heading, url: `${pageUrl}#${id}`, excerpt: data.excerpt });
	}
	return subs
		.map((sub, i) => ({
			sub,
			i,
			score: sectionScore(sub, words, titleLength) + (bonus.get(idOf(sub.url))?.score ?? 0),
		}))
		.sort((a, b) => b.score - a.score || a.i - b.i);
}

function landingOf(data: PagefindResultData, sub: PagefindSubResult | undefined): Landing {
	const pageUrl = withoutFragment(data.url);
	const pageTitle = data.meta['title'] ?? pageUrl;
	const base = { pageUrl, pageTitle, filters: data.filters ?? {} };
	if (!sub || withoutFragment(sub.url) !== pageUrl || sub.url.endsWith('#_top') || !sub.url.includes('#')) {
		return { ...base, url: pageUrl, title: pageTitle, excerpt: sub?.excerpt ?? data.excerpt };
	}
	return { ...base, url: sub.url, title: sub.title, excerpt: sub.excerpt };
}

/**
 * Picks where a result lands: its best section. `searched` are the words searched for, which
 * lets a section win through its search terms too.
 */
export function landingFor(data: PagefindResultData, searched: readonly string[] = []): Landing {
	return landingOf(data, rankedSections(data, searched)[0]?.sub);
}

/**
 * How well a result's best section answers the searched words: the score of the section it
 * lands on (heading matches weigh most, as Pagefind weighs headings). A page whose one section
 * holds the question beats a long page that holds its words here and there.
 */
export function bestSectionScore(data: PagefindResultData, searched: readonly string[] = []): number {
	return rankedSections(data, searched)[0]?.score ?? 0;
}

/**
 * The answers a result holds. An FAQ page's questions are each an answer: besides the best one,
 * every other question that matches nearly as well (`nearly` of the best score) is one more;
 * any other page is one answer, landing on its best section.
 */
export function answersIn(data: PagefindResultData, searched: readonly string[] = [], nearly = 0.8): Landing[] {
	const sections = rankedSections(data, searched);
	const best = sections[0];
	if (!best) return [landingOf(data, undefined)];
	const isFaq = (data.filters?.['type'] ?? []).includes('faq');
	const more = isFaq
		? sections
				.slice(1)
				.filter(
					(s) =>
						s.score > 0 && s.score >= best.score * nearly && s.sub.url.includes('#') && !s.sub.url.endsWith('#_top'),
				)
		: [];
	return [landingOf(data, best.sub), ...more.slice(0, 2).map((s) => landingOf(data, s.sub))];
}

/** A result's title as lists show it: the page, and the section landed on ("FAQ: Payments › When do I get paid?"). */
export function resultTitle(landing: Landing): string {
	return landing.url === landing.pageUrl || landing.title === landing.pageTitle
		? landing.pageTitle
		: `${landing.pageTitle} › ${landing.title}`;
}
