import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixture, removeFixture } from '../helpers/fixtures.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeFixture));

async function build(scenario: string) {
	const result = await buildFixture(scenario);
	roots.push(result.root);
	return result;
}

describe('a build of bad content fails and says where', () => {
	it.each([
		['wrong-type', ['commission', 'bad', 'rate', 'Expected a percentage as a number']],
		['unknown-audience', ['faqs', 'bad', 'audience', 'Unknown audience "merchant"']],
		['rate-out-of-range', ['commission', 'bad', 'rate', 'A commission rate cannot be above 100 %.']],
		['tiers-overlap', ['commission', 'bad', 'tiers', 'Tier 2 starts at 4000, which overlaps tier 1 (up to 5000).']],
		['tiers-gap', ['commission', 'bad', 'tiers', 'Tier 2 starts at 6000, leaving a gap after tier 1 (up to 5000).']],
		[
			'unresolved-related',
			['src/content/faqs/bad.md › related[0]: "troubleshooting/does-not-exist" does not match any article.'],
		],
		[
			'duplicate-terms-date',
			['src/content/terms/v2.md › effectiveDate: 2025-01-01 is also the effective date of version 1.0'],
		],
		['overlapping-validity', ['› validFrom: Offer "gear" already has a rule valid from 2025-01-01']],
		['unknown-fact', ['src/content/faqs/bad.md › body, line 1 of the text: Unknown fact ":fact[minimumPayout]".']],
		[
			'orphan-translation',
			[
				'src/content/faqs/de/when-paid-old.md is a translation of an entry that does not exist: there is no English file of the same name in src/content/faqs/.',
			],
		],
	])('%s', async (scenario, expected) => {
		const { code, output } = await build(scenario);
		expect(code, output).not.toBe(0);
		for (const text of expected) expect(output).toContain(text);
	});
});

describe('facts come from the program file', () => {
	it('changing the payout threshold in one file changes every page that states it', async () => {
		const { code, output, root } = await build('changed-facts');
		expect(code, output).toBe(0);
		const page = (path: string) => readFileSync(join(root, 'dist', 'client', path), 'utf8');
		for (const path of ['index.html', 'terms/index.html', 'faq/payments/index.html']) {
			expect(page(path)).toContain('$75');
			expect(page(path)).not.toContain('$50');
		}
	});
});
