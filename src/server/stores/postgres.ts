/** The shared store: PostgreSQL, so that several server instances behind a load balancer see one set of submissions. */
import pg from 'pg';
import type { FeedbackSubmission } from '../../schemas/feedback.ts';
import { submissionColumns, type FeedbackStore, type ListFilter, type OutboxItem, type PurgeCriteria, type StoredSubmission } from '../store.ts';

const schema = `
CREATE TABLE IF NOT EXISTS feedback_submissions (
	id BIGSERIAL PRIMARY KEY,
	reference TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('question', 'vote')),
	created_at BIGINT NOT NULL,
	question TEXT, email TEXT, audience TEXT, from_page TEXT, query TEXT,
	page TEXT, helpful BOOLEAN, comment TEXT
);
CREATE INDEX IF NOT EXISTS feedback_submissions_created ON feedback_submissions (created_at);
CREATE INDEX IF NOT EXISTS feedback_submissions_email ON feedback_submissions (lower(email));
CREATE TABLE IF NOT EXISTS feedback_outbox (
	id BIGSERIAL PRIMARY KEY,
	submission_id BIGINT NOT NULL REFERENCES feedback_submissions (id) ON DELETE CASCADE,
	destination TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at BIGINT NOT NULL,
	lease_owner TEXT, lease_until BIGINT,
	delivered_at BIGINT, failed_at BIGINT,
	external_id TEXT, last_error TEXT
);
CREATE INDEX IF NOT EXISTS feedback_outbox_due ON feedback_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS feedback_outbox_submission ON feedback_outbox (submission_id);
`;

function toSubmission(row: Record<string, unknown>): StoredSubmission {
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
		helpful: row['helpful'] === null || row['helpful'] === undefined ? null : Boolean(row['helpful']),
		comment: text(row['comment']),
	};
}

/** Connects to PostgreSQL and creates the tables when missing. */
export async function openPostgresStore(connectionString: string): Promise<FeedbackStore> {
	const pool = new pg.Pool({ connectionString, max: 10 });
	// An idle client that loses its connection must not take the server down with it.
	pool.on('error', (error) => console.error('[feedback] PostgreSQL connection lost; the pool will reconnect.', error.message));
	try {
		// Two instances starting together must not both run CREATE TABLE at once.
		const client = await pool.connect();
		try {
			await client.query('SELECT pg_advisory_lock(7460231)');
			await client.query(schema);
			await client.query('SELECT pg_advisory_unlock(7460231)');
		} finally {
			client.release();
		}
	} catch (error) {
		await pool.end().catch(() => {});
		throw new Error(`Failed to open the PostgreSQL store named by DATABASE_URL: ${(error as Error).message}`, { cause: error });
	}

	async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
		const client = await pool.connect();
		try {
			await client.query('BEGIN');
			const result = await work(client);
			await client.query('COMMIT');
			return result;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
	}

	return {
		engine: 'postgres',
		async save(submission: FeedbackSubmission, meta) {
			const c = submissionColumns(submission);
			await transaction(async (client) => {
				const { rows } = await client.query(
					'INSERT INTO feedback_submissions (reference, kind, created_at, question, email, audience, from_page, query, page, helpful, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id',
					[meta.reference, submission.kind, meta.createdAt, c.question, c.email, c.audience, c.from, c.query, c.page, c.helpful, c.comment],
				);
				if (meta.destination) {
					await client.query('INSERT INTO feedback_outbox (submission_id, destination, next_attempt_at) VALUES ($1, $2, $3)', [rows[0].id, meta.destination, meta.createdAt]);
				}
			});
		},
		async claim(owner, now, leaseMs, limit) {
			// SKIP LOCKED: instances polling at the same moment take different rows instead of waiting.
			const { rows } = await pool.query(
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
			return rows.map((r): OutboxItem => ({ id: Number(r.outbox_id), destination: String(r.destination), attempts: Number(r.attempts), submission: toSubmission(r) }));
		},
		async delivered(id, owner, externalId, now) {
			await pool.query('UPDATE feedback_outbox SET delivered_at = $1, external_id = $2, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = $3 AND lease_owner = $4', [now, externalId, id, owner]);
		},
		async retryLater(id, owner, nextAttemptAt, error) {
			await pool.query('UPDATE feedback_outbox SET next_attempt_at = $1, last_error = $2, lease_owner = NULL, lease_until = NULL WHERE id = $3 AND lease_owner = $4', [nextAttemptAt, error, id, owner]);
		},
		async giveUp(id, owner, error, now) {
			await pool.query('UPDATE feedback_outbox SET failed_at = $1, last_error = $2, lease_owner = NULL, lease_until = NULL WHERE id = $3 AND lease_owner = $4', [now, error, id, owner]);
		},
		async list(filter: ListFilter) {
			const where: string[] = [];
			const args: unknown[] = [];
			if (filter.kind) (args.push(filter.kind), where.push(`kind = $${args.length}`));
			if (filter.since !== undefined) (args.push(filter.since), where.push(`created_at >= $${args.length}`));
			args.push(filter.limit ?? null);
			const sql = `SELECT * FROM feedback_submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${args.length}`;
			return (await pool.query(sql, args)).rows.map(toSubmission);
		},
		async questions(since = 0) {
			const { rows } = await pool.query("SELECT question, created_at FROM feedback_submissions WHERE kind = 'question' AND created_at >= $1", [since]);
			return rows.map((r) => ({ question: String(r.question), createdAt: Number(r.created_at) }));
		},
		async votes(since = 0) {
			const { rows } = await pool.query("SELECT page, helpful FROM feedback_submissions WHERE kind = 'vote' AND created_at >= $1", [since]);
			return rows.map((r) => ({ page: String(r.page), helpful: Boolean(r.helpful) }));
		},
		async purge(criteria: PurgeCriteria) {
			const where: string[] = [];
			const args: unknown[] = [];
			if (criteria.before !== undefined) (args.push(criteria.before), where.push(`created_at < $${args.length}`));
			if (criteria.email !== undefined) (args.push(criteria.email), where.push(`lower(email) = lower($${args.length})`));
			if (!where.length) throw new Error('Refusing to purge without a criterion: give an age or an email address.');
			return (await pool.query(`DELETE FROM feedback_submissions WHERE ${where.join(' AND ')}`, args)).rowCount ?? 0;
		},
		async outboxStatus() {
			const { rows } = await pool.query(
				'SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL) AS pending, count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered, count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed FROM feedback_outbox',
			);
			return { pending: Number(rows[0].pending), delivered: Number(rows[0].delivered), failed: Number(rows[0].failed) };
		},
		async close() {
			await pool.end();
		},
	};
}
