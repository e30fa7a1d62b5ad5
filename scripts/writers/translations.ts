/**
 * How the translations stand: `npm run translations` lists, per language and collection (docs,
 * FAQs, troubleshooting, disclosures, terms, commission), the entries that are translated (and
 * whether their English source changed since), and those that are not yet.
 * `npm run translations -- --mark src/content/faqs/de/payout-threshold.md` records the English
 * source's current hash in that translation's front matter, once it is up to date with it; a docs
 * translation may also be named from the docs folder, as `de/affiliates/index.mdx`.
 * Usage: npm run translations [-- --root DIR] [-- --mark FILE…]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prefixedLocales } from '../../src/i18n/locales.ts';
import { contentTranslations, sourceHash } from '../../src/i18n/translations.ts';
import { locateTranslation, translatedFolders } from './lib/translation-files.ts';

/** A translation named from the project root, or (for docs) from src/content/docs/. */
const fromRoot = (file: string) =>
	(file.startsWith('src/content/') ? file : `src/content/docs/${file}`).replace(/\\/g, '/').replace(/^\.\//, '');

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---/;
/** A top-level `translatedFrom:` block with its indented lines. */
const RECORD = /^translatedFrom:[ \t]*\r?\n(?:[ \t]+.*(?:\r?\n|$))*/m;

/**
 * Writes `translatedFrom: { sha256 }` into a translation (front matter, or the top level of a YAML
 * file), replacing an earlier one; returns the hash. `root` is the project root.
 */
export function markTranslation(root: string, translation: string): string {
	const path = fromRoot(translation);
	const where = locateTranslation(path);
	if (!where)
		throw new Error(
			`${translation}: a translation lives in its collection's folder under its language (${prefixedLocales.join(', ')}), e.g. src/content/faqs/de/payout-threshold.md or, for docs, de/affiliates/index.mdx.`,
		);
	const file = join(root, path);
	const source = join(root, where.source);
	if (!existsSync(file)) throw new Error(`${translation}: no such file (${path}).`);
	if (!existsSync(source)) throw new Error(`${translation}: its English source ${where.source} does not exist.`);
	const hash = sourceHash(readFileSync(source));
	const record = `translatedFrom:\n  sha256: ${hash}\n`;
	const text = readFileSync(file, 'utf8');
	if (/\.ya?ml$/.test(path)) {
		const rest = text.replace(RECORD, '').replace(/\n*$/, '\n');
		writeFileSync(file, `${rest}${record}`);
		return hash;
	}
	const front = FRONT.exec(text);
	if (!front) throw new Error(`${translation}: no front matter (--- … ---) at the top.`);
	const fields = `${front[1]!}\n`.replace(RECORD, '').replace(/\n+$/, '');
	writeFileSync(file, text.replace(front[0], `---\n${fields}\n${record}---`));
	return hash;
}

const why = {
	stale: 'its English source changed since it was translated: update it, then mark it',
	unmarked: 'records no source hash (translatedFrom): mark it once it matches its English source',
	orphan: 'its English source no longer exists: rename it like its source, or delete it',
} as const;

/** The report `npm run translations` prints, and whether every translation is current. */
export function translationReport(root: string): { lines: string[]; allCurrent: boolean } {
	const rows = contentTranslations(root, translatedFolders);
	const lines: string[] = [];
	for (const locale of prefixedLocales) {
		lines.push(`${locale}:`);
		for (const row of rows.filter((r) => r.locale === locale)) {
			const translated = row.translations.filter((t) => t.state !== 'orphan').length;
			lines.push(`  ${row.collection}: ${translated} of ${row.english} translated (${row.folder}/${locale}/)`);
			for (const t of row.translations.filter((t) => t.state !== 'current'))
				lines.push(`    ${row.folder}/${t.path}: ${why[t.state]}`);
			if (row.untranslated.length) lines.push(`    not yet translated: ${row.untranslated.join(', ')}`);
		}
	}
	return { lines, allCurrent: rows.every((r) => r.translations.every((t) => t.state === 'current')) };
}

if (import.meta.main) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { root: { type: 'string', default: '.' }, mark: { type: 'boolean', default: false } },
	});
	const root = resolve(values.root!);
	try {
		if (values.mark) {
			if (!positionals.length)
				throw new Error('--mark needs the translation, e.g. --mark src/content/faqs/de/payout-threshold.md');
			for (const t of positionals) console.log(`${t}: translated from ${markTranslation(root, t)}`);
		} else {
			const { lines, allCurrent } = translationReport(root);
			console.log(lines.join('\n'));
			if (!allCurrent) process.exitCode = 1;
		}
	} catch (error) {
		console.error(`error: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
