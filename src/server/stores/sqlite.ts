/** The embedded store: one SQLite file in WAL mode, through Node's built-in `node:sqlite`. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { FeedbackSubmission } from '../../schemas/feedback.ts';
import { submissionColumns, type FeedbackStore, type ListFilter, type OutboxItem, type PurgeCriteria, type StoredSubmission } from '../store.ts';

const schema = `
CREATE TABLE IF NOT EXISTS submissions (
	id INTEGER PRIMARY KEY,
	reference TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('question', 'vote')),
	created_at INTEGER NOT NULL,
	question TEXT, email TEXT, audience TEXT, from_page TEXT, query TEXT,
	page TEXT, helpful INTEGER, comment TEXT
);
CREATE INDEX IF NOT EXISTS submissions_created ON submissions (created_at);
CREATE INDEX IF NOT EXISTS submissions_email ON submissions (lower(email));
CREATE TABLE IF NOT EXISTS outbox (
	id INTEGER PRIMARY KEY,
	submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
	destination TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	lease_owner TEXT, lease_until INTEGER,
	delivered_at INTEGER, failed_at INTEGER,
	external_id TEXT, last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_submission ON outbox (submission_id);
`;

type Row = Record<string, SQLInputValue>;

function toSubmission(row: Row): StoredSubmission {
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
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
		helpful: row['helpful'] === null ? null : Number(row['helpful']) === 1,
		comment: text(row['comment']),
	};
}

/** Opens (and creates when missing) the SQLite store at `path`; `sync` is SQLite's synchronous setting (see FEEDBACK_SQLITE_SYNC). */
export function openSqliteStore(path: string, sync: 'full' | 'normal' = 'full'): FeedbackStore {
	// An in-memory database would lose every submission when the server stops.
	if (path === '' || path === ':memory:' || path.startsWith('file:')) {
		throw new Error(`The SQLite store needs the path of a file (FEEDBACK_DB_PATH), not ${JSON.stringify(path)}: submissions must outlive the server.`);
	}
	mkdirSync(dirname(path), { recursive: true });
	const db = new DatabaseSync(path);
	// WAL lets the CLI read while the server writes. With FULL every commit syncs the WAL, so an
	// acknowledged submission survives a crash of the machine; NORMAL survives a crash of the process.
	db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;`);
	db.exec(schema);

	const insertSubmission = db.prepare(
		'INSERT INTO submissions (reference, kind, created_at, question, email, audience, from_page, query, page, helpful, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	);
	const insertOutbox = db.prepare('INSERT INTO outbox (submission_id, destination, next_attempt_at) VALUES (?, ?, ?)');
	const claim = db.prepare(`
		UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM outbox
			WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
			ORDER BY next_attempt_at LIMIT ?
		)
		RETURNING id, submission_id, destination, attempts`);
	const byId = db.prepare('SELECT * FROM submissions WHERE id = ?');

	/** Runs `work` in one write transaction; IMMEDIATE takes the write lock up front so two processes cannot deadlock. */
	function transaction<T>(work: () => T): T {
		db.exec('BEGIN IMMEDIATE');
		try {
			const result = work();
			db.exec('COMMIT');
			return result;
		} catch (error) {
			db.exec('ROLLBACK');
			throw error;
		}
	}

	type Meta = Parameters<FeedbackStore['save']>[1];
	let pending: Array<{ submission: FeedbackSubmission; meta: Meta; resolve: () => void; reject: (e: unknown) => void }> = [];

	function insert(submission: FeedbackSubmission, meta: Meta): void {
		const c = submissionColumns(submission);
		const { lastInsertRowid } = insertSubmission.run(
			meta.reference, submission.kind, meta.createdAt,
			c.question, c.email, c.audience, c.from, c.query, c.page, c.helpful === null ? null : c.helpful ? 1 : 0, c.comment,
		);
		if (meta.destination) insertOutbox.run(lastInsertRowid, meta.destination, meta.createdAt);
	}

	/** Commits every waiting submission in one transaction; each is acknowledged only after that commit. */
	function flush(): void {
		const batch = pending;
		pending = [];
		try {
			transaction(() => batch.forEach((p) => insert(p.submission, p.meta)));
			batch.forEach((p) => p.resolve());
		} catch {
			// One bad row must not fail the others: retry one by one, each in its own transaction.
			for (const p of batch) {
				try {
					transaction(() => insert(p.submission, p.meta));
					p.resolve();
				} catch (error) {
					p.reject(error);
				}
			}
		}
	}

	return {
		engine: 'sqlite',
		save(submission: FeedbackSubmission, meta) {
			return new Promise<void>((resolve, reject) => {
				pending.push({ submission, meta, resolve, reject });
				// Group commit: submissions that arrive while one commit (and its fsync) runs share the next one.
				if (pending.length === 1) setImmediate(flush);
			});
		},
		async claim(owner, now, leaseMs, limit) {
			const rows = transaction(() => claim.all(owner, now + leaseMs, now, now, limit));
			return rows.map((r): OutboxItem => ({
				id: Number(r['id']),
				destination: String(r['destination']),
				attempts: Number(r['attempts']),
				submission: toSubmission(byId.get(r['submission_id'] as number) as Row),
			}));
		},
		async delivered(id, owner, externalId, now) {
			db.prepare('UPDATE outbox SET delivered_at = ?, external_id = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = ? AND lease_owner = ?').run(now, externalId, id, owner);
		},
		async retryLater(id, owner, nextAttemptAt, error) {
			db.prepare('UPDATE outbox SET next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(nextAttemptAt, error, id, owner);
		},
		async giveUp(id, owner, error, now) {
			db.prepare('UPDATE outbox SET failed_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(now, error, id, owner);
		},
		async list(filter: ListFilter) {
			const where: string[] = [];
			const args: SQLInputValue[] = [];
			if (filter.kind) (where.push('kind = ?'), args.push(filter.kind));
			if (filter.since !== undefined) (where.push('created_at >= ?'), args.push(filter.since));
			const sql = `SELECT * FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
			return db.prepare(sql).all(...args, filter.limit ?? -1).map((r) => toSubmission(r as Row));
		},
		async questions(since = 0) {
			return db.prepare("SELECT question, created_at FROM submissions WHERE kind = 'question' AND created_at >= ?").all(since).map((r) => ({ question: String(r['question']), createdAt: Number(r['created_at']) }));
		},
		async votes(since = 0) {
			return db.prepare("SELECT page, helpful FROM submissions WHERE kind = 'vote' AND created_at >= ?").all(since).map((r) => ({ page: String(r['page']), helpful: Number(r['helpful']) === 1 }));
		},
		async purge(criteria: PurgeCriteria) {
			const where: string[] = [];
			const args: SQLInputValue[] = [];
			if (criteria.before !== undefined) (where.push('created_at < ?'), args.push(criteria.before));
			if (criteria.email !== undefined) (where.push('lower(email) = lower(?)'), args.push(criteria.email));
			if (!where.length) throw new Error('Refusing to purge without a criterion: give an age or an email address.');
			return transaction(() => Number(db.prepare(`DELETE FROM submissions WHERE ${where.join(' AND ')}`).run(...args).changes));
		},
		async outboxStatus() {
			const row = db
				.prepare('SELECT sum(delivered_at IS NULL AND failed_at IS NULL) AS pending, sum(delivered_at IS NOT NULL) AS delivered, sum(failed_at IS NOT NULL) AS failed FROM outbox')
				.get() as Row;
			return { pending: Number(row['pending'] ?? 0), delivered: Number(row['delivered'] ?? 0), failed: Number(row['failed'] ?? 0) };
		},
		async close() {
			// Commit what is waiting first: a submission handed to save() is never dropped by close().
			if (pending.length > 0) flush();
			db.close();
		},
	};
}
