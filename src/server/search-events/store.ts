/**
 * Search events, counted per day: for each day, query (normalised and masked) and filters, how
 * many searches, how many found nothing, how many went on to ask; and per day and query which
 * results were opened. Single events are never stored, nor anything about who searched, so the
 * tables cannot tell one reader's searches from another's.
 */
import { filterKey, type SearchEvent } from '../../schemas/search-event.ts';
import type { SqlDb, Statement, Tables } from './database.ts';

export const searchEventTables: Tables = ({ bigint }) => `
CREATE TABLE IF NOT EXISTS search_days (
	day TEXT NOT NULL, query TEXT NOT NULL, filters TEXT NOT NULL,
	searches ${bigint} NOT NULL, zero_results ${bigint} NOT NULL, results_total ${bigint} NOT NULL, asked ${bigint} NOT NULL,
	PRIMARY KEY (day, query, filters)
);
CREATE TABLE IF NOT EXISTS search_opens (
	day TEXT NOT NULL, query TEXT NOT NULL, page TEXT NOT NULL, opens ${bigint} NOT NULL,
	PRIMARY KEY (day, query, page)
);`;

/** The UTC day of a time, as stored: YYYY-MM-DD. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** One query's totals over a period. */
export interface QueryTotals {
	query: string;
	searches: number;
	zeroResults: number;
	asked: number;
	/** The filters it was searched with most, "" for none. */
	filters: string;
	lastDay: string;
}

/** Totals per day, for the trend chart. */
export interface DayTotals {
	day: string;
	searches: number;
	zeroResults: number;
	asked: number;
}

const upsertDay = `INSERT INTO search_days (day, query, filters, searches, zero_results, results_total, asked) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, query, filters) DO UPDATE SET searches = search_days.searches + excluded.searches,
	zero_results = search_days.zero_results + excluded.zero_results, results_total = search_days.results_total + excluded.results_total, asked = search_days.asked + excluded.asked`;
const upsertOpen = `INSERT INTO search_opens (day, query, page, opens) VALUES (?, ?, ?, ?)
ON CONFLICT (day, query, page) DO UPDATE SET opens = search_opens.opens + excluded.opens`;

export interface SearchEventStore {
	/**
	 * Counts events into their day. Events arriving in the same turn of the event loop share one
	 * transaction; the promise resolves once they are committed.
	 */
	record(events: readonly SearchEvent[], at: number): Promise<void>;
	/** Queries searched since `sinceDay` (inclusive), most searched first. */
	queries(
		sinceDay: string,
		options?: { zeroOnly?: boolean; askedOnly?: boolean; limit?: number },
	): Promise<QueryTotals[]>;
	/** Totals per day since `sinceDay`. */
	days(sinceDay: string): Promise<DayTotals[]>;
	/** Results opened most for a query since `sinceDay`. */
	opened(sinceDay: string, limit?: number): Promise<Array<{ query: string; page: string; opens: number }>>;
	/** Deletes every day before `beforeDay`; returns how many rows went. */
	purgeBefore(beforeDay: string): Promise<number>;
	/** Commits what waits. */
	flush(): Promise<void>;
}

