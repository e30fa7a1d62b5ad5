/**
 * The embedded store: one SQLite file in WAL mode, through Node's built-in `node:sqlite`.
 *
 * `node:sqlite` is synchronous, so nothing here may wait inside SQLite: `busy_timeout` is 0, and a
 * write that finds the lock taken (by the CLI, a backup, another process) waits with timers on the
 * event loop and tries again, until its deadline; then it fails with StoreBusyError (503, Retry-After).
 * Long work (purge) runs in small transactions with a turn of the event loop between them.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { mentionsEmail } from '../../lib/email-mention.ts';
import {
	StoreBusyError,
	defaultStoreLimits,
	type FeedbackStore,
	type OutboxItem,
	type PurgeCriteria,
	type StorableSubmission,
} from '../store.ts';
import { addedColumns, feedbackSql, submissionArgs, toSubmission, type Dialect } from './sql.ts';

const dialect: Dialect = {
	submissions: 'submissions',
	outbox: 'outbox',
	types: { key: 'INTEGER', integer: 'INTEGER', boolean: 'INTEGER' },
	boolean: (value) => (value ? 1 : 0),
	param: (n) => `?${n}`,
	noLimit: -1,
	// mentions_email is registered on each connection (see openSqliteStore): the whole-address test.
	mentions: (columns, param) => columns.map((c) => `mentions_email(${c}, ${param})`).join(' OR '),
};
const sql = feedbackSql(dialect);

type Row = Record<string, SQLInputValue>;

/** SQLITE_BUSY or SQLITE_LOCKED, with or without an extended code. */
const isBusy = (error: unknown) => {
	const code = (error as { errcode?: unknown } | null)?.errcode;
	return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows a purge deletes per transaction: a short batch, with other requests served between batches. */
export const purgeBatchRows = 200;

export interface SqliteStoreOptions {
	/** Longest a write waits for the lock before StoreBusyError (default 3000 ms). */
	timeoutMs?: number;
	/** Create the file when it does not exist (default true; the CLI passes false unless told --create). */
	create?: boolean;
}

/**
 * Brings a database made before a column existed up to date (see `addedColumns`). Another process
 * opening the same file at the same moment may add the column first: that is not an error.
 */
function addMissingColumns(db: DatabaseSync): void {
	for (const column of addedColumns) {
		const table = column.table === 'submissions' ? dialect.submissions : dialect.outbox;
		const present = db.prepare(`PRAGMA table_info(${table})`).all() as Row[];
		if (present.some((c) => c['name'] === column.name)) continue;
		try {
			db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.name} ${column.definition}`);
		} catch (error) {
			if (!/duplicate column name/i.test((error as Error).message)) throw error;
		}
	}
}

/** Opens (and creates when missing) the SQLite store at `path`; `sync` is SQLite's synchronous setting (see FEEDBACK_SQLITE_SYNC). */
export function openSqliteStore(
	path: string,
	sync: 'full' | 'normal' = 'full',
	options: SqliteStoreOptions = {},
): FeedbackStore {
	const timeoutMs = options.timeoutMs ?? defaultStoreLimits.timeoutMs;
	// An in-memory database would lose every submission when the server stops.
	if (path === '' || path === ':memory:' || path.startsWith('file:')) {
		throw new Error(
			`The SQLite store needs the path of a file (FEEDBACK_DB_PATH), not ${JSON.stringify(path)}: submissions must outlive the server.`,
		);
	}
	if (!existsSync(path)) {
		if (options.create === false)
			throw new Error(`No feedback store at ${path}: check FEEDBACK_DB_PATH (or pass --create to start an empty one).`);
		// Readers' questions and addresses: only the server's own user may read the file. SQLite gives
		// its -wal and -shm files the database file's permissions.
		mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
		closeSync(openSync(path, 'a', 0o600));
	}
	const db = new DatabaseSync(path);
	// WAL lets the CLI read while the server writes. With FULL every commit syncs the WAL, so an
	// acknowledged submission survives a crash of the machine; NORMAL survives a crash of the process.
	// secure_delete: a purged row is overwritten with zeros, not just unlinked.
	db.exec(
		`PRAGMA busy_timeout = 0; PRAGMA journal_mode = WAL; PRAGMA synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;`,
	);
	db.exec(sql.schema);
	addMissingColumns(db);
	db.function('mentions_email', { deterministic: true }, (text, email) =>
		typeof text === 'string' && typeof email === 'string' && mentionsEmail(text, email) ? 1 : 0,
	);

	const insertSubmission = db.prepare(sql.insertSubmission);
	const insertOutbox = db.prepare(sql.insertOutbox);
	const claim = db.prepare(`
		UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM outbox
			WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
			ORDER BY next_attempt_at LIMIT ?
		)
		RETURNING id, submission_id, destination, attempts`);
	const byId = db.prepare('SELECT * FROM submissions WHERE id = ?');

	const busyError = (cause: unknown) =>
		new StoreBusyError(
			`The SQLite store at ${path} stayed locked by another connection for ${timeoutMs} ms.`,
			Math.max(1, Math.ceil(timeoutMs / 1000)),
			{ cause },
		);

	/** Takes the write lock now, or reports that it is held elsewhere (never waits inside SQLite). */
	function tryBegin(): boolean {
		try {
			db.exec('BEGIN IMMEDIATE');
			return true;
		} catch (error) {
			if (isBusy(error)) return false;
			throw error;
		}
	}

	/** Undoes an open transaction; after a failed COMMIT SQLite may already have rolled back. */
	function rollback(): void {
		if (db.isTransaction) db.exec('ROLLBACK');
	}

	const syncMode = sync === 'full' ? 'FULL' : 'NORMAL';

	/**
	 * Runs `work` in one write transaction; the lock is awaited on the event loop, with backoff, until the
	 * deadline. `durable: false` (purge batches) commits without syncing the log: losing such a commit in
	 * a power cut only means the rows are deleted by the next purge, and it spares each batch an fsync.
	 * The setting is restored before anything else can run on the connection.
	 */
	async function write<T>(work: () => T, options: { durable?: boolean } = {}): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		let delay = 1;
		const relaxed = options.durable === false && syncMode === 'FULL';
		for (;;) {
			if (relaxed) db.exec('PRAGMA synchronous = NORMAL');
			if (tryBegin()) break;
			if (relaxed) db.exec(`PRAGMA synchronous = ${syncMode}`);
			if (Date.now() + delay > deadline) throw busyError(undefined);
			await sleep(delay);
			delay = Math.min(delay * 2, 50);
		}
		try {
			const result = work();
			db.exec('COMMIT');
			return result;
		} catch (error) {
			rollback();
			throw error;
		} finally {
			if (relaxed) db.exec(`PRAGMA synchronous = ${syncMode}`);
		}
	}

	/** A read; in WAL mode it only meets a lock during recovery, and then it waits like a write. */
	async function read<T>(work: () => T): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		let delay = 1;
		for (;;) {
			try {
				return work();
			} catch (error) {
				if (!isBusy(error)) throw error;
				if (Date.now() + delay > deadline) throw busyError(error);
				await sleep(delay);
				delay = Math.min(delay * 2, 50);
			}
		}
	}

	type Meta = Parameters<FeedbackStore['save']>[1];
	interface Waiting {
		submission: StorableSubmission;
		meta: Meta;
		deadline: number;
		resolve: () => void;
		reject: (e: unknown) => void;
	}
	let pending: Waiting[] = [];
	let flushing: Promise<void> | undefined;

	function insert(submission: StorableSubmission, meta: Meta): void {
		const { lastInsertRowid } = insertSubmission.run(...(submissionArgs(dialect, submission, meta) as SQLInputValue[]));
		if (meta.destination) insertOutbox.run(lastInsertRowid, meta.destination, meta.createdAt);
	}

	/**
	 * Commits the batch, holding the lock `tryBegin` took. When the database refuses a row, the same
	 * batch is written again in one new transaction with a savepoint per row, so only that row fails
	 * and the lock is taken once more, not once per row.
	 */
	function commitBatch(batch: Waiting[]): void {
		try {
			for (const p of batch) insert(p.submission, p.meta);
			db.exec('COMMIT');
			for (const p of batch) p.resolve();
			return;
		} catch {
			rollback();
		}
		if (!tryBegin()) {
			// Another connection took the lock in between: the batch waits for the next turn.
			pending = [...batch, ...pending];
			return;
		}
		const outcomes: Array<unknown | null> = [];
		try {
			for (const p of batch) {
				db.exec('SAVEPOINT row');
				try {
					insert(p.submission, p.meta);
					db.exec('RELEASE row');
					outcomes.push(null);
				} catch (error) {
					db.exec('ROLLBACK TO row; RELEASE row');
					outcomes.push(error ?? new Error('The row was refused.'));
				}
			}
			db.exec('COMMIT');
		} catch (error) {
			// The commit itself failed (disk full, I/O error): nothing of the batch is stored.
			rollback();
			for (const p of batch) p.reject(error);
			return;
		}
		batch.forEach((p, i) => (outcomes[i] === null ? p.resolve() : p.reject(outcomes[i])));
	}

	/** Group commit: everything waiting shares one transaction (and one sync); while the lock is held elsewhere, arrivals join the wait. */
	async function flush(): Promise<void> {
		let delay = 1;
		while (pending.length > 0) {
			if (tryBeginSafe()) {
				const batch = pending;
				pending = [];
				commitBatch(batch);
				delay = 1;
				continue;
			}
			const now = Date.now();
			pending = pending.filter((p) => (p.deadline <= now ? (p.reject(busyError(undefined)), false) : true));
			if (pending.length === 0) break;
			await sleep(delay);
			delay = Math.min(delay * 2, 50);
		}
	}

	/** tryBegin for the flush loop: an error other than "busy" fails the waiting submissions, not the loop. */
	function tryBeginSafe(): boolean {
		try {
			return tryBegin();
		} catch (error) {
			const batch = pending;
			pending = [];
			for (const p of batch) p.reject(error);
			return false;
		}
	}

	function startFlush(): void {
		flushing ??= flush().finally(() => {
			flushing = undefined;
			if (pending.length > 0) startFlush();
		});
	}

	/** Empties the log into the file and truncates it, so deleted rows do not live on in the -wal file. */
	async function truncateLog(): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		let delay = 5;
		for (;;) {
			const row = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as Row | undefined;
			if (Number(row?.['busy'] ?? 0) === 0) return true;
			if (Date.now() + delay > deadline) return false;
			await sleep(delay);
			delay = Math.min(delay * 2, 100);
		}
	}

	async function purge(criteria: PurgeCriteria): Promise<number> {
		const { where, args } = sql.purgeFilter(criteria);
		let removed = 0;
		if (criteria.email === undefined) {
			// By age: the index finds the oldest rows; each batch deletes at most purgeBatchRows.
			const step = db.prepare(
				`DELETE FROM submissions WHERE id IN (SELECT id FROM submissions WHERE ${where} ORDER BY created_at LIMIT ${purgeBatchRows})`,
			);
			for (;;) {
				const changes = await write(() => Number(step.run(...args).changes), { durable: false });
				removed += changes;
				if (changes < purgeBatchRows) break;
				await nextTurn();
			}
		} else {
			// By address, which may sit in any text: walk the table in ranges of ids, so no statement scans all of it.
			const upper = db.prepare(
				`SELECT max(id) AS hi FROM (SELECT id FROM submissions WHERE id > ? ORDER BY id LIMIT ${purgeBatchRows * 4})`,
			);
			const step = db.prepare(
				`DELETE FROM submissions WHERE ${where} AND id > ?${args.length + 1} AND id <= ?${args.length + 2}`,
			);
			let low = 0;
			for (;;) {
				const high = (await read(() => upper.get(low)))?.['hi'];
				if (high === null || high === undefined) break;
				removed += await write(() => Number(step.run(...args, low, Number(high)).changes), { durable: false });
				low = Number(high);
				await nextTurn();
			}
		}
		if (removed > 0) await truncateLog();
		return removed;
	}

	return {
		engine: 'sqlite',
		save(submission: StorableSubmission, meta) {
			return new Promise<void>((resolve, reject) => {
				pending.push({ submission, meta, deadline: Date.now() + timeoutMs, resolve, reject });
				// Group commit: submissions that arrive while one commit (and its fsync) runs share the next one.
				if (pending.length === 1 && !flushing) setImmediate(startFlush);
			});
		},
		async claim(owner, now, leaseMs, limit) {
			const rows = await write(() => claim.all(owner, now + leaseMs, now, now, limit));
			return rows.map((r): OutboxItem => ({
				id: Number(r['id']),
				destination: String(r['destination']),
				attempts: Number(r['attempts']),
				submission: toSubmission(byId.get(r['submission_id'] as number) as Row),
			}));
		},
		async delivered(id, owner, externalId, now) {
			await write(() => db.prepare(sql.delivered).run(now, externalId, id, owner));
		},
		async retryLater(id, owner, nextAttemptAt, error) {
			await write(() => db.prepare(sql.retryLater).run(nextAttemptAt, error, id, owner));
		},
		async giveUp(id, owner, error, now) {
			await write(() => db.prepare(sql.giveUp).run(now, error, id, owner));
		},
		async list(filter) {
			const { sql: text, args } = sql.list(filter);
			return read(() =>
				db
					.prepare(text)
					.all(...args)
					.map((r) => toSubmission(r)),
			);
		},
		async questions(since = 0) {
			return read(() =>
				db
					.prepare(sql.questions)
					.all(since)
					.map((r) => ({ question: String(r['question']), createdAt: Number(r['created_at']) })),
			);
		},
		async votes(since = 0) {
			return read(() =>
				db
					.prepare(sql.votes)
					.all(since)
					.map((r) => ({
						page: String(r['page']),
						helpful: Number(r['helpful']) === 1,
						comment: r['comment'] === null ? null : String(r['comment']),
					})),
			);
		},
		purge,
		async vacuum() {
			// VACUUM takes the write lock itself; it waits for it like a write, then runs as one statement.
			await read(() => db.exec('VACUUM'));
			await truncateLog();
		},
		async outboxStatus() {
			return read(() => {
				const row = db
					.prepare(
						'SELECT sum(delivered_at IS NULL AND failed_at IS NULL) AS pending, sum(delivered_at IS NOT NULL) AS delivered, sum(failed_at IS NOT NULL) AS failed, (SELECT count(*) FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = s.id)) AS unsent FROM outbox',
					)
					.get() as Row;
				return {
					pending: Number(row['pending'] ?? 0),
					delivered: Number(row['delivered'] ?? 0),
					failed: Number(row['failed'] ?? 0),
					unsent: Number(row['unsent'] ?? 0),
				};
			});
		},
		async close() {
			// Commit what is waiting first: a submission handed to save() is never dropped by close().
			while (flushing || pending.length > 0) {
				if (!flushing) startFlush();
				await flushing;
			}
			db.close();
		},
	};
}
