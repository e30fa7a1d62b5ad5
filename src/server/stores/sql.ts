/**
 * The SQL both stores run, written once: the tables, the statements and the list and purge filters.
 * What differs between SQLite and PostgreSQL is data in a `Dialect`: table names, column types,
 * how an argument is written, what "no limit" is and how a text is searched for an address.
 */
import { defaultFeedbackLocale } from '../../schemas/feedback.ts';
import {
	submissionColumns,
	submissionFieldNames,
	type ListFilter,
	type PurgeCriteria,
	type StorableSubmission,
	type StoredSubmission,
} from '../store.ts';

export interface Dialect {
	/** Table names (kept as each store first created them). */
	submissions: string;
	outbox: string;
	/** Column types: an auto-numbered key, a whole number (milliseconds since the epoch), a yes/no. */
	types: { key: string; integer: string; boolean: string };
	/** How a yes/no is passed as an argument. */
	boolean(value: boolean): boolean | number;
	/** How the n-th argument (from 1) is written in a statement. */
	param(n: number): string;
	/** The LIMIT argument that means "every row". */
	noLimit: number | null;
	/**
	 * A condition that holds when any of `columns` mentions the address given as `param`. It may be a
	 * wider net (PostgreSQL's substring test); the store then keeps only real mentions.
	 */
	mentions(columns: readonly string[], param: string): string;
}

/** The text columns a reader may have written an address into. */
export const textColumns = ['question', 'comment', 'query'] as const;

/** Column names that differ from the field's name (`from` is an SQL keyword). */
const columnOf: Partial<Record<(typeof submissionFieldNames)[number], string>> = {
	createdAt: 'created_at',
	from: 'from_page',
};
const submissionFields = submissionFieldNames.map((field) => columnOf[field] ?? field);

/**
 * Columns added after the first release, which a database created before them lacks: each store adds
 * the missing ones when it opens (SQLite after reading its table's columns, PostgreSQL with
 * ADD COLUMN IF NOT EXISTS). Rows stored before get the default.
 */
export const addedColumns = [
	{ table: 'submissions', name: 'locale', definition: `TEXT NOT NULL DEFAULT '${defaultFeedbackLocale}'` },
] as const;

