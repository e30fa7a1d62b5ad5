/** Picks the store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import type { FeedbackConfig } from '../../schemas/feedback-config.ts';
import type { FeedbackStore, StoreLimits } from '../store.ts';
import { startRetention } from './retention.ts';
import { openSqliteStore } from './sqlite.ts';

type StoreConfig = Pick<FeedbackConfig, 'DATABASE_URL' | 'FEEDBACK_DB_PATH' | 'FEEDBACK_SQLITE_SYNC'> &
	Partial<
		Pick<
			FeedbackConfig,
			'FEEDBACK_STORE_TIMEOUT_MS' | 'FEEDBACK_PG_POOL_SIZE' | 'FEEDBACK_PG_QUEUE' | 'FEEDBACK_RETENTION_DAYS'
		>
	>;

export interface OpenOptions {
	/** Create an SQLite file that does not exist yet (default true; the CLI asks for --create). */
	create?: boolean;
	/** Purge submissions older than FEEDBACK_RETENTION_DAYS on a timer (default true: the server does; the CLI does not). */
	retention?: boolean;
	log?: (message: string) => void;
}

/** Opens the configured store; the PostgreSQL driver is loaded only when it is used. */
export async function openStore(config: StoreConfig, options: OpenOptions = {}): Promise<FeedbackStore> {
	const limits: StoreLimits = {
		timeoutMs: config.FEEDBACK_STORE_TIMEOUT_MS ?? 3000,
		poolSize: config.FEEDBACK_PG_POOL_SIZE ?? 10,
		queue: config.FEEDBACK_PG_QUEUE ?? 100,
	};
	let store: FeedbackStore;
	if (config.DATABASE_URL) {
		const { openPostgresStore } = await import('./postgres.ts');
		store = await openPostgresStore(config.DATABASE_URL, limits);
	} else {
		store = openSqliteStore(config.FEEDBACK_DB_PATH, config.FEEDBACK_SQLITE_SYNC, {
			timeoutMs: limits.timeoutMs,
			create: options.create ?? true,
		});
	}
	const days = config.FEEDBACK_RETENTION_DAYS ?? 0;
	if (options.retention === false || days === 0) return store;
	const retention = startRetention(store, days, options.log);
	return {
		...store,
		engine: store.engine,
		async close() {
			await retention.stop();
			await store.close();
		},
	};
}
