/** The shared store: PostgreSQL, so that several server instances behind a load balancer see one set of submissions. */
import pg from 'pg';
import { mentionsEmail } from '../../lib/email-mention.ts';
import {
	StoreBusyError,
	defaultStoreLimits,
	type FeedbackStore,
	type OutboxItem,
	type StorableSubmission,
	type StoreLimits,
} from '../store.ts';
import { setUpPool } from '../postgres-setup.ts';
import { addedColumns, feedbackSql, submissionArgs, textColumns, toSubmission, type Dialect } from './sql.ts';

const dialect: Dialect = {
	submissions: 'feedback_submissions',
	outbox: 'feedback_outbox',
	types: { key: 'BIGSERIAL', integer: 'BIGINT', boolean: 'BOOLEAN' },
	boolean: (value) => value,
	param: (n) => `$${n}`,
	noLimit: null,
	// Candidates by substring; the same whole-address test as SQLite then decides (see purge).
	mentions: (columns, param) =>
		`strpos(lower(${columns.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ")}), lower(${param})) > 0`,
};
const sql = feedbackSql(dialect);

/**
 * The shared tables, and the rate-limit counters all instances count in; then the columns added since
 * the first release, for a database created before them (see `addedColumns`).
 */
const schema = `${sql.schema}CREATE TABLE IF NOT EXISTS feedback_rate_windows (
	key TEXT NOT NULL,
	window_start BIGINT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (key, window_start)
);
${addedColumns
	.map(
		(c) =>
			`ALTER TABLE ${c.table === 'submissions' ? dialect.submissions : dialect.outbox} ADD COLUMN IF NOT EXISTS ${c.name} ${c.definition};`,
	)
	.join('\n')}
`;

/** Rows a purge deletes per statement, so a large purge never holds many row locks or one long transaction. */
const purgeBatchRows = 1000;

/** Errors that mean "the database did not answer in time" rather than "the database refused this". */
function isTimeout(error: unknown): boolean {
	const e = error as { code?: unknown; message?: unknown };
	// 57014: statement_timeout; 55P03: lock_not_available; 53300: too many connections. A refused or
	// reset connection is not "busy" but down: that stays a plain error (503 store_unavailable).
	if (typeof e?.code === 'string' && ['57014', '55P03', '53300', 'ETIMEDOUT'].includes(e.code)) return true;
	return typeof e?.message === 'string' && /timeout|timed out/i.test(e.message);
}

/**
 * Connects to PostgreSQL and creates the tables when missing. Every wait is bounded by
 * `limits.timeoutMs`: for a connection (connect and pool queue), for a statement on the server
 * (statement_timeout) and for its answer on the wire (query_timeout, a little longer, for a frozen
 * server); at most `limits.queue` requests wait for a connection. Beyond any of them: StoreBusyError.
 */
