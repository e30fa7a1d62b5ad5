import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { markTranslation, translationReport } from '../../scripts/writers/translations.ts';
import { contentTranslations, translationStates } from '../../src/i18n/translations.ts';
import { translatedFolders } from '../../scripts/writers/lib/translation-files.ts';

/** A project root with the given files under it. */
function project(files: Record<string, string>) {
	const root = mkdtempSync(join(tmpdir(), 'ph-mark-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const docsWithOneTranslation = () =>
	project({
		'src/content/docs/affiliates/index.mdx': '---\ntitle: Help for affiliates\n---\nText.\n',
		'src/content/docs/de/affiliates/index.mdx': '---\ntitle: Hilfe für Affiliates\npageType: hub\n---\nText.\n',
	});

describe('marking a translation with its source', () => {
	it('records the source hash, finds the translation stale once the source changes, and current again once re-marked', () => {
		const root = docsWithOneTranslation();
		const docs = join(root, 'src/content/docs');
		expect(translationStates(docs).map((s) => s.state)).toEqual(['unmarked']);
		// A docs translation may be named from the docs folder, as before.
		const hash = markTranslation(root, 'de/affiliates/index.mdx');
		const text = readFileSync(join(docs, 'de', 'affiliates', 'index.mdx'), 'utf8');
		expect(text).toBe(
			`---\ntitle: Hilfe für Affiliates\npageType: hub\ntranslatedFrom:\n  sha256: ${hash}\n---\nText.\n`,
		);
		expect(translationStates(docs).map((s) => s.state)).toEqual(['current']);

		writeFileSync(join(docs, 'affiliates', 'index.mdx'), '---\ntitle: Help for affiliates\n---\nNew text.\n');
		expect(translationStates(docs)).toEqual([
			expect.objectContaining({ path: 'de/affiliates/index.mdx', state: 'stale', recorded: hash }),
		]);

		const again = markTranslation(root, 'src/content/docs/de/affiliates/index.mdx');
		expect(again).not.toBe(hash);
		// The earlier hash is replaced, not added beside it.
		expect(readFileSync(join(docs, 'de', 'affiliates', 'index.mdx'), 'utf8').match(/translatedFrom/g)).toHaveLength(1);
		expect(translationStates(docs).map((s) => s.state)).toEqual(['current']);
	});

	it('marks the translation of a YAML entry at its top level, keeping its comments', () => {
		const root = project({
			'src/content/commission/gear.yaml': 'title: Outdoor gear\nrate: 8\n',
			'src/content/commission/de/gear.yaml':
				'# Übersetzt.\ntitle: Outdoor-Ausrüstung\nrate: 8\ntranslatedFrom:\n  sha256: 0000000000000000\n',
		});
		const hash = markTranslation(root, 'src/content/commission/de/gear.yaml');
		const text = readFileSync(join(root, 'src/content/commission/de/gear.yaml'), 'utf8');
		expect(text).toBe(`# Übersetzt.\ntitle: Outdoor-Ausrüstung\nrate: 8\ntranslatedFrom:\n  sha256: ${hash}\n`);
		expect(parse(text)).toEqual({ title: 'Outdoor-Ausrüstung', rate: 8, translatedFrom: { sha256: hash } });
		expect(translationStates(join(root, 'src/content/commission'), ['.yaml', '.yml']).map((s) => s.state)).toEqual([
			'current',
		]);
	});

	it('names what is wrong with a path it cannot mark', () => {
		const root = docsWithOneTranslation();
		expect(() => markTranslation(root, 'affiliates/index.mdx')).toThrow(/under its language \(de\)/);
		expect(() => markTranslation(root, 'src/content/faqs/when-paid.md')).toThrow(/under its language \(de\)/);
		expect(() => markTranslation(root, 'de/affiliates/missing.mdx')).toThrow(
			/de\/affiliates\/missing\.mdx: no such file/,
		);
		writeFileSync(join(root, 'src/content/docs/de/only-german.mdx'), '---\ntitle: Nur Deutsch\n---\n');
		expect(() => markTranslation(root, 'de/only-german.mdx')).toThrow(
			/its English source src\/content\/docs\/only-german\.mdx does not exist/,
		);
	});
});

describe('translation states of every collection', () => {
	const root = project({
		'src/content/faqs/paid.md': '---\nquestion: When?\n---\n',
		'src/content/faqs/_draft.md': '---\nquestion: Draft?\n---\n',
		'src/content/faqs/threshold.md': '---\nquestion: How much?\n---\n',
		'src/content/faqs/de/threshold.md': '---\nquestion: Wie viel?\n---\n',
		'src/content/faqs/de/gone.md': '---\nquestion: Weg?\n---\n',
		'src/content/disclosures/social.md': '---\ntitle: Social\n---\n',
		'src/content/terms/v1-0.md': '---\ntitle: Terms\n---\n',
		'src/content/commission/gear.yaml': 'title: Gear\n',
	});

	it('lists translations and untranslated entries per collection and language, by the registry', () => {
		const rows = contentTranslations(root, translatedFolders);
		// One row per collection of the registry, in its order.
		expect(rows.map((r) => r.collection)).toEqual(translatedFolders.map((f) => f.name));
		expect(rows).toHaveLength(6);
		const faqs = rows.find((r) => r.collection === 'faqs')!;
		expect(faqs).toMatchObject({ locale: 'de', folder: 'src/content/faqs', english: 2, untranslated: ['paid.md'] });
		expect(faqs.translations.map((t) => [t.path, t.state])).toEqual([
			['de/gone.md', 'orphan'],
			['de/threshold.md', 'unmarked'],
		]);
		expect(rows.find((r) => r.collection === 'commission')).toMatchObject({ english: 1, untranslated: ['gear.yaml'] });
	});

	it('prints what needs doing, and says whether every translation is current', () => {
		const { lines, allCurrent } = translationReport(root);
		expect(allCurrent).toBe(false);
		expect(lines).toContain('  faqs: 1 of 2 translated (src/content/faqs/de/)');
		expect(lines).toContain(
			'    src/content/faqs/de/gone.md: its English source no longer exists: rename it like its source, or delete it',
		);
		expect(lines).toContain('    not yet translated: social.md');
	});
});
