import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allStringKeys as uiStringKeys, uiStringsSchema } from '../../src/i18n/ui-strings.ts';
import { locales } from '../../src/i18n/locales.ts';
import { sourceHash, translationStates } from '../../src/i18n/translations.ts';
import { audiences } from '../../src/schemas/common.ts';
import { faqTopics } from '../../src/schemas/faq.ts';
import { disclosureChannels } from '../../src/schemas/disclosure.ts';
import { searchUiNames } from '../../src/lib/search-ui.ts';
import { i18nSchema } from '@astrojs/starlight/schema';

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

/** Every file of src/ that holds code: components, pages, scripts. */
function sourceFiles(folder: URL): URL[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), folder);
		if (entry.isDirectory()) return sourceFiles(url);
		return /\.(astro|ts|tsx|mjs)$/.test(entry.name) ? [url] : [];
	});
}

/** What a key built in code (`audience.${a}.name`) may be built from: one key for each of a set's values. */
const builtFrom: readonly (readonly string[])[] = [
	audiences,
	Object.keys(faqTopics),
	Object.keys(disclosureChannels),
	searchUiNames,
];

/**
 * The keys a source text asks for: the quoted keys among the arguments of each `t(…)` call (so
 * `t(about ? 'a.b' : 'a.c')` names both), and for a key built in code (`audience.${a}.name`) one key
 * per value of the set it is built from: the first set (audiences, FAQ topics, disclosure channels, the search box's texts)
 * whose every key `has` knows, else the audiences, so that a missing one is reported.
 */
export function keysUsed(source: string, has: (key: string) => boolean = () => false): string[] {
	const keys: string[] = [];
	for (const call of source.matchAll(/\bt\(([^()]*)/g)) {
		const args = call[1]!;
		for (const m of args.matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) keys.push(m[1]!);
		for (const m of args.matchAll(/`([a-z][\w.-]*)\$\{[^}]+\}([\w.-]*)`/g)) {
			const expand = (values: readonly string[]) => values.map((v) => `${m[1]}${v}${m[2]}`);
			keys.push(...(builtFrom.map(expand).find((built) => built.every(has)) ?? expand(audiences)));
		}
	}
	return keys;
}

describe('the keys the site asks for', () => {
	// Starlight's own keys, which it translates itself.
	const starlight = i18nSchema().shape;
	const english = strings['en']!;
	// A key asked for with a count is found in its plural forms ("…_one", "…_other"), as i18next does.
	const has = (key: string) =>
		key in english || key in starlight || (`${key}_one` in english && `${key}_other` in english);
	const used = sourceFiles(new URL('../../src/', import.meta.url)).flatMap((file) =>
		keysUsed(readFileSync(file, 'utf8'), has).map((key) => ({ key, file: file.pathname.replace(/.*\/src\//, 'src/') })),
	);

	it('reads the keys out of t() calls, including both sides of a choice and keys built per audience', () => {
		expect(keysUsed("t('a.b'); Astro.locals.t(x ? 'c.d' : 'e.f', { n: 1 }); t(`audience.${a}.name`)")).toEqual([
			'a.b',
			'c.d',
			'e.f',
			...audiences.map((a) => `audience.${a}.name`),
		]);
		expect(used.length).toBeGreaterThan(50);
	});

	it('finds every key a component, page or script asks for in en.json (or among Starlight’s own)', () => {
		const missing = used.filter(({ key }) => !has(key));
		expect(missing, 'keys used in src/ but missing from src/content/i18n/en.json').toEqual([]);
	});

	it('declares every key it asks for that is not Starlight’s', () => {
		const undeclared = used.filter(
			({ key }) =>
				!(key in starlight) && ![key, `${key}_one`].some((k) => (uiStringKeys as readonly string[]).includes(k)),
		);
		expect(undeclared, 'keys used in src/ but not listed in src/i18n/ui-strings.ts').toEqual([]);
	});

	it('has every English key of ours, and no other, in each other language', () => {
		// Starlight's own keys may be reworded in one language only; it has its own texts for the rest.
		const ours = (texts: Record<string, string>) =>
			Object.keys(texts)
				.filter((k) => !(k in starlight))
				.sort();
		for (const [lang, texts] of Object.entries(strings)) {
			if (lang === 'en') continue;
			expect(ours(texts), `${lang}.json against en.json`).toEqual(ours(strings['en']!));
		}
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