export async function openPostgresStore(
	connectionString: string,
	limits: StoreLimits = defaultStoreLimits,
): Promise<FeedbackStore> {
	const pool = new pg.Pool({
		connectionString,
		max: limits.poolSize,
		connectionTimeoutMillis: limits.timeoutMs,
		idleTimeoutMillis: 30_000,
		statement_timeout: limits.timeoutMs,
		query_timeout: limits.timeoutMs + 1000,
		idle_in_transaction_session_timeout: limits.timeoutMs * 4,
		// Keep probing idle connections, so one to a vanished server is noticed and replaced.
		keepAlive: true,
	});
	const retryAfter = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
	/** Turns a timeout or a full queue into StoreBusyError; other errors pass unchanged. */
	const busy = (error: unknown): unknown =>
		isTimeout(error)
			? new StoreBusyError(
					`PostgreSQL did not answer within ${limits.timeoutMs} ms: ${(error as Error).message}`,
					retryAfter,
					{ cause: error },
				)
			: error;
	/** Refuses at once when too many requests already wait for a connection. */
	const admit = () => {
		if (pool.waitingCount >= limits.queue)
			throw new StoreBusyError(
				`All ${limits.poolSize} PostgreSQL connections are busy and ${pool.waitingCount} requests wait for one.`,
				retryAfter,
			);
	};
	async function query(text: string, args: unknown[] = []): Promise<pg.QueryResult> {
		admit();
		try {
			return await pool.query(text, args);
		} catch (error) {
			throw busy(error);
		}
	}
	await setUpPool(pool, {
		label: 'feedback',
		lock: 7460231,
		statements: [schema],
		what: 'the PostgreSQL store named by DATABASE_URL',
	});

	async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
		admit();
		let client: pg.PoolClient;
		try {
			client = await pool.connect();
		} catch (error) {
			throw busy(error);
		}
		try {
			await client.query('BEGIN');
			const result = await work(client);
			await client.query('COMMIT');
			client.release();
			return result;
		} catch (error) {
			// After a timeout the connection may still be busy with the statement: discard it rather than reuse it.
			if (isTimeout(error)) client.release(error as Error);
			else {
				await client.query('ROLLBACK').catch(() => {});
				client.release();
			}
			throw busy(error);
		}
	}

	return {
		engine: 'postgres',
		async save(submission: StorableSubmission, meta) {
			await transaction(async (client) => {
				const { rows } = await client.query(
					`${sql.insertSubmission} RETURNING id`,
					submissionArgs(dialect, submission, meta),
				);
				if (meta.destination) await client.query(sql.insertOutbox, [rows[0].id, meta.destination, meta.createdAt]);
			});
		},
		async claim(owner, now, leaseMs, limit) {
			// SKIP LOCKED: instances polling at the same moment take different rows instead of waiting.
			const { rows } = await query(
				`UPDATE feedback_outbox o SET lease_owner = $1, lease_until = $2, attempts = o.attempts + 1
				FROM (
					SELECT id FROM feedback_outbox
					WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
					ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
				) due, feedback_submissions s
				WHERE o.id = due.id AND s.id = o.submission_id
				RETURNING o.id AS outbox_id, o.destination, o.attempts, s.*`,
				[owner, now + leaseMs, now, limit],
			);
			return rows.map((r): OutboxItem => ({
				id: Number(r.outbox_id),
				destination: String(r.destination),
				attempts: Number(r.attempts),
				submission: toSubmission(r),
			}));
		},
		async delivered(id, owner, externalId, now) {
			await query(sql.delivered, [now, externalId, id, owner]);
		},
		async retryLater(id, owner, nextAttemptAt, error) {
			await query(sql.retryLater, [nextAttemptAt, error, id, owner]);
		},
		async giveUp(id, owner, error, now) {
			await query(sql.giveUp, [now, error, id, owner]);
		},
		async list(filter) {
			const { sql: text, args } = sql.list(filter);
			return (await query(text, args)).rows.map(toSubmission);
		},
		async questions(since = 0) {
			const { rows } = await query(sql.questions, [since]);
			return rows.map((r) => ({ question: String(r.question), createdAt: Number(r.created_at) }));
		},
		async votes(since = 0) {
			const { rows } = await query(sql.votes, [since]);
			return rows.map((r) => ({
				page: String(r.page),
				helpful: Boolean(r.helpful),
				comment: r.comment === null ? null : String(r.comment),
			}));
		},
		async purge(criteria) {
			const { where, args } = sql.purgeFilter(criteria);
			let removed = 0;
			let after = 0;
			for (;;) {
				const { rows } = await query(
					`SELECT id, email, question, comment, query FROM feedback_submissions WHERE id > $${args.length + 1} AND ${where} ORDER BY id LIMIT ${purgeBatchRows}`,
					[...args, after],
				);
				if (rows.length === 0) break;
				after = Number(rows[rows.length - 1].id);
				const email = criteria.email;
				const ids = rows
					.filter(
						(r) =>
							email === undefined ||
							String(r.email ?? '').toLowerCase() === email.toLowerCase() ||
							textColumns.some((column) => typeof r[column] === 'string' && mentionsEmail(r[column], email)),
					)
					.map((r) => r.id);
				if (ids.length)
					removed +=
						(await query('DELETE FROM feedback_submissions WHERE id = ANY($1::bigint[])', [ids])).rowCount ?? 0;
				if (rows.length < purgeBatchRows) break;
			}
			return removed;
		},
		async vacuum() {
			// Plain VACUUM lets the space of deleted rows be reused; it does not block writes.
			await query('VACUUM feedback_outbox');
			await query('VACUUM feedback_submissions');
		},
		async countInWindow(client, windowStart, clientLimit) {
			// One statement: the counters live in the shared database, so all instances count together.
			const { rows } = await query(
				`WITH c AS (
					INSERT INTO feedback_rate_windows (key, window_start, count) VALUES ($1, $2, 1)
					ON CONFLICT (key, window_start) DO UPDATE SET count = feedback_rate_windows.count + 1 RETURNING count
				), s AS (
					INSERT INTO feedback_rate_windows (key, window_start, count) SELECT '*site', $2, 1 FROM c WHERE c.count <= $3
					ON CONFLICT (key, window_start) DO UPDATE SET count = feedback_rate_windows.count + 1 RETURNING count
				)
				SELECT (SELECT count FROM c) AS client, (SELECT count FROM s) AS site`,
				[`client:${client}`, windowStart, clientLimit],
			);
			// Old windows are of no use; clearing them now and then keeps the table at a few rows per client.
			if (Math.random() < 0.01)
				void query('DELETE FROM feedback_rate_windows WHERE window_start < $1', [windowStart - 120_000]).catch(
					() => {},
				);
			return { client: Number(rows[0].client), site: rows[0].site === null ? null : Number(rows[0].site) };
		},
		async outboxStatus() {
			const { rows } = await query(
				`SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL) AS pending, count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered, count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed,
				(SELECT count(*) FROM feedback_submissions s WHERE NOT EXISTS (SELECT 1 FROM feedback_outbox o WHERE o.submission_id = s.id)) AS unsent FROM feedback_outbox`,
			);
			return {
				pending: Number(rows[0].pending),
				delivered: Number(rows[0].delivered),
				failed: Number(rows[0].failed),
				unsent: Number(rows[0].unsent),
			};
		},
		async close() {
			await pool.end();
		},
	};
}
