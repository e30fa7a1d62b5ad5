/**
 * The support team's tool for the feedback store (the one the server uses: DATABASE_URL, else
 * FEEDBACK_DB_PATH). Usage: npm run feedback -- <command> [options]
 *
 *   list    [--kind question|vote] [--locale en|de] [--since 30d|YYYY-MM-DD] [--limit 50]
 *           newest first, with email, audience and language
 *   export  --format csv|json [--kind …] [--locale …] [--since …] [--output FILE]   every matching submission (file mode 0600)
 *   gaps    [--since …] [--limit 10]      most frequent questions, pages and FAQ questions with most "not helpful" votes
 *   purge   --older-than 365d | --email ADDRESS [--vacuum]                  delete and erase (privacy requests)
 *   status                                                                  whether delivery is on; deliveries pending / done / failed
 *
 * An SQLite path that does not exist is an error (a typo would otherwise show an empty store); --create makes it.
 */
import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { frequentQuestions, unhelpfulPages } from '../../src/lib/content-gaps.ts';
import { feedbackLocales } from '../../src/schemas/feedback.ts';
import { readConfig } from '../../src/server/config.ts';
import { openStore } from '../../src/server/stores/open.ts';
import type { StoredSubmission } from '../../src/server/store.ts';
import { parseSince, table, terminalSafe, toCsv, toJson } from './format.ts';
import { userCommand } from './users.ts';

const usage = `Usage: npm run feedback -- <list|export|gaps|purge|status> [options]
  list    [--kind question|vote] [--locale ${feedbackLocales.join('|')}] [--since 30d|YYYY-MM-DD] [--limit N]
  export  --format csv|json [--kind question|vote] [--locale …] [--since …] [--output FILE]
  gaps    [--since …] [--limit N]
  purge   --older-than 365d | --email ADDRESS [--vacuum]
  status
  --create   start an empty SQLite store when FEEDBACK_DB_PATH does not exist`;

class UsageError extends Error {}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		kind: { type: 'string' },
		locale: { type: 'string' },
		since: { type: 'string' },
		limit: { type: 'string' },
		format: { type: 'string' },
		output: { type: 'string' },
		'older-than': { type: 'string' },
		email: { type: 'string' },
		vacuum: { type: 'boolean' },
		create: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' },
	},
});

