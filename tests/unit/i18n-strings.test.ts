import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allStringKeys as uiStringKeys, uiStringsSchema } from '../../src/i18n/ui-strings.ts';
import { locales } from '../../src/i18n/locales.ts';
import { sourceHash, translationStates } from '../../src/i18n/translations.ts';

const dir = new URL('../../src/content/i18n/', import.meta.url);
const strings = Object.fromEntries(
	readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, string>]),
);

describe('interface texts per language', () => {
	it('has a file for every language of the site', () => {
		expect(Object.keys(strings).sort()).toEqual(
			Object.values(locales)
				.map((l) => l.lang)
				.sort(),
		);
	});

	it('holds every key of ours in every language, and no key it does not declare', () => {
		for (const [lang, texts] of Object.entries(strings)) {
			const ours = Object.keys(texts).filter((k) => !k.startsWith('page.') && !k.startsWith('i18n.'));
			expect(
				uiStringKeys.filter((k) => !(k in texts)),
				`${lang}.json is missing`,
			).toEqual([]);
			expect(
				ours.filter((k) => !(uiStringKeys as readonly string[]).includes(k)),
				`${lang}.json has undeclared`,
			).toEqual([]);
			expect(uiStringsSchema.safeParse(texts).success, lang).toBe(true);
		}
	});

	it('keeps the same placeholders in each translation', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
		for (const key of uiStringKeys) {
			for (const [lang, texts] of Object.entries(strings))
				expect(placeholders(texts[key]!), `${lang}: ${key}`).toEqual(placeholders(strings['en']![key]!));
		}
	});

	it('speaks to German readers formally (Sie), never with du', () => {
		const du = /\b(du|dich|dir|dein\w*)\b/i;
		expect(Object.entries(strings['de']!).filter(([, text]) => du.test(text))).toEqual([]);
	});
});

describe('translations and their English sources', () => {
	it('tells current, stale, unmarked and orphaned translations apart', () => {
		const docs = mkdtempSync(join(tmpdir(), 'ph-translations-'));
		mkdirSync(join(docs, 'de', 'guides'), { recursive: true });
		mkdirSync(join(docs, 'guides'), { recursive: true });
		const source = '---\ntitle: Joining\n---\nText.\n';
		writeFileSync(join(docs, 'guides', 'joining.md'), source);
		writeFileSync(join(docs, 'guides', 'payments.md'), '---\ntitle: Payments\n---\nText.\n');
		writeFileSync(join(docs, 'guides', 'support.md'), '---\ntitle: Support\n---\n');
		writeFileSync(
			join(docs, 'de', 'guides', 'joining.md'),
			`---\ntitle: Teilnehmen\ntranslatedFrom:\n  sha256: ${sourceHash(source)}\n---\nText.\n`,
		);
		// Translated from an earlier text of payments.md.
		writeFileSync(
			join(docs, 'de', 'guides', 'payments.md'),
			`---\ntitle: Auszahlungen\ntranslatedFrom:\n  sha256: ${sourceHash('---\ntitle: Payouts\n---\n')}\n---\n`,
		);
		writeFileSync(join(docs, 'de', 'guides', 'support.md'), '---\ntitle: Support\n---\n');
		writeFileSync(join(docs, 'de', 'guides', 'gone.md'), '---\ntitle: Weg\n---\n');
		const states = Object.fromEntries(translationStates(docs).map((s) => [s.path, s.state]));
		expect(states).toEqual({
			'de/guides/joining.md': 'current',
			'de/guides/payments.md': 'stale',
			'de/guides/support.md': 'unmarked',
			'de/guides/gone.md': 'orphan',
		});
	});

	it('records a source hash on every German page of the site', () => {
		const states = translationStates(new URL('../../src/content/docs/', import.meta.url).pathname);
		expect(states.length).toBeGreaterThanOrEqual(9);
		expect(states.filter((s) => s.state === 'unmarked' || s.state === 'orphan')).toEqual([]);
	});
});
