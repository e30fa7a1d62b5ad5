import { collectionSources, readContent, readProgram, type SourceFile } from './content-files.ts';
import { checkIntegrity, type EntryLike } from '../../src/lib/integrity.ts';
import { factsFrom, FACT_PATTERN, type Facts } from '../../src/lib/facts.ts';
import { formatPath } from '../../src/lib/errors.ts';

/** One thing a writer should fix (error) or look at (warning), with where and how. */
export interface Finding {
	severity: 'error' | 'warning';
	file: string;
	line: number;
	field?: string;
	message: string;
	hint?: string;
}

/** Schema problems of one file, one finding per field. */
function schemaFindings(file: SourceFile): { findings: Finding[]; data?: Record<string, unknown> } {
	if (file.syntaxError) {
		return { findings: [{ severity: 'error', file: file.path, line: 1, message: `The YAML cannot be read: ${file.syntaxError}`, hint: 'Check indentation and quotes; values with ":" need quotes.' }] };
	}
	const result = collectionSources[file.collection].schema.safeParse(file.raw);
	if (result.success) return { findings: [], data: result.data as Record<string, unknown> };
	return {
		findings: result.error.issues.map((issue) => ({
			severity: 'error',
			file: file.path,
			line: file.lineOf(issue.path),
			field: formatPath(issue.path) || '(front matter)',
			message: issue.message,
		})),
	};
}

/** `:fact[name]` in a Markdown body must name a known fact (the build stops on it too). */
function bodyFactFindings(file: SourceFile, facts: Facts): Finding[] {
	const findings: Finding[] = [];
	file.body.split('\n').forEach((text, i) => {
		for (const match of text.matchAll(FACT_PATTERN)) {
			if (!Object.hasOwn(facts, match[1]!)) {
				findings.push({ severity: 'error', file: file.path, line: file.bodyLine + i, message: `Unknown fact ":fact[${match[1]}]".`, hint: `Known facts: ${Object.keys(facts).join(', ')}.` });
			}
		}
	});
	return findings;
}

/** Runs every content rule over the project at `root` and returns what it found, errors first. */
export function checkContent(root: string): Finding[] {
	const program = readProgram(root);
	if (!program.result.success) {
		return program.result.error.issues.map((issue) => ({
			severity: 'error',
			file: program.path,
			line: program.lineOf(issue.path),
			field: formatPath(issue.path),
			message: issue.message,
		}));
	}
	const facts = factsFrom(program.result.data);
	const files = readContent(root);
	const findings: Finding[] = [];
	const entries: EntryLike[] = [];
	const byPath = new Map<string, SourceFile>();
	for (const file of files) {
		byPath.set(file.path, file);
		const { findings: schemaProblems, data } = schemaFindings(file);
		findings.push(...schemaProblems, ...bodyFactFindings(file, facts));
		if (data) entries.push({ collection: file.collection, id: file.id, filePath: file.path, data });
	}
	for (const problem of checkIntegrity(entries, facts)) {
		const file = byPath.get(problem.file);
		const path = problem.field.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
		findings.push({ severity: 'error', file: problem.file, line: file?.lineOf(path) ?? 1, field: problem.field, message: problem.message, hint: problem.hint });
	}
	return findings.sort((a, b) => (a.severity === b.severity ? a.file.localeCompare(b.file) || a.line - b.line : a.severity === 'error' ? -1 : 1));
}

/** `file:line: severity field: message` then an indented hint, as editors and CI annotations read it. */
export function formatFinding(f: Finding): string {
	const head = `${f.file}:${f.line}: ${f.severity}${f.field ? ` ${f.field}` : ''}: ${f.message}`;
	return f.hint ? `${head}\n    hint: ${f.hint}` : head;
}
