/**
 * What each dashboard view shows, computed from the feedback store and the search counts: one
 * function per view, used by the pages, their JSON data endpoints and their CSV exports, so the
 * three never disagree.
 */
import { unhelpfulPages as pageGaps, type PageGap } from '../../lib/content-gaps.ts';
import { csvTable } from '../../lib/csv.ts';
import { groupQuestions, type QuestionGroup } from '../../lib/question-groups.ts';
import { feedbackLocales } from '../../schemas/feedback.ts';
import type { FeedbackStore } from '../store.ts';
import type { AnsweredGroup } from '../auth/store.ts';
import type { SupportRuntime } from './runtime.ts';
import { dayOf } from './store.ts';

const dayMs = 86_400_000;

/** Both runtimes: feedback (questions, votes, delivery) and support (searches, answers). */
export interface ViewSources {
	/** The submissions store, and the destination's name (null when delivery is off). */
	feedback: { store: FeedbackStore; destination: string | null };
	support: SupportRuntime;
	now?: number;
}

/** What a view may be narrowed to, from its address (`?locale=de`); every field optional. */
export interface ViewFilter {
	/** Only questions in this language ('en', 'de'). */
	locale?: string | undefined;
}

/**
 * The filter an address asks for, or the problem with it, naming the parameter: a language the site
 * does not have is an error, never an unfiltered view that looks filtered.
 */
export function viewFilter(params: URLSearchParams): { filter: ViewFilter } | { error: string } {
	const locale = params.get('locale')?.trim().toLowerCase() || undefined;
	if (locale !== undefined && !(feedbackLocales as string[]).includes(locale))
		return {
			error: `The locale parameter must be one of ${feedbackLocales.join(', ')} (or left out for every language); received ${JSON.stringify(params.get('locale'))}.`,
		};
	return { filter: { locale } };
}

/** Period the views cover: the last 30 days, or the search retention if shorter. */
const periodDays = (s: ViewSources) => Math.min(30, s.support.config.SEARCH_EVENTS_RETENTION_DAYS);

export interface WaitingQuestion {
	reference: string;
	received: string;
	question: string;
	email: string;
	audience: string;
	from: string;
	query: string;
	/** The language the reader asked in ('en', 'de'). */
	locale: string;
}

/** Questions received in the period, newest first, with who waits for the reply; `filter.locale`: one language only. */
export async function waitingQuestions(
	s: ViewSources,
	limit = 200,
	filter: ViewFilter = {},
): Promise<WaitingQuestion[]> {
	const now = s.now ?? Date.now();
	const rows = await s.feedback.store.list({
		kind: 'question',
		locale: filter.locale,
		since: now - periodDays(s) * dayMs,
		limit,
	});
	return rows.map((r) => ({
		reference: r.reference,
		received: new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' '),
		question: r.question ?? '',
		email: r.email ?? '',
		audience: r.audience ?? '',
		from: r.from ?? '',
		query: r.query ?? '',
		locale: r.locale,
	}));
}

/** A group of searches that found nothing (with the questions in the same words), and its mark. */
export interface ZeroGroup extends QuestionGroup {
	answeredBy: AnsweredGroup | undefined;
}

/** Searches with no result in the period, grouped with each other and with questions in the same words. */
export async function zeroResultGroups(s: ViewSources): Promise<ZeroGroup[]> {
	const now = s.now ?? Date.now();
	const since = dayOf(now - (periodDays(s) - 1) * dayMs);
	const [queries, questions, answers] = await Promise.all([
		s.support.events.queries(since, { zeroOnly: true, limit: 1000 }),
		s.feedback.store.questions(now - periodDays(s) * dayMs),
		s.support.auth.answeredGroups(),
	]);
	const groups = groupQuestions([
		...queries.map((q) => ({ text: q.query, kind: 'search' as const, count: q.zeroResults })),
		...questions.map((q) => ({ text: q.question, kind: 'question' as const })),
	]);
	const marks = new Map(answers.map((a) => [a.key, a]));
	// A group of questions alone belongs to the questions view; here, groups with at least one search that found nothing.
	return groups.filter((g) => g.searches > 0).map((g) => ({ ...g, answeredBy: marks.get(g.key) }));
}

export interface AskedAfterSearch {
	query: string;
	searches: number;
	asked: number;
	zeroResults: number;
	filters: string;
}

/** Searches after which readers went on to the ask form, most such first. */
export async function searchesThenAsked(s: ViewSources): Promise<AskedAfterSearch[]> {
	const now = s.now ?? Date.now();
	const rows = await s.support.events.queries(dayOf(now - (periodDays(s) - 1) * dayMs), {
		askedOnly: true,
		limit: 200,
	});
	return rows.map((r) => ({
		query: r.query,
		searches: r.searches,
		asked: r.asked,
		zeroResults: r.zeroResults,
		filters: r.filters,
	}));
}

export type UnhelpfulPage = PageGap;

/** Pages and FAQ questions with the most "not helpful" votes in the period, with what voters wrote (newest first). */
export async function unhelpfulPages(s: ViewSources, limit = 50): Promise<UnhelpfulPage[]> {
	const now = s.now ?? Date.now();
	const votes = await s.feedback.store.list({ kind: 'vote', since: now - periodDays(s) * dayMs });
	return pageGaps(
		votes.map((v) => ({ page: v.page ?? '', helpful: v.helpful === true, comment: v.comment })),
		limit,
	);
}

