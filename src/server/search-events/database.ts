/**
 * The connection that the support side (search events, team accounts and sessions, answered
 * groups) keeps to the feedback database: the same SQLite file or PostgreSQL database as the
 * submissions, in tables of its own. The SQL is written once with `?` placeholders and
 * `ON CONFLICT` upserts, which both engines understand; the table definitions are written once too,
 * with the one column type that differs as a parameter.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { setUpPool } from '../postgres-setup.ts';

/** A value a statement takes. */
export type SqlValue = string | number | null;
/** A row as read: column name to value (numbers for integers, strings for text). */
export type SqlRow = Record<string, unknown>;
/** One statement with its parameters. */
export type Statement = readonly [sql: string, params?: readonly SqlValue[]];

/** The column types that differ between the engines. */
export interface ColumnTypes {
	/** A whole number that may pass 2³¹: a time in milliseconds, a running count. */
	bigint: 'INTEGER' | 'BIGINT';
}
const sqliteTypes: ColumnTypes = { bigint: 'INTEGER' };
const postgresTypes: ColumnTypes = { bigint: 'BIGINT' };

/** Table definitions for both engines, given the engine's column types; applied at start-up, idempotent. */
export type Tables = (types: ColumnTypes) => string;

/** What the support modules need from a database. */
export interface SqlDb {
	readonly engine: 'sqlite' | 'postgres';
	/** Reads rows. */
	all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
	/** Runs one statement; resolves with the number of rows it changed. */
	run(sql: string, params?: readonly SqlValue[]): Promise<number>;
	/** Runs statements in one transaction, in order; resolves with each one's changed-row count. */
	batch(statements: readonly Statement[]): Promise<number[]>;
	close(): Promise<void>;
}

/**
 * Opens the SQLite file the feedback store uses. Commits use synchronous=NORMAL on this
 * connection: counts and sessions survive a crash of the server process, and a commit does not
 * wait for the disk (the submissions' own connection keeps its setting).
 */
export function openSqliteDb(path: string, tables: readonly Tables[]): SqlDb {
	if (path === '' || path === ':memory:' || path.startsWith('file:'))
		throw new Error(`The SQLite store needs the path of a file, not ${JSON.stringify(path)}.`);
	mkdirSync(dirname(path), { recursive: true });
	const db = new DatabaseSync(path);
	db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
	for (const t of tables) db.exec(t(sqliteTypes));
	const cache = new Map<string, ReturnType<DatabaseSync['prepare']>>();
	const prepared = (sql: string) => {
		let statement = cache.get(sql);
		if (!statement) cache.set(sql, (statement = db.prepare(sql)));
		return statement;
	};
	const args = (params: readonly SqlValue[] = []) => params as SQLInputValue[];
	return {
		engine: 'sqlite',
		async all(sql, params) {
			return prepared(sql).all(...args(params)) as SqlRow[];
		},
		async run(sql, params) {
			return Number(prepared(sql).run(...args(params)).changes);
		},
		async batch(statements) {
			// Synchronous from BEGIN to COMMIT: no other request's statement can slip into the transaction.
			db.exec('BEGIN IMMEDIATE');
			try {
				const counts = statements.map(([sql, params]) => Number(prepared(sql).run(...args(params)).changes));
				db.exec('COMMIT');
				return counts;
			} catch (error) {
				db.exec('ROLLBACK');
				throw error;
			}
		},
		async close() {
			db.close();
		},
	};
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the support SQL never puts a `?` inside a literal). */
export function numbered(sql: string): string {
	let n = 0;
	return sql.replace(/\?/g, () => `$${++n}`);
}

/** Opens a pool to the PostgreSQL database named by DATABASE_URL, with time limits so that a stuck database answers with an error, not a hang. */
export async function openPostgresDb(connectionString: string, tables: readonly Tables[]): Promise<SqlDb> {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({
		connectionString,
		max: 5,
		connectionTimeoutMillis: 5000,
		statement_timeout: 5000,
		idleTimeoutMillis: 30_000,
	});
	await setUpPool(pool, {
		label: 'support',
		lock: 7460232,
		statements: tables.map((t) => t(postgresTypes)),
		what: 'the support tables in the PostgreSQL database named by DATABASE_URL',
	});
	return {
		engine: 'postgres',
		async all(sql, params = []) {
			return (await pool.query(numbered(sql), [...params])).rows as SqlRow[];
		},
		async run(sql, params = []) {
			return (await pool.query(numbered(sql), [...params])).rowCount ?? 0;
		},
		async batch(statements) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const counts: number[] = [];
				for (const [sql, params = []] of statements)
					counts.push((await client.query(numbered(sql), [...params])).rowCount ?? 0);
				await client.query('COMMIT');
				return counts;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {});
				throw error;
			} finally {
				client.release();
			}
		},
		async close() {
			await pool.end();
		},
	};
}

/** Opens the database the feedback store uses: PostgreSQL when `databaseUrl` is set, else the SQLite file. */
export function openSupportDb(
	where: { databaseUrl?: string | undefined; sqlitePath: string },
	tables: readonly Tables[],
): Promise<SqlDb> {
	return where.databaseUrl
		? openPostgresDb(where.databaseUrl, tables)
		: Promise.resolve(openSqliteDb(where.sqlitePath, tables));
}
