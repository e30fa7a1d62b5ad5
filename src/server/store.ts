/** What every feedback store (SQLite, PostgreSQL) offers: one interface, so the handler and worker do not care which. */
import { defaultFeedbackLocale, type FeedbackLocale, type FeedbackSubmission } from '../schemas/feedback.ts';
import type { AskedQuestion, PageVote } from '../lib/content-gaps.ts';

/** A submission as stored, with its reference and time. Absent fields are null. */
export interface StoredSubmission {
	id: number;
	reference: string;
	kind: 'question' | 'vote';
	/** Milliseconds since the epoch. */
	createdAt: number;
	question: string | null;
	email: string | null;
	audience: string | null;
	from: string | null;
	query: string | null;
	page: string | null;
	helpful: boolean | null;
	comment: string | null;
	/** The language of the page it was sent from ('en', 'de'); 'en' for submissions stored before languages were recorded. */
	locale: string;
}

/** A stored submission's fields other than its internal id, in the order the stores and the exports give them. */
export const submissionFieldNames = [
	'reference',
	'kind',
	'createdAt',
	'question',
	'email',
	'audience',
	'from',
	'query',
	'page',
	'helpful',
	'comment',
	'locale',
] as const satisfies readonly Exclude<keyof StoredSubmission, 'id'>[];

/** Each kind of submission with its `locale` optional. */
type LocaleOptional<S> = S extends unknown ? Omit<S, 'locale'> & { locale?: FeedbackLocale | undefined } : never;
/** A submission to store: as the schema gives it, or without `locale` (stored as the root language, 'en'). */
export type StorableSubmission = LocaleOptional<FeedbackSubmission>;

/** A delivery the worker has claimed, with the submission it carries. */
export interface OutboxItem {
	id: number;
	destination: string;
	/** Attempts so far, this one included: above 1 means an earlier attempt may have reached the helpdesk. */
	attempts: number;
	submission: StoredSubmission;
}

/** Counts of deliveries by state. */
export interface OutboxStatus {
	pending: number;
	delivered: number;
	failed: number;
	/** Submissions stored without an outbox row (received while no destination was configured). */
	unsent: number;
}

/** Which submissions to list; all filters optional. */
export interface ListFilter {
	kind?: 'question' | 'vote' | undefined;
	/** Only submissions in this language ('en', 'de'). */
	locale?: string | undefined;
	/** Only submissions at or after this time (ms since the epoch). */
	since?: number | undefined;
	limit?: number | undefined;
}

/**
 * The store could not take the work in time (SQLite's write lock held elsewhere, PostgreSQL frozen,
 * its pool saturated). Nothing was recorded; the sender should try again after `retryAfterSeconds`.
 */
export class StoreBusyError extends Error {
	override name = 'StoreBusyError';
	readonly retryAfterSeconds: number;
	constructor(message: string, retryAfterSeconds = 5, options?: ErrorOptions) {
		super(message, options);
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

/** A vote as the content-gap report reads it: with its comment and, on FAQ pages, the question voted on. */
export interface StoredVote {
	page: string;
	helpful: boolean;
	comment: string | null;
}

/** Which submissions to delete; at least one criterion. */
export interface PurgeCriteria {
	/** Delete submissions created before this time (ms since the epoch). */
	before?: number | undefined;
	/**
	 * Delete every submission left with this email address (compared case-insensitively), and every
	 * one whose question, comment or search query mentions it.
	 */
	email?: string | undefined;
}

/** How long store work may wait, and how much may wait: beyond either, StoreBusyError. */
export interface StoreLimits {
	/** Longest wait for SQLite's write lock, a PostgreSQL connection or statement, in ms. */
	timeoutMs: number;
	/** PostgreSQL: most requests waiting for a connection from the pool. */
	queue: number;
	/** PostgreSQL: connections in the pool. */
	poolSize: number;
}

export const defaultStoreLimits: StoreLimits = { timeoutMs: 3000, queue: 100, poolSize: 10 };

/** A durable place for submissions and their outbox. */
export interface FeedbackStore {
	/** Which engine this is, for logs: "sqlite" or "postgres". */
	readonly engine: string;
	/**
	 * Stores a submission and, when `destination` is given, its outbox row in one transaction;
	 * resolves only once both are durable.
	 */
	save(
		submission: StorableSubmission,
		meta: { reference: string; createdAt: number; destination: string | null },
	): Promise<void>;
	/**
	 * Claims up to `limit` due deliveries for `owner` for `leaseMs`, counting an attempt on each.
	 * Another instance cannot claim them until the lease runs out.
	 */
	claim(owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxItem[]>;
	/** Marks a claimed delivery done. */
	delivered(id: number, owner: string, externalId: string | null, now: number): Promise<void>;
	/** Releases a claimed delivery to be tried again at `nextAttemptAt`. */
	retryLater(id: number, owner: string, nextAttemptAt: number, error: string): Promise<void>;
	/** Marks a claimed delivery as failed for good (the helpdesk refused it); it stays visible in the CLI. */
	giveUp(id: number, owner: string, error: string, now: number): Promise<void>;
	/** Submissions, newest first. */
	list(filter: ListFilter): Promise<StoredSubmission[]>;
	/** Every question (for the content-gap report). */
	questions(since?: number): Promise<AskedQuestion[]>;
	/** Every vote (for the content-gap report). */
	votes(since?: number): Promise<Array<PageVote & StoredVote>>;
	/**
	 * Counts one submission from `client` in the shared per-minute window starting at `windowStart`, and,
	 * only when that client is within `clientLimit`, one for the whole site; returns both counts after
	 * it (site: null when not counted). A refused client so never uses up the site's allowance.
	 * Present only where several instances share the store (PostgreSQL).
	 */
	countInWindow?(
		client: string,
		windowStart: number,
		clientLimit: number,
	): Promise<{ client: number; site: number | null }>;
	/**
	 * Deletes submissions (and their deliveries) in small batches that let other work run between them,
	 * then erases what the engine keeps of them (SQLite: zeroed pages, log truncated); returns how many went.
	 */
	purge(criteria: PurgeCriteria): Promise<number>;
	/**
	 * Rewrites the stored data so nothing deleted earlier survives in free space (SQLite: VACUUM, which
	 * holds the write lock for the whole rewrite; PostgreSQL: VACUUM of the feedback tables). Not run on a timer.
	 */
	vacuum?(): Promise<void>;
	/** Deliveries pending, delivered and failed, and how many submissions have no delivery at all. */
	outboxStatus(): Promise<OutboxStatus>;
	close(): Promise<void>;
}

/** The columns of a submission row, in the order both stores write them. A vote's FAQ question is kept as the page's fragment (`/faq/payments/#cookie-window`). */
export function submissionColumns(s: StorableSubmission) {
	const locale = s.locale ?? defaultFeedbackLocale;
	return s.kind === 'question'
		? {
				question: s.question,
				email: s.email ?? null,
				audience: s.audience ?? null,
				from: s.from ?? null,
				query: s.query ?? null,
				page: null,
				helpful: null,
				comment: null,
				locale,
			}
		: {
				question: null,
				email: null,
				audience: null,
				from: null,
				query: null,
				page: s.section ? `${s.page}#${s.section}` : s.page,
				helpful: s.helpful,
				comment: s.comment ?? null,
				locale,
			};
}