export interface Week {
	/** Monday of the week (UTC), YYYY-MM-DD. */
	week: string;
	questions: number;
	zeroResultSearches: number;
	searches: number;
	helpful: number;
	notHelpful: number;
	/** helpful / (helpful + not helpful), or null without votes. */
	helpfulRatio: number | null;
}

/** Monday 00:00 UTC of the week holding `ms`. */
export const weekStart = (ms: number) => {
	const d = new Date(ms);
	const day = (d.getUTCDay() + 6) % 7;
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
};

/** The last `weeks` weeks (the current one included), oldest first. */
export async function weeklyTrend(s: ViewSources, weeks = 12): Promise<Week[]> {
	const now = s.now ?? Date.now();
	const first = weekStart(now) - (weeks - 1) * 7 * dayMs;
	const [submissions, days] = await Promise.all([
		s.feedback.store.list({ since: first }),
		s.support.events.days(dayOf(first)),
	]);
	const rows: Week[] = Array.from({ length: weeks }, (_, i) => ({
		week: dayOf(first + i * 7 * dayMs),
		questions: 0,
		zeroResultSearches: 0,
		searches: 0,
		helpful: 0,
		notHelpful: 0,
		helpfulRatio: null,
	}));
	const at = (ms: number) => rows[Math.floor((weekStart(ms) - first) / (7 * dayMs))];
	for (const sub of submissions) {
		const row = at(sub.createdAt);
		if (!row) continue;
		if (sub.kind === 'question') row.questions += 1;
		else if (sub.helpful) row.helpful += 1;
		else row.notHelpful += 1;
	}
	for (const d of days) {
		const row = at(Date.parse(`${d.day}T00:00:00Z`));
		if (!row) continue;
		row.searches += d.searches;
		row.zeroResultSearches += d.zeroResults;
	}
	for (const r of rows) r.helpfulRatio = r.helpful + r.notHelpful > 0 ? r.helpful / (r.helpful + r.notHelpful) : null;
	return rows;
}

export interface DeliveryStatus {
	/** The destination's name, or null when delivery is off. */
	destination: string | null;
	pending: number;
	delivered: number;
	failed: number;
	/** Submissions stored with no delivery (received while delivery was off). */
	unsent?: number;
	/** Questions stored in the period. */
	questionsStored: number;
}

export async function deliveryStatus(s: ViewSources): Promise<DeliveryStatus> {
	const now = s.now ?? Date.now();
	const [outbox, questions] = await Promise.all([
		s.feedback.store.outboxStatus(),
		s.feedback.store.questions(now - periodDays(s) * dayMs),
	]);
	return { destination: s.feedback.destination, ...outbox, questionsStored: questions.length };
}

/** The views that can be exported, each as rows of named cells; the questions view honours the filter. */
export const views = {
	questions: async (s: ViewSources, filter: ViewFilter = {}) =>
		(await waitingQuestions(s, 10_000, filter)).map((q) => ({ ...q })),
	'zero-results': async (s: ViewSources) =>
		(await zeroResultGroups(s)).flatMap((g) =>
			g.examples.map((e) => ({
				group: g.label,
				groupKey: g.key,
				groupSize: g.size,
				answeredBy: g.answeredBy?.page ?? '',
				kind: e.kind,
				text: e.text,
				count: e.count,
			})),
		),
	'searches-then-asked': async (s: ViewSources) => (await searchesThenAsked(s)).map((r) => ({ ...r })),
	'not-helpful': async (s: ViewSources) =>
		(await unhelpfulPages(s)).map((p) => ({
			page: p.page,
			notHelpful: p.notHelpful,
			helpful: p.helpful,
			comments: p.comments.join(' | '),
		})),
	trend: async (s: ViewSources) =>
		(await weeklyTrend(s)).map((w) => ({
			...w,
			helpfulRatio: w.helpfulRatio === null ? '' : w.helpfulRatio.toFixed(2),
		})),
	delivery: async (s: ViewSources) => {
		const status = await deliveryStatus(s);
		return [{ ...status, unsent: status.unsent ?? 0, destination: status.destination ?? 'off' }];
	},
} satisfies Record<string, (s: ViewSources, filter?: ViewFilter) => Promise<Array<Record<string, string | number>>>>;

export type ViewName = keyof typeof views;

/** Each view's columns, so that an empty export still has its header line. */
export const viewColumns: Record<ViewName, readonly string[]> = {
	questions: ['reference', 'received', 'question', 'email', 'audience', 'from', 'query', 'locale'],
	'zero-results': ['group', 'groupKey', 'groupSize', 'answeredBy', 'kind', 'text', 'count'],
	'searches-then-asked': ['query', 'searches', 'asked', 'zeroResults', 'filters'],
	'not-helpful': ['page', 'notHelpful', 'helpful', 'comments'],
	trend: ['week', 'questions', 'zeroResultSearches', 'searches', 'helpful', 'notHelpful', 'helpfulRatio'],
	delivery: ['destination', 'pending', 'delivered', 'failed', 'unsent', 'questionsStored'],
};
export const viewNames = Object.keys(views) as ViewName[];

/** Rows to CSV with a header line; columns from the first row (or `columns` when there are none). */
export function toCsv(
	rows: ReadonlyArray<Record<string, string | number>>,
	columns: readonly string[] = Object.keys(rows[0] ?? {}),
): string {
	return csvTable(columns, rows);
}
