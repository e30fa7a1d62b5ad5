import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatFinding } from '../../scripts/lib/check.ts';
import { materializeFixture, projectRoot, removeFixture } from '../helpers/fixtures.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeFixture));

/** The content check's report for a fixture scenario, one finding per line. */
function report(scenario: string): string {
	const root = materializeFixture(scenario);
	roots.push(root);
	return checkContent(root).map(formatFinding).join('\n');
}

describe('npm run check:content', () => {
	it('passes the real content with no errors', () => {
		const errors = checkContent(projectRoot).filter((f) => f.severity === 'error');
		expect(errors.map(formatFinding)).toEqual([]);
	});

	it('passes the base fixture', () => {
		expect(report('changed-facts')).toBe('');
	});

	it.each([
		['wrong-type', 'src/content/commission/bad.yaml:5: error rate: Expected a percentage as a number, e.g. 8 for 8 %.'],
		['unknown-audience', 'src/content/faqs/bad.md:4: error audience: Unknown audience "merchant": expected one of affiliate, customer, advertiser.'],
		['unresolved-related', 'src/content/faqs/bad.md:7: error related[0]: "troubleshooting/does-not-exist" does not match any article.'],
		['rate-out-of-range', 'src/content/commission/bad.yaml:5: error rate: A commission rate cannot be above 100 %.'],
		['tiers-overlap', 'src/content/commission/bad.yaml:9: error tiers[1].from: Tier 2 starts at 4000, which overlaps tier 1 (up to 5000).'],
		['tiers-gap', 'src/content/commission/bad.yaml:9: error tiers[1].from: Tier 2 starts at 6000, leaving a gap after tier 1 (up to 5000).'],
		['duplicate-terms-date', 'src/content/terms/v2.md:4: error effectiveDate: 2025-01-01 is also the effective date of version 1.0 (src/content/terms/v1.md).'],
		['overlapping-validity', 'src/content/commission/gear-new.yaml:7: error validFrom: Offer "gear" already has a rule valid from 2025-01-01 to open end (src/content/commission/gear-old.yaml).'],
		['unknown-fact', 'src/content/faqs/bad.md:8: error: Unknown fact ":fact[minimumPayout]".'],
	])('reports %s with file, line and field', (scenario, expected) => {
		expect(report(scenario).split('\n')).toContain(expected);
	});
});
