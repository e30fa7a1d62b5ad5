/**
 * Which translations are behind their English source. A translation under
 * src/content/docs/<locale>/ records in front matter the hash of the English file it was made from
 * (`translatedFrom: { sha256 }`, the first 16 hex digits of the file's SHA-256); when the English
 * file changes, its hash no longer matches and the translation is reported as stale.
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

export type TranslationState =
	| { locale: string; path: string; source: string; state: 'current' }
	| { locale: string; path: string; source: string; state: 'stale'; recorded: string; actual: string }
	| { locale: string; path: string; source: string; state: 'unmarked' }
	| { locale: string; path: string; source: string; state: 'orphan' };

const markdownFiles = (dir: string): string[] =>
	existsSync(dir)
		? readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
				d.isDirectory() ? markdownFiles(join(dir, d.name)) : /\.mdx?$/.test(d.name) ? [join(dir, d.name)] : [],
			)
		: [];

function recordedHash(text: string): string | undefined {
	const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
	const data = front ? (parseYaml(front) as { translatedFrom?: { sha256?: unknown } } | null) : null;
	const hash = data?.translatedFrom?.sha256;
	return typeof hash === 'string' ? hash : undefined;
}

/**
 * Every translation in a docs folder (default src/content/docs) and how it stands against its
 * English source: current, stale (the source changed since), unmarked (no hash recorded), or
 * orphan (the English source is gone).
 */
export function translationStates(docsDir: string): TranslationState[] {
	return prefixedLocales.flatMap((locale) =>
		markdownFiles(join(docsDir, locale)).map((file): TranslationState => {
			const path = relative(docsDir, file).split(sep).join('/');
			const source = path.slice(locale.length + 1);
			const sourceFile = join(docsDir, source);
			if (!existsSync(sourceFile)) return { locale, path, source, state: 'orphan' };
			const recorded = recordedHash(readFileSync(file, 'utf8'));
			if (!recorded) return { locale, path, source, state: 'unmarked' };
			const actual = sourceHash(readFileSync(sourceFile));
			return recorded === actual
				? { locale, path, source, state: 'current' }
				: { locale, path, source, state: 'stale', recorded, actual };
		}),
	);
}
