/**
 * The content check's part for translations (src/content/<folder>/<locale>/…): each is held to
 * its English collection's schema plus `translatedFrom`, and reported when its English source
 * changed after it was translated (stale), when it records no source (unmarked) or when the
 * source is gone (orphan). How much is not yet translated is information, not a finding.
 */
import type { z } from 'astro/zod';
import { docsExtension } from '../../../src/schemas/docs.ts';
import { articleCollections } from '../../../src/collections.ts';
import { contentTranslations, type CollectionTranslations } from '../../../src/i18n/translations.ts';
import type { Finding } from './finding.ts';
import type { SourceFile } from './content-files.ts';
import { translatedFolders } from './translation-files.ts';
import { textFields } from './scaffold.ts';

/** What `translatedFrom` holds; the docs schema's own definition, which every collection's translations share. */
export const translatedFromSchema = docsExtension.shape.translatedFrom.unwrap();

const mark = (file: string) => `npm run translations -- --mark ${file}`;

/**
 * A translation's front matter against its collection's schema, with `translatedFrom` taken out
 * and checked on its own: the English schema reports every other field with its usual message.
 * A missing `translatedFrom` is reported by `translationStateFindings` (unmarked), not here.
 */
export function translationSchemaIssues(file: SourceFile): {
	issues: Array<{ path: PropertyKey[]; message: string }>;
	data?: Record<string, unknown>;
} {
	const raw = (file.raw && typeof file.raw === 'object' ? file.raw : {}) as Record<string, unknown>;
	const { translatedFrom, ...rest } = raw;
	const english = (articleCollections[file.collection].schema as z.ZodType).safeParse(rest);
	const recorded = translatedFrom === undefined ? undefined : translatedFromSchema.safeParse(translatedFrom);
	const issues = [
		...(english.success ? [] : english.error.issues),
		...(recorded && !recorded.success
			? recorded.error.issues.map((i) => ({ ...i, path: ['translatedFrom', ...i.path] }))
			: []),
	].map((i) => ({ path: i.path as PropertyKey[], message: i.message }));
	if (issues.length) return { issues };
	return { issues, data: { ...(english.data as Record<string, unknown>), translatedFrom } };
}

/** Every collection's translations into every language, by the registry (src/collections.ts). */
export const translationsOf = (root: string): CollectionTranslations[] => contentTranslations(root, translatedFolders);

/** Stale, unmarked and orphaned translations as errors, each naming the file and what to do. */
export function translationStateFindings(
	rows: CollectionTranslations[],
	lineOf: (file: string, path: PropertyKey[]) => number,
): Finding[] {
	const findings: Finding[] = [];
	for (const row of rows) {
		for (const t of row.translations) {
			const file = `${row.folder}/${t.path}`;
			const source = `${row.folder}/${t.source}`;
			// A hash written wrong is the schema's finding (translatedFrom.sha256), not a stale source.
			if (t.state === 'stale' && translatedFromSchema.safeParse({ sha256: t.recorded }).success)
				findings.push({
					severity: 'error',
					where: { file, line: lineOf(file, ['translatedFrom', 'sha256']), path: ['translatedFrom'] },
					message: `Its English source ${source} changed after it was translated (translated from ${t.recorded}, the source is now ${t.actual}).`,
					hint: `Bring the translation up to date with the English file (\`git log -p ${source}\` shows what changed), then run \`${mark(file)}\`.`,
				});
			else if (t.state === 'unmarked')
				findings.push({
					severity: 'error',
					where: { file, line: lineOf(file, []), path: ['translatedFrom'] },
					message: `A translation records the English file it was made from; this one has no \`translatedFrom\`.`,
					hint: `Once it says what ${source} says, run \`${mark(file)}\`.`,
				});
			else if (t.state === 'orphan')
				findings.push({
					severity: 'error',
					where: { file, line: 1 },
					message: `No English source: a translation has the path of its English file, and ${source} does not exist.`,
					hint: `Rename it to the path of the English file it translates (under ${row.folder}/${t.locale}/), or delete it if the English entry was removed.`,
				});
		}
	}
	return findings;
}

/** One line per language: how many entries of each collection are not yet translated. */
export function untranslatedSummary(rows: CollectionTranslations[]): string[] {
	const locales = [...new Set(rows.map((r) => r.locale))];
	return locales.map(
		(locale) =>
			`info: not yet translated into ${locale}: ${rows
				.filter((r) => r.locale === locale)
				.map((r) => `${r.collection} ${r.untranslated.length} of ${r.english}`)
				.join(', ')} (npm run translations lists them)`,
	);
}

/**
 * Fields a translation may word differently from its English source: its texts (scaffold.ts,
 * `textFields`), a disclosure check's wording (which adds the language's words, e.g. "Werbung"),
 * and its own review date and source hash.
 */
const mayDiffer = new Set([...textFields, 'anyOf', 'doesNotCount', 'lastReviewed', 'translatedFrom']);

const leaves = (value: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; value: unknown }> => {
	const last = path[path.length - 1];
	if (typeof last === 'string' && mayDiffer.has(last)) return [];
	if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
	if (value && typeof value === 'object' && !(value instanceof Date))
		return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
	return [{ path, value: value instanceof Date ? value.toISOString().slice(0, 10) : value }];
};
const show = (path: PropertyKey[]) =>
	path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');

/**
 * A translation keeps every field but its words as in English: ids, audience, topic, channel,
 * owner, dates, numbers, addresses, references. A field that differs (or is missing, or added) is
 * reported once per field, against the English file as written.
 */
export function keptFieldFindings(file: SourceFile & { source: string }, english: SourceFile | undefined): Finding[] {
	if (!english || file.syntaxError || english.syntaxError) return [];
	const mine = new Map(leaves(file.raw).map((l) => [show(l.path), l]));
	const theirs = new Map(leaves(english.raw).map((l) => [show(l.path), l]));
	const findings: Finding[] = [];
	for (const key of new Set([...theirs.keys(), ...mine.keys()])) {
		const a = theirs.get(key);
		const b = mine.get(key);
		if (a && b && a.value === b.value) continue;
		const path = (b ?? a)!.path;
		findings.push({
			severity: 'error',
			where: { file: file.path, line: b ? file.lineOf(path) : file.lineOf([]), path },
			message: b
				? a
					? `${key} is ${JSON.stringify(b.value)} here but ${JSON.stringify(a.value)} in ${english.path}.`
					: `${key} is not in ${english.path}.`
				: `${key} is missing; ${english.path} has ${JSON.stringify(a!.value)}.`,
			hint: 'A translation translates the words and keeps every other field (ids, audience, topic, channel, owner, dates, numbers, addresses, related) as in English: copy the English value.',
		});
	}
	return findings;
}
