import type { z } from 'astro/zod';
import { collectionSources, readContent, readProgram, readTranslations, type SourceFile } from './content-files.ts';
import { checkIntegrity, type EntryLike } from '../../../src/lib/integrity.ts';
import { factsFrom } from '../../../src/lib/facts.ts';
import { fieldOf, messages } from '../../../src/lib/errors.ts';
import type { Finding } from './finding.ts';
import { readCheckConfig } from './check-config.ts';
import type { Rule } from './rules/context.ts';
import { stewardship } from './rules/stewardship.ts';
import { duplicateTitles } from './rules/duplicate-titles.ts';
import { reachability } from './rules/reachability.ts';
import { handTypedFacts } from './rules/hand-typed-facts.ts';
import { headingOrder } from './rules/heading-order.ts';
import { imageAlt } from './rules/image-alt.ts';
import { placeholders } from './rules/placeholders.ts';
import { audienceFit } from './rules/audience-fit.ts';
import {
	keptFieldFindings,
	translationSchemaIssues,
	translationsOf,
	translationStateFindings,
} from './translation-check.ts';

export type { Finding };

/** The rules beyond the schemas, each in its own module under rules/. */
export const rules: Record<string, Rule> = {
	stewardship,
	duplicateTitles,
	reachability,
	handTypedFacts,
	headingOrder,
	imageAlt,
	placeholders,
	audienceFit,
};

/**
 * The rules a translation is held to as well: the ones about how a text is written, whatever its
 * language. Reviews, reachability and audiences are the English entry's (a translation follows its
 * source by hash), and titles are compared among the translations into one language.
 */
export const translationRules: Record<string, Rule> = { placeholders, headingOrder, imageAlt, handTypedFacts };

/** Options of a check run. */
export interface CheckOptions {
	/** The day reviews are aged against; defaults to today. */
	today?: Date;
}

/** Schema problems of one file, one finding per field. */
function schemaFindings(file: SourceFile): { findings: Finding[]; data?: Record<string, unknown> } {
	if (file.syntaxError)
		return {
			findings: [
				{ severity: 'error', where: { file: file.path, line: 1 }, ...messages.unreadableYaml(file.syntaxError) },
			],
		};
	const result = (collectionSources[file.collection].schema as z.ZodType).safeParse(file.raw);
	if (result.success) return { findings: [], data: result.data as Record<string, unknown> };
	return { findings: issueFindings(file, result.error.issues) };
}

/** Schema issues as findings, each at its field's line. */
function issueFindings(file: SourceFile, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Finding[] {
	return issues.map((issue) => ({
		severity: 'error',
		where: {
			file: file.path,
			line: file.lineOf(issue.path),
			path: issue.path.length ? issue.path : ['(front matter)'],
		},
		message: issue.message,
	}));
}

/**
 * Runs every content rule over the project at `root` and returns everything it found in one
 * run, errors first: a broken program file or a schema error in one entry does not hide the
 * other problems (that entry's references and fact names are still checked, from what is written).
 */
export async function checkContent(root: string, { today = new Date() }: CheckOptions = {}): Promise<Finding[]> {
	const { config, findings: configFindings } = readCheckConfig(root);
	const program = readProgram(root);
	const findings: Finding[] = [...configFindings];
	if (!program.result.success) {
		findings.push(
			...program.result.error.issues.map((issue): Finding => ({
				severity: 'error',
				where: { file: program.path, line: program.lineOf(issue.path), path: issue.path },
				message: issue.message,
			})),
		);
	}
	const facts = program.result.success ? factsFrom(program.result.data) : undefined;
	const files = await readContent(root);
	const data = new Map<string, Record<string, unknown>>();
	const entries: EntryLike[] = [];
	const byPath = new Map<string, SourceFile>();
	for (const file of files) {
		byPath.set(file.path, file);
		const { findings: schemaProblems, data: valid } = schemaFindings(file);
		findings.push(...schemaProblems);
		const body = file.body ? { body: file.body, bodyLine: file.bodyLine } : {};
		if (valid) {
			entries.push({ collection: file.collection, id: file.id, filePath: file.path, data: valid, ...body });
			data.set(file.path, valid);
		} else if (!file.syntaxError && file.raw && typeof file.raw === 'object') {
			entries.push({
				collection: file.collection,
				id: file.id,
				filePath: file.path,
				data: file.raw as Record<string, unknown>,
				partial: true,
				...body,
			});
		}
	}
	// Translations of the collections other than docs (whose translations Starlight loads as docs
	// pages, checked above like every page): the English schema plus `translatedFrom`. They join the
	// rules across entries as partial entries under their source's id, so that their references and
	// fact names are checked while versions and overlaps stay the English entries' business.
	const translations = await readTranslations(root, files);
	const translated = new Map<string, Record<string, unknown>>();
	for (const file of translations) {
		byPath.set(file.path, file);
		if (file.syntaxError) {
			findings.push({
				severity: 'error',
				where: { file: file.path, line: 1 },
				...messages.unreadableYaml(file.syntaxError),
			});
			continue;
		}
		const { issues, data: valid } = translationSchemaIssues(file);
		findings.push(...issueFindings(file, issues));
		if (valid) translated.set(file.path, valid);
		findings.push(...keptFieldFindings(file, byPath.get(file.source)));
		entries.push({
			collection: file.collection,
			id: file.id,
			filePath: file.path,
			data: valid ?? (file.raw as Record<string, unknown>),
			partial: true,
			...(file.body ? { body: file.body, bodyLine: file.bodyLine } : {}),
		});
	}
	findings.push(...translationStateFindings(translationsOf(root), (file, path) => byPath.get(file)?.lineOf(path) ?? 1));
	// The rules across entries, fact names among them, are the build's own (src/lib/integrity.ts).
	for (const problem of checkIntegrity(entries, facts)) {
		const file = problem.where.file ?? '';
		const line = problem.where.line ?? byPath.get(file)?.lineOf(problem.where.path ?? []) ?? 1;
		findings.push({ severity: 'error', ...problem, where: { ...problem.where, file, line } });
	}
	// The writing rules compare with the program's facts; with a broken program file they wait for the fix.
	if (program.result.success && facts) {
		const context = { files, data, program: program.result.data, facts, config, today };
		for (const rule of Object.values(rules)) findings.push(...rule(context));
		const inTranslations = { ...context, files: translations, data: translated };
		for (const rule of Object.values(translationRules)) findings.push(...rule(inTranslations));
		for (const locale of new Set(translations.map((t) => t.locale)))
			findings.push(...duplicateTitles({ ...inTranslations, files: translations.filter((t) => t.locale === locale) }));
	}
	return findings.sort((a, b) =>
		a.severity === b.severity
			? a.where.file.localeCompare(b.where.file) || a.where.line - b.where.line
			: a.severity === 'error'
				? -1
				: 1,
	);
}

/** `file:line: severity field: message` then an indented hint, as editors and CI annotations read it. */
export function formatFinding(f: Finding): string {
	const field = fieldOf(f.where);
	const head = `${f.where.file}:${f.where.line}: ${f.severity}${field ? ` ${field}` : ''}: ${f.message}`;
	return f.hint ? `${head}\n    hint: ${f.hint}` : head;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command that shows the finding on its line of the pull request. */
export function annotation(f: Finding): string {
	const field = fieldOf(f.where);
	const title = `Content check${field ? `: ${field}` : ''}`;
	return `::${f.severity} file=${escapeProperty(f.where.file)},line=${f.where.line},title=${escapeProperty(title)}::${escapeData(f.hint ? `${f.message}\n${f.hint}` : f.message)}`;
}
