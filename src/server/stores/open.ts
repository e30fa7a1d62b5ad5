/** Picks the store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import type { FeedbackConfig } from '../../schemas/feedback-config.ts';
import type { FeedbackStore } from '../store.ts';
import { openSqliteStore } from './sqlite.ts';

/** Opens the configured store; the PostgreSQL driver is loaded only when it is used. */
export async function openStore(config: Pick<FeedbackConfig, 'DATABASE_URL' | 'FEEDBACK_DB_PATH' | 'FEEDBACK_SQLITE_SYNC'>): Promise<FeedbackStore> {
	if (config.DATABASE_URL) {
		const { openPostgresStore } = await import('./postgres.ts');
		return openPostgresStore(config.DATABASE_URL);
	}
	return openSqliteStore(config.FEEDBACK_DB_PATH, config.FEEDBACK_SQLITE_SYNC);
}
