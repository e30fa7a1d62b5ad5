/**
 * What every PostgreSQL pool of the server does as it opens, the feedback store's and the support
 * tables' alike: it logs, rather than throws, when an idle client loses its connection (the pool
 * reconnects; an unhandled 'error' would take the server down), and it creates its tables under an
 * advisory lock, so that two instances starting together do not both run CREATE TABLE at once. When
 * that fails the pool is closed and the error says what could not be opened.
 */
import type pg from 'pg';

export interface PoolSetup {
	/** The log prefix of the part of the server that owns the pool, e.g. "feedback". */
	label: string;
	/** The advisory lock's key: one per set of tables, so that unrelated set-ups do not wait for each other. */
	lock: number;
	/** The statements that create the tables, run in order. */
	statements: readonly string[];
	/** What the error says could not be opened, e.g. "the PostgreSQL store named by DATABASE_URL". */
	what: string;
}

export async function setUpPool(pool: pg.Pool, { label, lock, statements, what }: PoolSetup): Promise<void> {
	pool.on('error', (error) =>
		console.error(`[${label}] PostgreSQL connection lost; the pool will reconnect.`, error.message),
	);
	try {
		const client = await pool.connect();
		try {
			await client.query(`SELECT pg_advisory_lock(${lock})`);
			for (const statement of statements) await client.query(statement);
			await client.query(`SELECT pg_advisory_unlock(${lock})`);
		} finally {
			client.release();
		}
	} catch (error) {
		await pool.end().catch(() => {});
		throw new Error(`Failed to open ${what}: ${(error as Error).message}`, { cause: error });
	}
}