/** Statements and filters for one dialect. */
export function feedbackSql(d: Dialect) {
	const { submissions: s, outbox: o, types: t, param: p } = d;
	const params = (count: number, from = 1) => Array.from({ length: count }, (_, i) => p(from + i)).join(', ');
	/** Ends a lease (the claiming owner's only), setting `set` first. */
	const release = (set: string) =>
		`UPDATE ${o} SET ${set}, lease_owner = NULL, lease_until = NULL WHERE id = ${p(3)} AND lease_owner = ${p(4)}`;
	return {
		schema: `
CREATE TABLE IF NOT EXISTS ${s} (
	id ${t.key} PRIMARY KEY,
	reference TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('question', 'vote')),
	created_at ${t.integer} NOT NULL,
	question TEXT, email TEXT, audience TEXT, from_page TEXT, query TEXT,
	page TEXT, helpful ${t.boolean}, comment TEXT,
	locale TEXT NOT NULL DEFAULT '${defaultFeedbackLocale}'
);
CREATE INDEX IF NOT EXISTS ${s}_created ON ${s} (created_at);
CREATE INDEX IF NOT EXISTS ${s}_email ON ${s} (lower(email));
CREATE TABLE IF NOT EXISTS ${o} (
	id ${t.key} PRIMARY KEY,
	submission_id ${t.integer} NOT NULL REFERENCES ${s} (id) ON DELETE CASCADE,
	destination TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at ${t.integer} NOT NULL,
	lease_owner TEXT, lease_until ${t.integer},
	delivered_at ${t.integer}, failed_at ${t.integer},
	external_id TEXT, last_error TEXT
);
CREATE INDEX IF NOT EXISTS ${o}_due ON ${o} (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS ${o}_submission ON ${o} (submission_id);
`,
		/** Arguments: the fields of `submissionFields`, in that order. */
		insertSubmission: `INSERT INTO ${s} (${submissionFields.join(', ')}) VALUES (${params(submissionFields.length)})`,
		/** Arguments: submission id, destination, first attempt time. */
		insertOutbox: `INSERT INTO ${o} (submission_id, destination, next_attempt_at) VALUES (${params(3)})`,
		/** Arguments: time, external id, outbox id, owner. */
		delivered: release(`delivered_at = ${p(1)}, external_id = ${p(2)}, last_error = NULL`),
		/** Arguments: next attempt time, error, outbox id, owner. */
		retryLater: release(`next_attempt_at = ${p(1)}, last_error = ${p(2)}`),
		/** Arguments: time, error, outbox id, owner. */
		giveUp: release(`failed_at = ${p(1)}, last_error = ${p(2)}`),
		/** Argument: since. */
		questions: `SELECT question, created_at FROM ${s} WHERE kind = 'question' AND created_at >= ${p(1)}`,
		/** Argument: since. */
		votes: `SELECT page, helpful, comment FROM ${s} WHERE kind = 'vote' AND created_at >= ${p(1)}`,
		/** Newest first, filtered by kind and age, at most `limit` rows. */
		list(filter: ListFilter): { sql: string; args: Array<string | number | null> } {
			const where: string[] = [];
			const args: Array<string | number | null> = [];
			if (filter.kind) (args.push(filter.kind), where.push(`kind = ${p(args.length)}`));
			if (filter.locale) (args.push(filter.locale), where.push(`locale = ${p(args.length)}`));
			if (filter.since !== undefined) (args.push(filter.since), where.push(`created_at >= ${p(args.length)}`));
			args.push(filter.limit ?? d.noLimit);
			return {
				sql: `SELECT * FROM ${s} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${p(args.length)}`,
				args,
			};
		},
		/**
		 * The condition a purge deletes by (older than `before`, and/or written by or mentioning `email`)
		 * and its arguments, numbered from 1; a statement adds its own arguments after them.
		 */
		purgeFilter(criteria: PurgeCriteria): { where: string; args: Array<string | number> } {
			if (criteria.before === undefined && criteria.email === undefined)
				throw new Error('Refusing to purge without a criterion: give an age or an email address.');
			const where: string[] = [];
			const args: Array<string | number> = [];
			if (criteria.before !== undefined) (args.push(criteria.before), where.push(`created_at < ${p(args.length)}`));
			if (criteria.email !== undefined) {
				args.push(criteria.email);
				where.push(`(lower(email) = lower(${p(args.length)}) OR ${d.mentions(textColumns, p(args.length))})`);
			}
			return { where: where.join(' AND '), args };
		},
	};
}

/** The insert's arguments for one submission, in the order of `insertSubmission`. */
export function submissionArgs(
	d: Dialect,
	submission: StorableSubmission,
	meta: { reference: string; createdAt: number },
) {
	const c = submissionColumns(submission);
	const helpful = c.helpful === null ? null : d.boolean(c.helpful);
	return [
		meta.reference,
		submission.kind,
		meta.createdAt,
		c.question,
		c.email,
		c.audience,
		c.from,
		c.query,
		c.page,
		helpful,
		c.comment,
		c.locale,
	];
}

/** A stored row, whichever database it comes from (PostgreSQL gives a boolean, SQLite 0 or 1). */
export function toSubmission(row: Record<string, unknown>): StoredSubmission {
	const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
	const helpful = row['helpful'];
	return {
		id: Number(row['id']),
		reference: String(row['reference']),
		kind: row['kind'] === 'vote' ? 'vote' : 'question',
		createdAt: Number(row['created_at']),
		question: text(row['question']),
		email: text(row['email']),
		audience: text(row['audience']),
		from: text(row['from_page']),
		query: text(row['query']),
		page: text(row['page']),
		helpful: helpful === null || helpful === undefined ? null : helpful === true || Number(helpful) === 1,
		comment: text(row['comment']),
		locale: text(row['locale']) ?? defaultFeedbackLocale,
	};
}
