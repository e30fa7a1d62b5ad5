import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, extname, sep } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import type { z } from 'astro/zod';
import { faqSchema } from '../../../src/schemas/faq.ts';
import { termsSchema } from '../../../src/schemas/terms.ts';
import { commissionSchema } from '../../../src/schemas/commission.ts';
import { disclosureSchema } from '../../../src/schemas/disclosure.ts';
import { troubleshootingSchema } from '../../../src/schemas/troubleshooting.ts';
import { docsLiteSchema } from '../../../src/schemas/docs.ts';
import { programSchema } from '../../../src/schemas/program.ts';

/** How each collection is stored on disk and which schema checks it. */
export const collectionSources = {
	docs: { extensions: ['.md', '.mdx'], schema: docsLiteSchema },
	faqs: { extensions: ['.md', '.mdx'], schema: faqSchema },
	terms: { extensions: ['.md', '.mdx'], schema: termsSchema },
	disclosures: { extensions: ['.md', '.mdx'], schema: disclosureSchema },
	troubleshooting: { extensions: ['.md', '.mdx'], schema: troubleshootingSchema },
	commission: { extensions: ['.yaml', '.yml'], schema: commissionSchema },
} satisfies Record<string, { extensions: string[]; schema: z.ZodType }>;
export type CollectionName = keyof typeof collectionSources;

/** One content file, read but not yet validated. */
export interface SourceFile {
	collection: CollectionName;
	id: string;
	/** Path relative to the project root, with forward slashes. */
	path: string;
	/** Front matter (or the whole YAML file) as written. */
	raw: unknown;
	/** Markdown body; empty for YAML entries. */
	body: string;
	/** Line in the file where the body starts (1-based). */
	bodyLine: number;
	/** Line of a field, for messages; falls back to the first line. */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	/** A problem in the YAML syntax itself. */
	syntaxError?: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const full = join(dir, d.name);
		if (d.isDirectory()) return walk(full);
		return d.name.startsWith('_') ? [] : [full];
	});
}

/** Parses YAML text that starts at `firstLine` in its file, keeping field positions. */
function parseYaml(text: string, firstLine: number) {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
	const lineOf = (path: ReadonlyArray<PropertyKey>) => {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line + firstLine - 1;
			if (depth === 0) break;
		}
		return firstLine;
	};
	const syntaxError = doc.errors[0]?.message;
	return { raw: doc.toJS() as unknown, lineOf, ...(syntaxError ? { syntaxError } : {}) };
}

/** Reads one file of a collection into a SourceFile. */
export function readSourceFile(root: string, collection: CollectionName, file: string): SourceFile {
	const base = join(root, 'src', 'content', collection);
	const text = readFileSync(file, 'utf8');
	const path = relative(root, file).split(sep).join('/');
	const id = relative(base, file).split(sep).join('/').replace(/\.[^.]+$/, '').replace(/\/index$/, '') || 'index';
	if (collection === 'commission') {
		return { collection, id, path, body: '', bodyLine: 1, ...parseYaml(text, 1) };
	}
	const match = FRONT_MATTER.exec(text);
	if (!match) {
		return { collection, id, path, raw: {}, body: text, bodyLine: 1, lineOf: () => 1, syntaxError: 'The file has no front matter: it must start with a line "---", the fields, and another "---".' };
	}
	const bodyLine = match[0].split('\n').length;
	return { collection, id, path, body: text.slice(match[0].length), bodyLine, ...parseYaml(match[1]!, 2) };
}

/** Every content file of every collection under `root`, in a stable order. */
export function readContent(root: string): SourceFile[] {
	return (Object.keys(collectionSources) as CollectionName[]).flatMap((collection) =>
		walk(join(root, 'src', 'content', collection))
			.filter((f) => (collectionSources[collection].extensions as string[]).includes(extname(f)))
			.sort()
			.map((f) => readSourceFile(root, collection, f)),
	);
}

/** Reads the program file without stopping on errors, so that they can be reported with the rest. */
export function readProgram(root: string) {
	const file = join(root, 'src', 'content', 'program', 'program.yaml');
	const parsed = parseYaml(readFileSync(file, 'utf8'), 1);
	return { path: relative(root, file).split(sep).join('/'), ...parsed, result: programSchema.safeParse(parsed.raw) };
}
