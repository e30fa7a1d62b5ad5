/** What every feedback store (SQLite, PostgreSQL) offers: one interface, so the handler and worker do not care which. */
import type { FeedbackSubmission } from '../schemas/feedback.ts';
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
}

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
}

/** Which submissions to list; all filters optional. */
export interface ListFilter {
	kind?: 'question' | 'vote' | undefined;
	/** Only submissions at or after this time (ms since the epoch). */
	since?: number | undefined;
	limit?: number | undefined;
}

/** Which submissions to delete; at least one criterion. */
export interface PurgeCriteria {
	/** Delete submissions created before this time (ms since the epoch). */
	before?: number | undefined;
	/** Delete every submission left with this email address (compared case-insensitively). */
	email?: string | undefined;
}

/** A durable place for submissions and their outbox. */
export interface FeedbackStore {
	/** Which engine this is, for logs: "sqlite" or "postgres". */
	readonly engine: string;
	/**
	 * Stores a submission and, when `destination` is given, its outbox row in one transaction;
	 * resolves only once both are durable.
	 */
	save(submission: FeedbackSubmission, meta: { reference: string; createdAt: number; destination: string | null }): Promise<void>;
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
	votes(since?: number): Promise<PageVote[]>;
	/** Deletes submissions (and their deliveries); returns how many submissions went. */
	purge(criteria: PurgeCriteria): Promise<number>;
	/** Delivery counts by state. */
	outboxStatus(): Promise<OutboxStatus>;
	close(): Promise<void>;
}

/** The columns of a submission row, in the order both stores write them. */
export function submissionColumns(s: FeedbackSubmission) {
	return s.kind === 'question'
		? { question: s.question, email: s.email ?? null, audience: s.audience ?? null, from: s.from ?? null, query: s.query ?? null, page: null, helpful: null, comment: null }
		: { question: null, email: null, audience: null, from: null, query: null, page: s.page, helpful: s.helpful, comment: s.comment ?? null };
}