function option<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!allowed.includes(value as T))
		throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; received "${value}".`);
	return value as T;
}
function count(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1)
		throw new UsageError(`--${name} must be a whole number of at least 1; received "${value}".`);
	return Number(value);
}
function since(name: string, value: string | undefined): number | undefined {
	try {
		return value === undefined ? undefined : parseSince(value);
	} catch (error) {
		throw new UsageError(`--${name}: ${(error as Error).message}`);
	}
}

/** Where a submission came from, as an agent reads it: the page, or the search and its query. */
function where(s: StoredSubmission): string {
	if (s.kind === 'vote') return s.page ?? '';
	const query = s.query ? `search: ${JSON.stringify(s.query)}` : '';
	if (s.from === 'search' || (!s.from && query)) return query || 'search';
	return [s.from ?? '', query && `(${query})`].filter(Boolean).join(' ');
}

/** Writes a file only its owner can read: exports hold readers' questions and addresses. */
function writePrivate(path: string, text: string): void {
	const fd = openSync(path, 'w', 0o600);
	try {
		// An existing file keeps its mode on open: set it.
		fchmodSync(fd, 0o600);
		writeSync(fd, text);
	} finally {
		closeSync(fd);
	}
}

async function main(): Promise<number> {
	const command = positionals[0];
	if (command === 'user') return userCommand(positionals.slice(1));
	if (values.help || !command) {
		console.log(usage);
		return command || values.help ? 0 : 2;
	}
	if (!['list', 'export', 'gaps', 'purge', 'status'].includes(command))
		throw new UsageError(`Unknown command "${command}".`);
	const kind = option('kind', values.kind, ['question', 'vote'] as const);
	const locale = option('locale', values.locale, feedbackLocales);
	const config = readConfig();
	const store = await openStore(config, { create: values.create === true, retention: false });
	try {
		switch (command) {
			case 'list': {
				const rows = await store.list({
					kind,
					locale,
					since: since('since', values.since),
					limit: count('limit', values.limit, 50),
				});
				console.log(
					table(
						['reference', 'received', 'kind', 'lang', 'email', 'audience', 'text', 'where'],
						rows.map((s) => [
							s.reference,
							new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' '),
							s.kind === 'vote' ? (s.helpful ? 'vote: yes' : 'vote: no') : 'question',
							s.locale,
							s.email ?? '',
							s.audience ?? '',
							(s.kind === 'vote' ? (s.comment ?? '') : (s.question ?? '')).replace(/\s+/g, ' '),
							where(s),
						]),
					),
				);
				console.log(`\n${rows.length} submission${rows.length === 1 ? '' : 's'}.`);
				return 0;
			}
			case 'export': {
				const format = option('format', values.format, ['csv', 'json'] as const);
				if (!format) throw new UsageError('export needs --format csv or --format json.');
				const rows = await store.list({ kind, locale, since: since('since', values.since) });
				const text = format === 'csv' ? toCsv(rows) : toJson(rows);
				if (values.output) {
					writePrivate(values.output, text);
					console.error(`Wrote ${rows.length} submissions to ${terminalSafe(values.output)}.`);
				} else process.stdout.write(text);
				return 0;
			}
			case 'gaps': {
				const from = since('since', values.since);
				const limit = count('limit', values.limit, 10);
				const questions = frequentQuestions(await store.questions(from), limit);
				const votes = await store.votes(from);
				// A vote on an FAQ question carries it as the page's fragment: each question is its own row.
				const pages = unhelpfulPages(votes, limit);
				console.log('Most frequent unresolved questions\n');
				console.log(
					questions.length
						? table(
								['times', 'last asked', 'question'],
								questions.map((q) => [
									String(q.count),
									new Date(q.lastAskedAt).toISOString().slice(0, 10),
									q.question.replace(/\s+/g, ' '),
								]),
							)
						: '(none)',
				);
				console.log('\nPages and FAQ questions with the most "not helpful" votes\n');
				console.log(
					pages.length
						? table(
								['not helpful', 'helpful', 'page', 'comments'],
								pages.map((p) => [
									String(p.notHelpful),
									String(p.helpful),
									p.page,
									p.comments.map((c) => `"${c.replace(/\s+/g, ' ')}"`).join('; '),
								]),
							)
						: '(none)',
				);
				return 0;
			}
			case 'purge': {
				const olderThan = values['older-than'];
				if (olderThan === undefined && values.email === undefined)
					throw new UsageError('purge needs --older-than AGE (e.g. 365d) or --email ADDRESS.');
				if (olderThan !== undefined && !/^\d+[hdw]$/.test(olderThan))
					throw new UsageError(`--older-than must be an age such as 365d, 12h or 2w; received "${olderThan}".`);
				const removed = await store.purge({
					before: olderThan === undefined ? undefined : parseSince(olderThan),
					email: values.email,
				});
				console.log(`Deleted ${removed} submission${removed === 1 ? '' : 's'} and their pending deliveries.`);
				if (values.vacuum) {
					await store.vacuum?.();
					console.log(
						store.engine === 'sqlite'
							? 'Rewrote the database file (VACUUM): nothing deleted earlier is left in it.'
							: 'Ran VACUUM on the feedback tables.',
					);
				}
				console.log('Copies already delivered to the helpdesk are not affected: delete them there.');
				return 0;
			}
			default: {
				const s = await store.outboxStatus();
				if (config.FEEDBACK_DESTINATION === 'none') {
					console.log(
						'Delivery is off (FEEDBACK_DESTINATION=none): submissions stay in the store and nobody is notified of them.',
					);
				} else console.log(`Delivery is on: to ${config.FEEDBACK_DESTINATION}.`);
				console.log(
					`Stored without delivery: ${s.unsent} submission${s.unsent === 1 ? '' : 's'} (received while delivery was off; they are never sent: read them with list or export).`,
				);
				console.log(
					`Deliveries: ${s.pending} pending, ${s.delivered} delivered, ${s.failed} failed (refused by the helpdesk; see last_error).`,
				);
				return 0;
			}
		}
	} finally {
		await store.close();
	}
}

main().then(
	(code) => (process.exitCode = code),
	(error: Error) => {
		// Messages may quote what was typed or stored: made terminal-safe like table cells.
		console.error(
			error instanceof UsageError ? `${terminalSafe(error.message)}\n\n${usage}` : terminalSafe(error.message),
		);
		process.exitCode = error instanceof UsageError ? 2 : 1;
	},
);
