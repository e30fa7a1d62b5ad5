/** The content-gap report: what readers keep asking and which pages keep failing them. */

/** A question as stored: its text and when it was asked. */
export interface AskedQuestion {
	question: string;
	createdAt: number;
}

/** A vote as stored. */
export interface PageVote {
	page: string;
	helpful: boolean;
	/** What the voter wrote, if anything. */
	comment?: string | null | undefined;
}

/** Questions that are the same once case, punctuation and spacing are ignored. */
export interface QuestionGap {
	/** The most recent wording. */
	question: string;
	count: number;
	lastAskedAt: number;
}

/** A page with its votes, most "not helpful" first. */
export interface PageGap {
	/** The page, or the FAQ question (page#question) when the vote named one. */
	page: string;
	notHelpful: number;
	helpful: number;
	/** What "not helpful" voters wrote, in the order the votes came. */
	comments: string[];
}

/** Folds a question so that "How do I get paid?" and "how do i get PAID" count together. */
export function normalizeQuestion(question: string): string {
	return question
		.toLowerCase()
		.normalize('NFKC')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The most frequent questions, most asked first (ties: most recent first). */
export function frequentQuestions(questions: Iterable<AskedQuestion>, limit: number): QuestionGap[] {
	const groups = new Map<string, QuestionGap>();
	for (const q of questions) {
		const key = normalizeQuestion(q.question);
		const group = groups.get(key);
		if (!group) groups.set(key, { question: q.question, count: 1, lastAskedAt: q.createdAt });
		else {
			group.count += 1;
			if (q.createdAt >= group.lastAskedAt) Object.assign(group, { question: q.question, lastAskedAt: q.createdAt });
		}
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt).slice(0, limit);
}

/** Pages with at least one "not helpful" vote, most such votes first. */
export function unhelpfulPages(votes: Iterable<PageVote>, limit: number): PageGap[] {
	const pages = new Map<string, PageGap>();
	for (const v of votes) {
		const gap = pages.get(v.page) ?? { page: v.page, notHelpful: 0, helpful: 0, comments: [] };
		if (v.helpful) gap.helpful += 1;
		else {
			gap.notHelpful += 1;
			if (v.comment) gap.comments.push(v.comment);
		}
		pages.set(v.page, gap);
	}
	return [...pages.values()]
		.filter((p) => p.notHelpful > 0)
		.sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.page.localeCompare(b.page))
		.slice(0, limit);
}
