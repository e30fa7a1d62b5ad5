import type { SourceFile } from '../content-files.ts';

/** One line of prose in a Markdown body, with its line number in the file. */
export interface ProseLine {
	line: number;
	/** The text with inline code removed, so that examples in backticks are not read as prose. */
	text: string;
	/** The text as written. */
	raw: string;
}

const FENCE = /^\s*(```|~~~)/;
const IMPORT = /^(import|export)\s/;

/**
 * The body lines a reader sees as text: fenced code blocks and MDX import/export
 * lines are skipped, because they are code, not prose.
 */
export function proseLines(file: SourceFile): ProseLine[] {
	const lines: ProseLine[] = [];
	let fence: string | undefined;
	file.body.split('\n').forEach((raw, i) => {
		const opening = FENCE.exec(raw)?.[1];
		if (fence) {
			if (opening === fence) fence = undefined;
			return;
		}
		if (opening) {
			fence = opening;
			return;
		}
		if (file.path.endsWith('.mdx') && IMPORT.test(raw)) return;
		lines.push({ line: file.bodyLine + i, raw, text: raw.replace(/`[^`]*`/g, '') });
	});
	return lines;
}

/** Every string of a front matter (or YAML) value with its path, for field names and line numbers. */
export function frontMatterStrings(
	value: unknown,
	path: PropertyKey[] = [],
): Array<{ path: PropertyKey[]; text: string }> {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((v, i) => frontMatterStrings(v, [...path, i]));
	if (value && typeof value === 'object' && !(value instanceof Date))
		return Object.entries(value).flatMap(([k, v]) => frontMatterStrings(v, [...path, k]));
	return [];
}
