/**
 * Where a search result should take the reader. An FAQ topic page holds several questions;
 * a reader who searched for one of them should land on its deep link (`/faq/<topic>/#<id>`),
 * not at the top of the page. Pagefind splits each page into sub-results at headings with an
 * id; the landing is the sub-result whose words matched with the most weight.
 */

/** The parts of a Pagefind sub-result this module reads. */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	weighted_locations?: Array<{ balanced_score: number }>;
	locations?: number[];
}

/** The parts of a loaded Pagefind result (`await result.data()`) this module reads. */
export interface PagefindResultData {
	url: string;
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

const score = (sub: PagefindSubResult): number =>
	sub.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? sub.locations?.length ?? 0;

/** Strips the fragment and the heading anchor Starlight gives every page title. */
const withoutFragment = (url: string): string => url.replace(/#.*$/, '');

/** Picks where a result lands; ties go to the earlier section, which is how the page reads. */
export function landingFor(data: PagefindResultData): Landing {
	const pageUrl = withoutFragment(data.url);
	const pageTitle = data.meta['title'] ?? pageUrl;
	const best = (data.sub_results ?? []).reduce<PagefindSubResult | undefined>(
		(top, sub) => (top === undefined || score(sub) > score(top) ? sub : top),
		undefined,
	);
	const base = { pageUrl, pageTitle, filters: data.filters ?? {} };
	if (!best || withoutFragment(best.url) !== pageUrl || best.url.endsWith('#_top') || !best.url.includes('#')) {
		return { ...base, url: pageUrl, title: pageTitle, excerpt: best?.excerpt ?? data.excerpt };
	}
	return { ...base, url: best.url, title: best.title, excerpt: best.excerpt };
}
