/**
 * npm run bench:suggestions: how often the articles suggested while a question is typed on /ask/
 * include one that answers it. Runs the built site's own Pagefind index (the same pagefind.js the
 * browser loads, served by the built server on loopback) over scripts/bench/suggestion-cases.ts and
 * prints the hit rate in the first suggestion and in the five the form shows: for the question as
 * typed, without its little words, and as the form does it (src/lib/suggestion-query.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { fuseRankings, suggestionQuery, suggestionSearches } from '../../src/lib/suggestion-query.ts';
import { suggestionCases } from './suggestion-cases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pagefindJs = join(root, 'dist', 'client', 'pagefind', 'pagefind.js');
if (!existsSync(pagefindJs)) {
	console.error('The site is not built: run `npm run build` first.');
	process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'partner-help-suggest-'));
const child = spawn(process.execPath, [join(root, 'src', 'server', 'main.ts')], {
	env: { ...process.env, HOST: '127.0.0.1', PORT: '0', FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') },
	stdio: ['ignore', 'pipe', 'pipe'],
});
const base = await new Promise<string>((resolve, reject) => {
	let log = '';
	child.stdout.on('data', (c) => {
		log += c;
		const m = /listening on (http:\/\/[^\s]+)/i.exec(log);
		if (m) resolve(m[1]!.replace(/\/$/, ''));
	});
	child.once('exit', (code) => reject(new Error(`The server stopped (exit ${code}):\n${log}`)));
});

interface Pagefind {
	options(o: object): Promise<void>;
	search(term: string): Promise<{ results: Array<{ id: string; data(): Promise<{ url: string }> }> }>;
}

try {
	const pagefind = (await import(pathToFileURL(pagefindJs).href)) as Pagefind;
	await pagefind.options({ basePath: `${base}/pagefind/` });
	const top = async (term: string) => {
		const { results } = await pagefind.search(term);
		return Promise.all(results.slice(0, 5).map(async (r) => new URL((await r.data()).url, base).pathname));
	};
	const urlOf = new Map<string, string>();
	const ids = async (term: string) => {
		const { results } = await pagefind.search(term);
		for (const r of results.slice(0, 10)) if (!urlOf.has(r.id)) urlOf.set(r.id, new URL((await r.data()).url, base).pathname);
		return results.slice(0, 10).map((r) => r.id);
	};
	/** What the form shows: the fused rankings of the whole query and each word. */
	const fused = async (question: string) => fuseRankings(await Promise.all(suggestionSearches(question).map(ids))).map((id) => urlOf.get(id)!);
	const score = { raw: { at1: 0, at5: 0 }, query: { at1: 0, at5: 0 }, fused: { at1: 0, at5: 0 } };
	const misses: string[] = [];
	for (const c of suggestionCases) {
		for (const mode of ['raw', 'query', 'fused'] as const) {
			const term = mode === 'raw' ? c.question : suggestionQuery(c.question);
			const urls = mode === 'fused' ? await fused(c.question) : await top(term);
			if (c.answers.includes(urls[0] ?? '')) score[mode].at1++;
			if (urls.some((u) => c.answers.includes(u))) score[mode].at5++;
			else if (mode === 'fused') misses.push(`  "${c.question}" → searched "${term}": ${urls.join(', ') || 'no results'}`);
		}
	}
	const pct = (n: number) => `${((n / suggestionCases.length) * 100).toFixed(0)} % (${n}/${suggestionCases.length})`;
	console.log(`Suggestion relevance over ${suggestionCases.length} questions in readers' words\n`);
	console.log(`question as typed:      first suggestion right ${pct(score.raw.at1)}, a right one among 5: ${pct(score.raw.at5)}`);
	console.log(`without little words:   first suggestion right ${pct(score.query.at1)}, a right one among 5: ${pct(score.query.at5)}`);
	console.log(`what the form shows:    first suggestion right ${pct(score.fused.at1)}, a right one among 5: ${pct(score.fused.at5)}  (whole query + each word, fused)`);
	if (misses.length) console.log(`\nMisses (no right article among 5):\n${misses.join('\n')}`);
} finally {
	child.kill();
	rmSync(dir, { recursive: true, force: true });
}