/** The search-event store over the support database. */
export function searchEventStore(db: SqlDb): SearchEventStore {
	type Waiting = { events: readonly SearchEvent[]; at: number; resolve: () => void; reject: (e: unknown) => void };
	let waiting: Waiting[] = [];
	let scheduled: Promise<void> | null = null;

	async function commit(): Promise<void> {
		const batch = waiting;
		waiting = [];
		scheduled = null;
		// Fold the batch first: a hundred searches for "payout" are one upsert.
		const days = new Map<string, [string, string, string, number, number, number, number]>();
		const opens = new Map<string, [string, string, string, number]>();
		for (const { events, at } of batch) {
			const day = dayOf(at);
			for (const e of events) {
				const filters = filterKey(e.filters);
				const key = `${day}\u0000${e.query}\u0000${filters}`;
				const row = days.get(key) ?? [day, e.query, filters, 0, 0, 0, 0];
				row[3] += 1;
				row[4] += e.results === 0 ? 1 : 0;
				row[5] += e.results;
				row[6] += e.asked ? 1 : 0;
				days.set(key, row);
				if (e.opened) {
					const okey = `${day}\u0000${e.query}\u0000${e.opened}`;
					const orow = opens.get(okey) ?? [day, e.query, e.opened, 0];
					orow[3] += 1;
					opens.set(okey, orow);
				}
			}
		}
		// In key order: two instances committing at once on PostgreSQL then lock rows in the same order and cannot deadlock.
		const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((e) => e[1]);
		const statements: Statement[] = [
			...sorted(days).map((r): Statement => [upsertDay, r]),
			...sorted(opens).map((r): Statement => [upsertOpen, r]),
		];
		try {
			await db.batch(statements);
			for (const w of batch) w.resolve();
		} catch (error) {
			for (const w of batch) w.reject(error);
		}
	}

	return {
		record(events, at) {
			return new Promise<void>((resolve, reject) => {
				waiting.push({ events, at, resolve, reject });
				scheduled ??= new Promise<void>((done) => setImmediate(() => void commit().then(done)));
			});
		},
		async flush() {
			if (scheduled) await scheduled;
			else if (waiting.length) await commit();
		},
		async queries(sinceDay, { zeroOnly = false, askedOnly = false, limit = 100 } = {}) {
			const rows = await db.all(
				`SELECT query, filters, sum(searches) AS searches, sum(zero_results) AS zero_results, sum(asked) AS asked, max(day) AS last_day
				FROM search_days WHERE day >= ? GROUP BY query, filters ORDER BY query`,
				[sinceDay],
			);
			// Filters are a column of the key: fold them here so that one query is one line, under its most used filters.
			const byQuery = new Map<string, QueryTotals & { best: number }>();
			for (const r of rows) {
				const q = String(r['query']);
				const searches = Number(r['searches']);
				const t = byQuery.get(q) ?? {
					query: q,
					searches: 0,
					zeroResults: 0,
					asked: 0,
					filters: '',
					lastDay: '',
					best: -1,
				};
				t.searches += searches;
				t.zeroResults += Number(r['zero_results']);
				t.asked += Number(r['asked']);
				if (String(r['last_day']) > t.lastDay) t.lastDay = String(r['last_day']);
				if (searches > t.best) [t.best, t.filters] = [searches, String(r['filters'])];
				byQuery.set(q, t);
			}
			return [...byQuery.values()]
				.filter((t) => (!zeroOnly || t.zeroResults > 0) && (!askedOnly || t.asked > 0))
				.sort(
					(a, b) =>
						(zeroOnly ? b.zeroResults - a.zeroResults : askedOnly ? b.asked - a.asked : b.searches - a.searches) ||
						b.lastDay.localeCompare(a.lastDay) ||
						a.query.localeCompare(b.query),
				)
				.slice(0, limit)
				.map(({ best: _best, ...t }) => t);
		},
		async days(sinceDay) {
			const rows = await db.all(
				'SELECT day, sum(searches) AS searches, sum(zero_results) AS zero_results, sum(asked) AS asked FROM search_days WHERE day >= ? GROUP BY day ORDER BY day',
				[sinceDay],
			);
			return rows.map((r) => ({
				day: String(r['day']),
				searches: Number(r['searches']),
				zeroResults: Number(r['zero_results']),
				asked: Number(r['asked']),
			}));
		},
		async opened(sinceDay, limit = 50) {
			const rows = await db.all(
				'SELECT query, page, sum(opens) AS opens FROM search_opens WHERE day >= ? GROUP BY query, page ORDER BY sum(opens) DESC, query, page LIMIT ?',
				[sinceDay, limit],
			);
			return rows.map((r) => ({ query: String(r['query']), page: String(r['page']), opens: Number(r['opens']) }));
		},
		async purgeBefore(beforeDay) {
			const [a = 0, b = 0] = await db.batch([
				['DELETE FROM search_days WHERE day < ?', [beforeDay]],
				['DELETE FROM search_opens WHERE day < ?', [beforeDay]],
			]);
			return a + b;
		},
	};
}
