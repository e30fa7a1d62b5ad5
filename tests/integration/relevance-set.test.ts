/**
 * The relevance set itself: its two parts parse, are large and varied enough to measure search
 * honestly, never repeat a question, and name only answers the built site really has.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { clientDir, page, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { loadRelevanceSet, relevanceCaseSchema } from '../../scripts/bench/relevance-set.ts';

const audiences = ['affiliate', 'customer', 'advertiser'] as const;
/** The kinds every part must hold at least 10 of; `medium` only labels the original tuning questions. */
const kinds = ['short', 'long', 'typo', 'unseen-word', 'deep-section'] as const;
const labelledCase = relevanceCaseSchema
	.extend({ audience: z.enum(audiences), kind: z.enum([...kinds, 'medium']) })
	.strict();
type LabelledCase = z.infer<typeof labelledCase>;

const parts = {
	tuning: { file: join(projectRoot, 'tests', 'relevance', 'tuning.yaml'), min: 120, mediumAllowed: true },
	'held-out': { file: join(projectRoot, 'tests', 'relevance', 'held-out.yaml'), min: 90, mediumAllowed: false },
} as const;
type Part = keyof typeof parts;

/** A part's entries with their labels; errors name the file, the entry and the field. */
function labelled(part: Part): LabelledCase[] {
	const { file } = parts[part];
	const parsed = z.array(labelledCase).safeParse(parseYaml(readFileSync(file, 'utf8')));
	if (!parsed.success) {
		throw new Error(`${file}: ${parsed.error.issues.map((i) => `entry ${i.path.join('.')}: ${i.message}`).join('; ')}`);
	}
	return parsed.data;
}

const paths = (c: LabelledCase): string[] => [c.expect].flat();
const words = (query: string) => query.trim().split(/\s+/).length;
const normalized = (query: string) => query.trim().toLowerCase().replace(/\s+/g, ' ');

describe.each(Object.keys(parts) as Part[])('relevance set part %s', (part) => {
	const { file, min, mediumAllowed } = parts[part];

	it('parses with the relevance schema, every entry labelled with an audience and a kind', () => {
		expect(loadRelevanceSet(file).length).toBeGreaterThanOrEqual(min);
		expect(labelled(part).length).toBeGreaterThanOrEqual(min);
	});

	it('asks as every audience does, roughly 40 % affiliates, 30 % customers, 30 % advertisers', () => {
		const cases = labelled(part);
		const share = (a: string) => cases.filter((c) => c.audience === a).length / cases.length;
		expect(share('affiliate'), 'affiliates').toBeGreaterThanOrEqual(0.3);
		expect(share('affiliate'), 'affiliates').toBeLessThanOrEqual(0.5);
		for (const a of ['customer', 'advertiser']) {
			expect(share(a), `${a}s`).toBeGreaterThanOrEqual(0.2);
			expect(share(a), `${a}s`).toBeLessThanOrEqual(0.4);
		}
	});

	it('holds at least 10 questions of every kind, each true to its kind', () => {
		const cases = labelled(part);
		for (const k of kinds) expect(cases.filter((c) => c.kind === k).length, `kind ${k}`).toBeGreaterThanOrEqual(10);
		const wrong = cases.flatMap((c) => {
			const n = words(c.query);
			if (c.kind === 'short' && n > 3) return [`"${c.query}": short but ${n} words`];
			if (c.kind === 'long' && n < 8) return [`"${c.query}": long but ${n} words`];
			if (c.kind === 'medium' && (!mediumAllowed || n < 4 || n > 7))
				return [`"${c.query}": medium ${mediumAllowed ? `but ${n} words` : 'is not used in this part'}`];
			// A deep section is a section of a guide, not an FAQ question or a glossary entry.
			if (c.kind === 'deep-section' && !paths(c).some((p) => p.includes('#') && !/^\/(faq|glossary)\//.test(p)))
				return [`"${c.query}": deep-section without a guide section`];
			return [];
		});
		expect(wrong).toEqual([]);
	});

	it('gives a list of answers only rarely (under 10 %)', () => {
		const cases = labelled(part);
		expect(cases.filter((c) => Array.isArray(c.expect)).length / cases.length).toBeLessThan(0.1);
	});

	it('expects only pages the built site has, and sections that are ids on them', () => {
		requireBuild();
		const missing = labelled(part).flatMap((c) =>
			paths(c).flatMap((p) => {
				const [path, fragment] = p.split('#') as [string, string | undefined];
				if (!existsSync(join(clientDir, path, 'index.html'))) return [`"${c.query}": no page ${path}`];
				if (fragment && !new RegExp(`\\sid="${fragment}"`).test(page(path)))
					return [`"${c.query}": no id "${fragment}" on ${path}`];
				return [];
			}),
		);
		expect(missing).toEqual([]);
	});
});

describe('relevance set as a whole', () => {
	it('holds at least 200 questions', () => {
		expect(labelled('tuning').length + labelled('held-out').length).toBeGreaterThanOrEqual(200);
	});

	it('never asks the same question twice, in one part or across both', () => {
		const seen = new Map<string, string>();
		const repeated: string[] = [];
		for (const part of Object.keys(parts) as Part[]) {
			for (const c of labelled(part)) {
				const key = normalized(c.query);
				const first = seen.get(key);
				if (first) repeated.push(`"${c.query}" in ${part}, already in ${first}`);
				else seen.set(key, part);
			}
		}
		expect(repeated).toEqual([]);
	});
});
