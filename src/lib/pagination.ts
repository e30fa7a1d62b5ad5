/**
 * Long lists, a page at a time, so that no page's HTML grows with the number of articles:
 * an FAQ topic page holds at most `faqPageSize` questions, a page of a full list at most
 * `listPageSize` entries, and index and hub pages show the first `previewSize` entries of
 * each group with a link to the rest. Pages, the content check and `npm run new` share
 * these functions, so a question's deep link, the page that holds it and the check that
 * it is reachable always agree. No I/O.
 */
import { audiences, type Audience } from '../schemas/common.ts';
import { listParams } from './urls.ts';

/** Questions on one FAQ topic page; the rest of the topic goes to /faq/<topic>/2/ and on. */
export const faqPageSize = 25;
/** Entries on one page of a full list (/troubleshooting/for-affiliates/, /guides/for-customers/). */
export const listPageSize = 50;
/** Entries an index or hub page shows of each group before it links to the full list. */
export const previewSize = 10;

/** Whether a group of `total` entries has a full list of its own: only when its preview leaves some out. */
export const hasFullList = (total: number): boolean => total > previewSize;

/** `items` cut into pages of `size`, in order; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1)
		throw new Error(`A page holds at least one entry, received a page size of ${size}.`);
	const pages: T[][] = [];
	for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
	return pages.length > 0 ? pages : [[]];
}

/**
 * The page numbers a pagination nav shows: the first, the last, and the current page with
 * its neighbours, so the nav stays the same size however many pages there are. `null`
 * stands for pages left out; a gap of one page shows that page instead.
 */
export function pageNumbers(current: number, count: number): Array<number | null> {
	const shown = [1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count);
	const sorted = [...new Set(shown)].sort((a, b) => a - b);
	const out: Array<number | null> = [];
	for (const n of sorted) {
		const previous = out.at(-1);
		if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1);
		else if (typeof previous === 'number' && n - previous > 2) out.push(null);
		out.push(n);
	}
	return out;
}

/** The fields of an FAQ entry that decide where it is listed. */
export interface FaqPlaceable {
	id: string;
	topic: string;
	question: string;
}

/** The order questions are listed in, on topic pages and everywhere else: by question, then by id. */
export const byQuestion = (a: { id: string; question: string }, b: { id: string; question: string }): number =>
	a.question.localeCompare(b.question) || a.id.localeCompare(b.id);

/**
 * The page of its topic that holds each question (1 is /faq/<topic>/), by FAQ id. Questions
 * must be given with facts filled in, as readers see them: that is the order they are listed in.
 */
export function faqPages(faqs: readonly FaqPlaceable[]): Map<string, number> {
	const byTopic = new Map<string, FaqPlaceable[]>();
	for (const f of faqs) {
		const questions = byTopic.get(f.topic);
		if (questions) questions.push(f);
		else byTopic.set(f.topic, [f]);
	}
	const pages = new Map<string, number>();
	for (const questions of byTopic.values()) {
		paginate([...questions].sort(byQuestion), faqPageSize).forEach((page, i) =>
			page.forEach((f) => pages.set(f.id, i + 1)),
		);
	}
	return pages;
}

/**
 * The static paths of one kind of full list (/troubleshooting/for-<audience>/, /guides/for-<audience>/):
 * for each audience whose entries are more than a preview shows, one path per page of `listPageSize`.
 */
export function audienceListPaths<T>(entriesFor: (audience: Audience) => readonly T[]) {
	return audiences.flatMap((audience) => {
		const all = entriesFor(audience);
		if (!hasFullList(all.length)) return [];
		const pages = paginate(all, listPageSize);
		return pages.map((items, i) => ({
			params: listParams(audience, i + 1),
			props: { audience, items, page: i + 1, pageCount: pages.length, total: all.length, first: i * listPageSize + 1 },
		}));
	});
}
