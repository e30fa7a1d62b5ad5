/**
 * Which translations are behind their English source. A translation lives beside its English file
 * in the collection's folder, under the language's prefix: src/content/<folder>/<locale>/<same path>
 * (src/content/docs/de/affiliates/index.mdx, src/content/faqs/de/payout-threshold.md,
 * src/content/commission/de/footwear.yaml). It records the hash of the English file it was made
 * from (`translatedFrom: { sha256 }`, the first 16 hex digits of the file's SHA-256); when the
 * English file changes, its hash no longer matches and the translation is reported as stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { prefixedLocales } from './locales.ts';

/** The hash a translation records for its source: the first 16 hex digits of SHA-256 over the file's bytes. */
export function sourceHash(text: string | Buffer): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

interface StateBase {
	locale: string;
	/** The translation, relative to the collection's folder: "de/affiliates/index.mdx". */
	path: string;
	/** Its English source, relative to the same folder: "affiliates/index.mdx". */
	source: string;
}

export type TranslationState =
	| (StateBase & { state: 'current' })
	| (StateBase & { state: 'stale'; recorded: string; actual: string })
	| (StateBase & { state: 'unmarked' })
	| (StateBase & { state: 'orphan' });

const markdown = ['.md', '.mdx'] as const;
const toPosix = (path: string) => path.split(sep).join('/');

/** The files of a folder with one of the extensions, as the collections' loaders take them (no "_" files). */
function filesUnder(dir: string, extensions: readonly string[], skip: (dir: string, name: string) => boolean) {
	const walk = (at: string): string[] =>
		readdirSync(at, { withFileTypes: true }).flatMap((d) => {
			if (d.isDirectory()) return skip(at, d.name) ? [] : walk(join(at, d.name));
			return !d.name.startsWith('_') && extensions.some((e) => d.name.endsWith(e)) ? [join(at, d.name)] : [];
		});
	return existsSync(dir) ? walk(dir) : [];
}

/** The hash a translation records, from its front matter (Markdown) or its top level (YAML). */
export function recordedHash(text: string, yamlFile = false): string | undefined {
	const front = yamlFile ? text : /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
	let data: unknown;
	try {
		data = front ? parseYaml(front) : undefined;
	} catch {
		// Unreadable YAML records nothing; the content check reports the syntax error itself.
	}
	const hash = (data as { translatedFrom?: { sha256?: unknown } } | null | undefined)?.translatedFrom?.sha256;
	return typeof hash === 'string' ? hash : undefined;
}

/**
 * Every translation in a collection's folder (e.g. src/content/docs, src/content/faqs) and how it
 * stands against its English source: current, stale (the source changed since), unmarked (no hash
 * recorded), or orphan (the English source is gone).
 */
export function translationStates(folder: string, extensions: readonly string[] = markdown): TranslationState[] {
	const yamlFile = (path: string) => /\.ya?ml$/.test(path);
	return prefixedLocales.flatMap((locale) =>
		filesUnder(join(folder, locale), extensions, () => false).map((file): TranslationState => {
			const path = toPosix(relative(folder, file));
			const source = path.slice(locale.length + 1);
			const sourceFile = join(folder, source);
			if (!existsSync(sourceFile)) return { locale, path, source, state: 'orphan' };
			const recorded = recordedHash(readFileSync(file, 'utf8'), yamlFile(file));
			if (!recorded) return { locale, path, source, state: 'unmarked' };
			const actual = sourceHash(readFileSync(sourceFile));
			return recorded === actual
				? { locale, path, source, state: 'current' }
				: { locale, path, source, state: 'stale', recorded, actual };
		}),
	);
}

/** The English files of a collection's folder, relative to it: every file outside the languages' folders. */
export function englishFiles(folder: string, extensions: readonly string[] = markdown): string[] {
	const isLocaleFolder = (dir: string, name: string) =>
		dir === folder && (prefixedLocales as readonly string[]).includes(name);
	return filesUnder(folder, extensions, isLocaleFolder)
		.map((file) => toPosix(relative(folder, file)))
		.sort();
}

/** A collection as the translation states need it: its folder under src/content/ and its files' extensions. */
export interface TranslatedFolder {
	name: string;
	folder: string;
	extensions: readonly string[];
}

/** How one collection stands in one language: its translations and the English files without one. */
export interface CollectionTranslations {
	collection: string;
	locale: string;
	/** The collection's folder relative to the project root: "src/content/faqs". */
	folder: string;
	translations: TranslationState[];
	/** English files (relative to the folder) that have no translation into the language yet. */
	untranslated: string[];
	/** How many English files the collection has. */
	english: number;
}

/**
 * Every collection's translations into every language, and what is not yet translated: one row per
 * collection and language, in the order of `collections` (src/collections.ts, the registry).
 */
export function contentTranslations(root: string, collections: readonly TranslatedFolder[]): CollectionTranslations[] {
	return collections.flatMap(({ name, folder, extensions }) => {
		const dir = join(root, 'src', 'content', folder);
		const states = translationStates(dir, extensions);
		const english = englishFiles(dir, extensions);
		return prefixedLocales.map((locale) => {
			const translations = states.filter((s) => s.locale === locale);
			const translated = new Set(translations.map((s) => s.source));
			return {
				collection: name,
				locale,
				folder: `src/content/${folder}`,
				translations,
				untranslated: english.filter((e) => !translated.has(e)),
				english: english.length,
			};
		});
	});
}
