import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkContent, formatFinding } from '../../scripts/writers/lib/check.ts';
import { collectionSources, readSourceFile } from '../../scripts/writers/lib/content-files.ts';
import { checkDisclosure } from '../../src/lib/tools/disclosure-check.ts';
import type { ToolDisclosure } from '../../src/lib/tools/data.ts';
import { disclosureChannels, disclosureSchema, type Disclosure } from '../../src/schemas/disclosure.ts';
import { materializeFixture, removeFixture } from '../helpers/fixtures.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { readContent, readProgram } from '../../scripts/writers/lib/content-files.ts';
import { factsFrom, fillFacts } from '../../src/lib/facts.ts';
import { programSchema } from '../../src/schemas/program.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeFixture));

/** The social channel's rule as a fixture scenario's data file holds it, read and validated as the build does. */
async function socialRuleOf(scenario: string): Promise<ToolDisclosure> {
	const root = materializeFixture(scenario);
	roots.push(root);
	const file = await readSourceFile(root, 'disclosures', join(root, 'src', 'content', 'disclosures', 'social.md'));
	return collectionSources.disclosures.schema.parse(file.raw) as Disclosure;
}

describe('disclosure checks are data', () => {
	const text = '#ad New tent day at the lake.';

	it('a check added to the channel file changes the answer, with no code change', async () => {
		const before = checkDisclosure(
			{ disclosures: [await socialRuleOf('disclosure-checks')] },
			{ channel: 'social', text },
		);
		const after = checkDisclosure(
			{ disclosures: [await socialRuleOf('disclosure-extra-check')] },
			{ channel: 'social', text },
		);
		expect(before.passed).toBe(true);
		expect(before.results.map((r) => r.check.id)).toEqual(['label-at-start']);
		expect(after.passed).toBe(false);
		expect(after.results.map((r) => [r.check.id, r.outcome])).toEqual([
			['label-at-start', 'pass'],
			['commission-statement', 'missing'],
		]);
	});

	it('the content check refuses a check with an unknown place or source, naming file, line and field', async () => {
		const root = materializeFixture('disclosure-bad-check');
		roots.push(root);
		const lines = (await checkContent(root, { today: new Date('2026-11-23T00:00:00Z') })).map(formatFinding).join('\n');
		expect(lines).toContain(
			'src/content/disclosures/social.md:25: error checks[1].where: Unknown place "below-the-fold": expected one of anywhere, start, first-line, before-more, before-link.',
		);
	});

	it('the schema ties each check to a source of the rule and refuses wording listed both ways', async () => {
		const rule = await socialRuleOf('disclosure-checks');
		const bad = {
			...rule,
			lastReviewed: '2026-11-01',
			checks: [{ ...rule.checks[0]!, source: 'Somebody', doesNotCount: ['#ad'] }, rule.checks[0]!],
		};
		const messages = disclosureSchema.safeParse(bad).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(messages).toEqual([
			'checks.0.source: Unknown source "Somebody": expected the name of one of this rule\'s sources ("FTC: Disclosures 101 for Social Media Influencers").',
			'checks.0.doesNotCount.0: "#ad" is listed both as wording that meets the check and as wording that does not count.',
			'checks.1.id: Two checks are named "label-at-start": give each its own id.',
		]);
	});
});

const everyRule = await (async () => {
	const facts = factsFrom(programSchema.parse(readProgram(projectRoot).raw));
	return (await readContent(projectRoot))
		.filter((f) => f.collection === 'disclosures')
		.map((f) => fillFacts(disclosureSchema.parse(f.raw), facts));
})();

describe('every channel’s checks', () => {
	const rules = everyRule;

	it('cover all seven channels', async () => {
		expect(
			rules
				.filter((r) => r.checks.length > 0)
				.map((r) => r.channel)
				.sort(),
		).toEqual(Object.keys(disclosureChannels).sort());
	});

	it.each(rules.map((r) => [r.channel, r] as const))('%s: the page’s own compliant examples pass', (_channel, rule) => {
		const failing = rule.compliant.filter(
			(text) => !checkDisclosure({ disclosures: [rule] }, { channel: rule.channel, text }).passed,
		);
		expect(failing).toEqual([]);
	});
});
