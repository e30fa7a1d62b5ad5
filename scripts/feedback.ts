/**
 * The support team's tool for the feedback store (the one the server uses: DATABASE_URL, else
 * FEEDBACK_DB_PATH). Usage: npm run feedback -- <command> [options]
 *
 *   list    [--kind question|vote] [--since 30d|YYYY-MM-DD] [--limit 50]   newest first
 *   export  --format csv|json [--kind …] [--since …] [--output FILE]        every matching submission
 *   gaps    [--since …] [--limit 10]      most frequent questions, pages with most "not helpful" votes
 *   purge   --older-than 365d | --email ADDRESS                             delete (privacy requests)
 *   status                                                                  deliveries pending / done / failed
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { frequentQuestions, unhelpfulPages } from '../src/lib/content-gaps.ts';
import { readConfig } from '../src/server/config.ts';
import { openStore } from '../src/server/stores/open.ts';
import { parseSince, table, toCsv, toJson } from './lib/feedback-format.ts';
import { userCommand } from './support-users.ts';

const usage = `Usage: npm run feedback -- <list|export|gaps|purge|status> [options]
  list    [--kind question|vote] [--since 30d|YYYY-MM-DD] [--limit N]
  export  --format csv|json [--kind question|vote] [--since …] [--output FILE]
  gaps    [--since …] [--limit N]
  purge   --older-than 365d | --email ADDRESS
  status`;

class UsageError extends Error {}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		kind: { type: 'string' },
		since: { type: 'string' },
		limit: { type: 'string' },
		format: { type: 'string' },
		output: { type: 'string' },
		'older-than': { type: 'string' },
		email: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});

function option<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; received "${value}".`);
	return value as T;
}
function count(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} must be a whole number of at least 1; received "${value}".`);
	return Number(value);
}
function since(name: string, value: string | undefined): number | undefined {
	try {
		return value === undefined ? undefined : parseSince(value);
	} catch (error) {
		throw new UsageError(`--${name}: ${(error as Error).message}`);
	}
}

async function main(): Promise<number> {
	const command = positionals[0];
	if (command === 'user') return userCommand(positionals.slice(1));
	if (values.help || !command) {
		console.log(usage);
		return command || values.help ? 0 : 2;
	}
	if (!['list', 'export', 'gaps', 'purge', 'status'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
	const kind = option('kind', values.kind, ['question', 'vote'] as const);
	const store = await openStore(readConfig());
	try {
		switch (command) {
			case 'list': {
				const rows = await store.list({ kind, since: since('since', values.since), limit: count('limit', values.limit, 50) });
				console.log(
					table(
						['reference', 'received', 'kind', 'text', 'where'],
						rows.map((s) => [
							s.reference,
							new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' '),
							s.kind === 'vote' ? (s.helpful ? 'vote: yes' : 'vote: no') : 'question',
							(s.kind === 'vote' ? (s.comment ?? '') : (s.question ?? '')).replace(/\s+/g, ' '),
							(s.kind === 'vote' ? s.page : s.from) ?? '',
						]),
					),
				);
				console.log(`\n${rows.length} submission${rows.length === 1 ? '' : 's'}.`);
				return 0;
			}
			case 'export': {
				const format = option('format', values.format, ['csv', 'json'] as const);
				if (!format) throw new UsageError('export needs --format csv or --format json.');
				const rows = await store.list({ kind, since: since('since', values.since) });
				const text = format === 'csv' ? toCsv(rows) : toJson(rows);
				if (values.output) {
					writeFileSync(values.output, text);
					console.error(`Wrote ${rows.length} submissions to ${values.output}.`);
				} else process.stdout.write(text);
				return 0;
			}
			case 'gaps': {
				const from = since('since', values.since);
				const limit = count('limit', values.limit, 10);
				const questions = frequentQuestions(await store.questions(from), limit);
				const pages = unhelpfulPages(await store.votes(from), limit);
				console.log('Most frequent unresolved questions\n');
				console.log(questions.length ? table(['times', 'last asked', 'question'], questions.map((q) => [String(q.count), new Date(q.lastAskedAt).toISOString().slice(0, 10), q.question.replace(/\s+/g, ' ')])) : '(none)');
				console.log('\nPages with the most "not helpful" votes\n');
				console.log(pages.length ? table(['not helpful', 'helpful', 'page'], pages.map((p) => [String(p.notHelpful), String(p.helpful), p.page])) : '(none)');
				return 0;
			}
			case 'purge': {
				const olderThan = values['older-than'];
				if (olderThan === undefined && values.email === undefined) throw new UsageError('purge needs --older-than AGE (e.g. 365d) or --email ADDRESS.');
				if (olderThan !== undefined && !/^\d+[hdw]$/.test(olderThan)) throw new UsageError(`--older-than must be an age such as 365d, 12h or 2w; received "${olderThan}".`);
				const removed = await store.purge({ before: olderThan === undefined ? undefined : parseSince(olderThan), email: values.email });
				console.log(`Deleted ${removed} submission${removed === 1 ? '' : 's'} and their pending deliveries.`);
				return 0;
			}
			default: {
				const s = await store.outboxStatus();
				console.log(`Deliveries: ${s.pending} pending, ${s.delivered} delivered, ${s.failed} failed (refused by the helpdesk; see last_error).`);
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
		console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : error.message);
		process.exitCode = error instanceof UsageError ? 2 : 1;
	},
);
