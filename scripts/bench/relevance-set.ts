/**
 * The relevance set (questions readers type, each with the page that should answer it)
 * and how well the search index answers it: hit@1, hit@3 and mean reciprocal rank.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import type { Landing } from '../../src/lib/search-landing.ts';

// A heading's id is its text slugged, letters kept as they are: German ids hold umlauts and ß ("#rückgabe-später").
const expectedPath = z
	.string()
	.regex(/^\/[^\s]*\/(#[\p{Ll}\p{Lo}\p{N}_-]+)?$/u, 'Expected a site path ending in "/", optionally with "#id".');

/** One question a reader would type, and where search should take them. */
export const relevanceCaseSchema = z.object({
	/** What the reader types, typos included. */
	query: z.string().min(2),
	/**
	 * The URL path of the answer. With a fragment (`/faq/payments/#when-do-i-get-paid`) the result
	 * must land on that question; without one, anywhere on that page counts. A list when two pages
	 * answer equally well: any of them counts.
	 */
	expect: z.union([expectedPath, z.array(expectedPath).min(2)]),
	/** Why this page is the answer, or what the query tests (a typo, a synonym). */
	note: z.string().optional(),
});
export type RelevanceCase = z.infer<typeof relevanceCaseSchema>;

/** Reads and validates the relevance set; errors name the file, the entry and the field. */
export function loadRelevanceSet(file: string): RelevanceCase[] {
	const parsed = z
		.array(relevanceCaseSchema)
		.min(1)
		.safeParse(parseYaml(readFileSync(file, 'utf8')));
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  entry ${i.path.join('.')}: ${i.message}`);
		throw new Error(
			`${file}: invalid relevance set\n${lines.join('\n')}\nHint: each entry is { query, expect: "/path/" or "/path/#id", note? }.`,
		);
	}
	return parsed.data;
}

/** One part of the relevance set. */
export interface RelevancePart {
	name: 'tuning' | 'held-out' | 'de-tuning' | 'de-held-out';
	/** The language searched (the index and the pipeline's words): its questions are asked on a page in it. */
	lang: 'en' | 'de';
	cases: RelevanceCase[];
	/** Whether its individual questions and misses may be shown: never for a held-out part. */
	showMisses: boolean;
}

/**
 * The parts of the relevance set in `dir`: `tuning.yaml`, which may be looked at while improving
 * search, and `held-out.yaml`, which is only ever measured; and the same for German readers,
 * `de-tuning.yaml` and `de-held-out.yaml`, searched in the German index. A folder with only the
 * older `queries.yaml` has that as its tuning part.
 */
export function loadRelevanceParts(dir: string): RelevancePart[] {
	const file = (name: string) => join(dir, name);
	const parts: RelevancePart[] = [];
	const tuning = existsSync(file('tuning.yaml')) ? file('tuning.yaml') : file('queries.yaml');
	parts.push({ name: 'tuning', lang: 'en', cases: loadRelevanceSet(tuning), showMisses: true });
	if (existsSync(file('held-out.yaml')))
		parts.push({ name: 'held-out', lang: 'en', cases: loadRelevanceSet(file('held-out.yaml')), showMisses: false });
	if (existsSync(file('de-tuning.yaml')))
		parts.push({ name: 'de-tuning', lang: 'de', cases: loadRelevanceSet(file('de-tuning.yaml')), showMisses: true });
	if (existsSync(file('de-held-out.yaml')))
		parts.push({
			name: 'de-held-out',
			lang: 'de',
			cases: loadRelevanceSet(file('de-held-out.yaml')),
			showMisses: false,
		});
	return parts;
}

/** Whether a landing answers a case: the exact section when the case names one, else the page; any of a list. */
export function answers(landing: Landing, expect: string | readonly string[]): boolean {
	if (typeof expect !== 'string') return expect.some((e) => answers(landing, e));
	return expect.includes('#') ? landing.url === expect : landing.pageUrl === expect;
}

/** 1-based rank of the first landing that answers, or undefined when none of them does. */
export function rankOf(landings: readonly Landing[], expect: string | readonly string[]): number | undefined {
	const index = landings.findIndex((l) => answers(l, expect));
	return index === -1 ? undefined : index + 1;
}

/** The figures the benchmark prints. */
export interface RelevanceScore {
	cases: number;
	hitAt1: number;
	hitAt3: number;
	/** Mean of 1/rank, counting a miss (not in the results looked at) as 0. */
	mrr: number;
}

/** Scores ranks (undefined = not found) as hit rates and mean reciprocal rank. */
export function score(ranks: ReadonlyArray<number | undefined>): RelevanceScore {
	const n = ranks.length;
	const share = (ok: (r: number) => boolean) => ranks.filter((r) => r !== undefined && ok(r)).length / n;
	return {
		cases: n,
		hitAt1: share((r) => r === 1),
		hitAt3: share((r) => r <= 3),
		mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n,
	};
}
