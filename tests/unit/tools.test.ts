import { describe, expect, it } from 'vitest';
import { runTool, toolSlugs } from '../../src/lib/tools/index.ts';
import { answerHtml } from '../../src/lib/tools/answer.ts';
import { casesToday, toolCases } from '../fixtures/tools/cases.ts';
import { loadToolData } from '../fixtures/tools/data.ts';

const data = await loadToolData();

/** data-key → data-value of every figure of an answer's HTML. */
export const figures = (html: string) =>
	Object.fromEntries(
		[...html.matchAll(/<dd data-key="([^"]+)"(?: data-value="([^"]*)")?>/g)].map((m) => [m[1]!, m[2] ?? '']),
	);

describe.each(toolSlugs)('the %s tool', (slug) => {
	it(`has at least 15 hand-computed cases`, async () => {
		expect(toolCases[slug].length).toBeGreaterThanOrEqual(15);
	});

	it.each(toolCases[slug].map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const run = runTool(slug, data, c.query, casesToday);
		if (c.errors) {
			expect(run.answer).toBeUndefined();
			expect(Object.keys(run.errors).sort()).toEqual(Object.keys(c.errors).sort());
			for (const [field, start] of Object.entries(c.errors))
				expect(run.errors[field]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\S`));
			// What was sent comes back to refill the form.
			for (const [field, value] of Object.entries(c.query))
				expect(run.values[field]).toBe(slug === 'disclosure' ? value : value.trim());
			return;
		}
		expect(run.errors).toEqual({});
		const got = figures(answerHtml(run.answer!));
		expect(Object.fromEntries(Object.keys(c.expect!).map((k) => [k, got[k]]))).toEqual(c.expect);
	});
});
