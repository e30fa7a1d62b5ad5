/**
 * How the translations stand: `npm run translations` lists, per language, the docs pages that are
 * translated (and whether their English source changed since), and those that are not yet.
 * `npm run translations -- --mark de/affiliates/index.mdx` records the English source's current
 * hash in that translation's front matter, once it is up to date with it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prefixedLocales } from '../../src/i18n/locales.ts';
import { sourceHash, translationStates } from '../../src/i18n/translations.ts';

const docsDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

const englishFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const path = join(dir, d.name);
		if (d.isDirectory())
			return dir === docsDir && (prefixedLocales as string[]).includes(d.name) ? [] : englishFiles(path);
		return /\.mdx?$/.test(d.name) ? [relative(docsDir, path).split(sep).join('/')] : [];
	});

/** Writes `translatedFrom: { sha256 }` into a translation's front matter, replacing an earlier one. */
export function markTranslation(docs: string, translation: string): string {
	const locale = translation.split('/')[0] ?? '';
	if (!(prefixedLocales as string[]).includes(locale))
		throw new Error(
			`${translation}: a translation's path starts with its language (${prefixedLocales.join(', ')}), e.g. de/affiliates/index.mdx.`,
		);
	const file = join(docs, translation);
	const source = join(docs, translation.slice(locale.length + 1));
	if (!existsSync(file)) throw new Error(`${translation}: no such file under src/content/docs/.`);
	if (!existsSync(source))
		throw new Error(`${translation}: its English source ${relative(docs, source)} does not exist.`);
	const text = readFileSync(file, 'utf8');
	const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (!front) throw new Error(`${translation}: no front matter (--- … ---) at the top.`);
	const hash = sourceHash(readFileSync(source));
	const fields = front[1]!.replace(/^translatedFrom:\n(?:[ \t]+.*\n?)*/m, '').replace(/\n+$/, '');
	writeFileSync(file, text.replace(front[0], `---\n${fields}\ntranslatedFrom:\n  sha256: ${hash}\n---`));
	return hash;
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	if (args[0] === '--mark') {
		if (!args[1]) throw new Error('--mark needs the translation, e.g. --mark de/affiliates/index.mdx');
		for (const t of args.slice(1)) console.log(`${t}: translated from ${markTranslation(docsDir, t)}`);
	} else {
		const states = translationStates(docsDir);
		const english = englishFiles(docsDir);
		for (const locale of prefixedLocales) {
			const mine = states.filter((s) => s.locale === locale);
			const translated = new Set(mine.map((s) => s.source));
			console.log(`${locale}: ${mine.length} of ${english.length} docs pages translated`);
			for (const s of mine.filter((s) => s.state !== 'current')) {
				const why = {
					stale: 'its English source changed since it was translated',
					unmarked: 'records no source hash (translatedFrom)',
					orphan: 'its English source no longer exists',
				}[s.state];
				console.log(`  ${s.path}: ${why}`);
			}
			const missing = english.filter((e) => !translated.has(e));
			if (missing.length) console.log(`  not yet translated: ${missing.join(', ')}`);
		}
		if (states.some((s) => s.state !== 'current')) process.exitCode = 1;
	}
}
