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
/** The kinds every part must hold some of (`kindMin`); `medium` only labels the original tuning questions. */
const kinds = ['short', 'long', 'typo', 'unseen-word', 'deep-section'] as const;
const labelledCase = relevanceCaseSchema
	.extend({ audience: z.enum(audiences), kind: z.enum([...kinds, 'medium']) })
	.strict();
type LabelledCase = z.infer<typeof labelledCase>;

const relevanceFile = (name: string) => join(projectRoot, 'tests', 'relevance', name);
// The German parts are smaller (a second language's first set), so each kind needs fewer questions.
const parts = {
	tuning: { file: relevanceFile('tuning.yaml'), min: 120, kindMin: 10, mediumAllowed: true },
	'held-out': { file: relevanceFile('held-out.yaml'), min: 90, kindMin: 10, mediumAllowed: false },
	'de-tuning': { file: relevanceFile('de-tuning.yaml'), min: 30, kindMin: 4, mediumAllowed: true },
	'de-held-out': { file: relevanceFile('de-held-out.yaml'), min: 30, kindMin: 4, mediumAllowed: false },
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
	const { file, min, kindMin, mediumAllowed } = parts[part];

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

	it(`holds at least ${kindMin} questions of every kind, each true to its kind`, () => {
		const cases = labelled(part);
		for (const k of kinds)
			expect(cases.filter((c) => c.kind === k).length, `kind ${k}`).toBeGreaterThanOrEqual(kindMin);
		const wrong = cases.flatMap((c) => {
			const n = words(c.query);
			if (c.kind === 'short' && n > 3) return [`"${c.query}": short but ${n} words`];
			if (c.kind === 'long' && n < 8) return [`"${c.query}": long but ${n} words`];
			if (c.kind === 'medium' && (!mediumAllowed || n < 4 || n > 7))
				return [`"${c.query}": medium ${mediumAllowed ? `but ${n} words` : 'is not used in this part'}`];
			// A deep section is a section of a guide, not an FAQ question or a glossary entry.
			if (
				c.kind === 'deep-section' &&
				!paths(c).some((p) => p.includes('#') && !/^(\/[a-z]{2})?\/(faq|glossary)\//.test(p))
			)
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
	it('holds at least 200 questions in English and 60 in German', () => {
		expect(labelled('tuning').length + labelled('held-out').length).toBeGreaterThanOrEqual(200);
		expect(labelled('de-tuning').length + labelled('de-held-out').length).toBeGreaterThanOrEqual(60);
	});

	it('asks German readers only for German pages, and lets a German heading id hold umlauts', () => {
		const elsewhere = [...labelled('de-tuning'), ...labelled('de-held-out')].flatMap((c) =>
			paths(c).filter((p) => !p.startsWith('/de/')),
		);
		expect(elsewhere).toEqual([]);
		expect(() =>
			relevanceCaseSchema.parse({
				query: 'meldung 1099',
				expect: '/de/affiliates/onboarding/tax-forms/#meldung-für-us-personen',
			}),
		).not.toThrow();
		expect(() => relevanceCaseSchema.parse({ query: 'x y', expect: '/de/faq/#Großes Id' })).toThrow();
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
