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
const fold = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').replace(/s$/, '');

/** Sum over the different words a section matched of each word's best weighted match. */
function sectionScore(sub: PagefindSubResult, words: readonly string[]): number {
	const best = new Map<string, number>();
	for (const hit of sub.weighted_locations ?? []) {
		const word = fold(words[hit.location] ?? '');
		if (fillerWords.has(word)) continue;
		best.set(word, Math.max(best.get(word) ?? 0, hit.balanced_score));
	}
	return [...best.values()].reduce((sum, s) => sum + s, 0);
}

/** Strips the fragment and the heading anchor Starlight gives every page title. */
const withoutFragment = (url: string): string => url.replace(/#.*$/, '');

/** Picks where a result lands; ties go to the earlier section, which is how the page reads. */
export function landingFor(data: PagefindResultData): Landing {
	const pageUrl = withoutFragment(data.url);
	const pageTitle = data.meta['title'] ?? pageUrl;
	const words = data.content?.split(/\s+/) ?? [];
	const best = (data.sub_results ?? []).reduce<PagefindSubResult | undefined>(
		(top, sub) => (top === undefined || sectionScore(sub, words) > sectionScore(top, words) ? sub : top),
		undefined,
	);
	const base = { pageUrl, pageTitle, filters: data.filters ?? {} };
	if (!best || withoutFragment(best.url) !== pageUrl || best.url.endsWith('#_top') || !best.url.includes('#')) {
		return { ...base, url: pageUrl, title: pageTitle, excerpt: best?.excerpt ?? data.excerpt };
	}
	return { ...base, url: best.url, title: best.title, excerpt: best.excerpt };
}
