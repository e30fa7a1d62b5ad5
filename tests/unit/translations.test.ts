import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markTranslation } from '../../scripts/writers/translations.ts';
import { translationStates } from '../../src/i18n/translations.ts';

function docsWithOneTranslation() {
	const docs = mkdtempSync(join(tmpdir(), 'ph-mark-'));
	mkdirSync(join(docs, 'de', 'affiliates'), { recursive: true });
	mkdirSync(join(docs, 'affiliates'), { recursive: true });
	writeFileSync(join(docs, 'affiliates', 'index.mdx'), '---\ntitle: Help for affiliates\n---\nText.\n');
	writeFileSync(
		join(docs, 'de', 'affiliates', 'index.mdx'),
		'---\ntitle: Hilfe für Affiliates\npageType: hub\n---\nText.\n',
	);
	return docs;
}

describe('marking a translation with its source', () => {
	it('records the source hash, finds the translation stale once the source changes, and current again once re-marked', () => {
		const docs = docsWithOneTranslation();
		expect(translationStates(docs).map((s) => s.state)).toEqual(['unmarked']);
		const hash = markTranslation(docs, 'de/affiliates/index.mdx');
		const text = readFileSync(join(docs, 'de', 'affiliates', 'index.mdx'), 'utf8');
		expect(text).toBe(
			`---\ntitle: Hilfe für Affiliates\npageType: hub\ntranslatedFrom:\n  sha256: ${hash}\n---\nText.\n`,
		);
		expect(translationStates(docs).map((s) => s.state)).toEqual(['current']);

		writeFileSync(join(docs, 'affiliates', 'index.mdx'), '---\ntitle: Help for affiliates\n---\nNew text.\n');
		expect(translationStates(docs)).toEqual([
			expect.objectContaining({ path: 'de/affiliates/index.mdx', state: 'stale', recorded: hash }),
		]);

		const again = markTranslation(docs, 'de/affiliates/index.mdx');
		expect(again).not.toBe(hash);
		// The earlier hash is replaced, not added beside it.
		expect(readFileSync(join(docs, 'de', 'affiliates', 'index.mdx'), 'utf8').match(/translatedFrom/g)).toHaveLength(1);
		expect(translationStates(docs).map((s) => s.state)).toEqual(['current']);
	});

	it('names what is wrong with a path it cannot mark', () => {
		const docs = docsWithOneTranslation();
		expect(() => markTranslation(docs, 'affiliates/index.mdx')).toThrow(/starts with its language \(de\)/);
		expect(() => markTranslation(docs, 'de/affiliates/missing.mdx')).toThrow(
			/de\/affiliates\/missing\.mdx: no such file/,
		);
		writeFileSync(join(docs, 'de', 'only-german.mdx'), '---\ntitle: Nur Deutsch\n---\n');
		expect(() => markTranslation(docs, 'de/only-german.mdx')).toThrow(
			/its English source only-german\.mdx does not exist/,
		);
	});
});
