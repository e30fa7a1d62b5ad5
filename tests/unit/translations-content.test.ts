import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent, readTranslations } from '../../scripts/writers/lib/content-files.ts';
import { translationSchemaIssues } from '../../scripts/writers/lib/translation-check.ts';
import { checkDisclosure } from '../../src/lib/tools/disclosure-check.ts';
import type { Disclosure } from '../../src/schemas/disclosure.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const translations = await readTranslations(projectRoot, await readContent(projectRoot));
const facts = (text: string) => [...text.matchAll(/:fact\[(\w+)\]/g)].map((m) => m[1]).sort();

describe('the translations in the project', () => {
	it('include the German FAQs, disclosure rules and terms', () => {
		expect(translations.map((t) => t.path)).toEqual(
			expect.arrayContaining([
				'src/content/faqs/de/payout-threshold.md',
				'src/content/disclosures/de/social.md',
				'src/content/disclosures/de/video.md',
				'src/content/terms/de/v3-2.md',
			]),
		);
	});

	it.each(translations.map((t) => [t.path, t] as const))(
		'%s writes the same program facts as its English source',
		(_path, t) => {
			expect(facts(readFileSync(join(projectRoot, t.path), 'utf8'))).toEqual(
				facts(readFileSync(join(projectRoot, t.source), 'utf8')),
			);
		},
	);

	it.each(translations.filter((t) => t.collection === 'disclosures').map((t) => [t.path, t] as const))(
		"%s: the page's own compliant examples pass its checks",
		(_path, t) => {
			const rule = translationSchemaIssues(t).data as unknown as Disclosure;
			const failing = rule.compliant.filter(
				(text) => !checkDisclosure({ disclosures: [rule] }, { channel: rule.channel, text }).passed,
			);
			expect(failing).toEqual([]);
		},
	);
});
