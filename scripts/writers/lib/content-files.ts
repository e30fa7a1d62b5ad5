import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parseDocument, LineCounter } from 'yaml';
import type { LoaderContext } from 'astro/loaders';
import {
	articleCollectionNames,
	articleCollections,
	loaderOf,
	programCollection,
	type ArticleCollection,
	type ArticleCollectionName,
} from '../../../src/collections.ts';
import { messages } from '../../../src/lib/errors.ts';
import { prefixedLocales } from '../../../src/i18n/locales.ts';

export type CollectionName = ArticleCollectionName;

/** The schema each collection's entries are checked against outside a build. */
export const collectionSources = articleCollections;

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

/** Where each field of YAML text that starts at `firstLine` of its file stands. */
function fieldLines(text: string, firstLine: number) {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
	const lineOf = (path: ReadonlyArray<PropertyKey>) => {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
				{ range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range)
				return lineCounter.linePos(node.range[0]).line + firstLine - 1;
			if (depth === 0) break;
		}
		return firstLine;
	};
	return { doc, lineOf, syntaxError: doc.errors[0]?.message };
}

/** Parses a YAML data file (a commission rule), keeping field positions. */
function readYaml(text: string) {
	const { doc, lineOf, syntaxError } = fieldLines(text, 1);
	return { raw: doc.toJS() as unknown, body: '', bodyLine: 1, lineOf, ...(syntaxError ? { syntaxError } : {}) };
}

/**
 * Parses a Markdown file with the front matter parser Astro's Markdown and MDX entries use, so
 * that the check reads each field as the build does; field lines come from the same YAML text.
 */
function readMarkdown(text: string) {
	let parsed: ReturnType<typeof parseFrontmatter>;
	try {
		parsed = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
	} catch (error) {
		const reason = (error as { reason?: string }).reason ?? (error as Error).message;
		return { raw: {}, body: text, bodyLine: 1, lineOf: () => 1, syntaxError: reason };
	}
	if (!parsed.rawFrontmatter)
		return { raw: {}, body: text, bodyLine: 1, lineOf: () => 1, syntaxError: messages.noFrontMatter() };
	const { lineOf, syntaxError } = fieldLines(
		parsed.rawFrontmatter,
		1 + (text.slice(0, text.indexOf(parsed.rawFrontmatter)).match(/\n/g)?.length ?? 0),
	);
	// The front matter is replaced by as many empty lines: the body keeps its lines, starting after the closing "---".
	const bodyLine = parsed.rawFrontmatter.split('\n').length + 1;
	const body = parsed.content
		.split('\n')
		.slice(bodyLine - 1)
		.join('\n');
	return { raw: parsed.frontmatter as unknown, body, bodyLine, lineOf, ...(syntaxError ? { syntaxError } : {}) };
}

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Every file of one collection under `root`, found and named by the collection's own loader
 * (src/collections.ts): the same pattern, the same ids, `slug` in front matter honoured. The content
 * check reads with it, and so does astro.config.mjs where it needs entries before the build loads them.
 */
export async function readCollection(root: string, collection: CollectionName): Promise<SourceFile[]> {
	const files: SourceFile[] = [];
	const rootUrl = pathToFileURL(`${root}${sep}`);
	// Each file as the loader hands it over, parsed once, by absolute path.
	const parsedAt = new Map<string, ReturnType<typeof readYaml> | ReturnType<typeof readMarkdown>>();
	const getEntryInfo = async ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
		const parsed = /\.ya?ml$/.test(fileUrl.pathname) ? readYaml(contents) : readMarkdown(contents);
		parsedAt.set(fileURLToPath(fileUrl), parsed);
		return {
			data: (parsed.raw && typeof parsed.raw === 'object' ? parsed.raw : {}) as Record<string, unknown>,
			body: parsed.body,
			slug: '',
			rawData: '',
		};
	};
	const entryType = { getEntryInfo };
	const quiet = () => {};
	const context = {
		collection,
		config: { root: rootUrl, srcDir: new URL('src/', rootUrl), integrations: [] },
		logger: {
			warn: quiet,
			error: quiet,
			info: quiet,
			debug: quiet,
			label: 'content-check',
			options: {},
			fork: () => context.logger,
		},
		entryTypes: new Map(
			['.md', '.mdx', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.yaml', '.yml'].map((ext) => [ext, entryType]),
		),
		generateDigest: (data: unknown) => String(typeof data === 'string' ? data.length : 0),
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		store: {
			keys: () => [],
			get: () => undefined,
			delete: quiet,
			clear: quiet,
			has: () => false,
			addModuleImport: quiet,
			addAssetImports: quiet,
			set: (entry: { id: string; filePath?: string }) => {
				const path = toPosix(entry.filePath!);
				files.push({ collection, id: entry.id, path, ...parsedAt.get(join(root, path))! });
				return true;
			},
		},
	};
	await loaderOf(collection).load(context as unknown as LoaderContext);
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A translation of an entry, read but not yet validated: a content file with its language and English source. */
export interface TranslationFile extends SourceFile {
	locale: string;
	/** The English file it translates, relative to the project root (it may be missing: an orphan). */
	source: string;
}

/**
 * Every translation of the collections whose loaders leave them out (all but docs, whose
 * translations Starlight loads as docs pages): the files under src/content/<folder>/<locale>/,
 * with the extensions of the collection, "_" files left out as the loaders do. Each gets the id
 * of its English source (the file the same path names), so that it is checked under that id.
 */
export async function readTranslations(root: string, english: SourceFile[]): Promise<TranslationFile[]> {
	const idOf = new Map(english.map((f) => [f.path, f.id]));
	const out: TranslationFile[] = [];
	for (const collection of articleCollectionNames) {
		const c = articleCollections[collection] as unknown as ArticleCollection;
		if (c.starlightExtension) continue;
		for (const locale of prefixedLocales) {
			const base = `src/content/${c.folder}/${locale}`;
			const walk = (dir: string): string[] =>
				existsSync(join(root, dir))
					? readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
							d.isDirectory()
								? walk(`${dir}/${d.name}`)
								: !d.name.startsWith('_') && c.extensions.some((e) => d.name.endsWith(e))
									? [`${dir}/${d.name}`]
									: [],
						)
					: [];
			for (const path of walk(base).sort()) {
				const text = readFileSync(join(root, path), 'utf8');
				const parsed = /\.ya?ml$/.test(path) ? readYaml(text) : readMarkdown(text);
				const rel = path.slice(base.length + 1);
				const source = `src/content/${c.folder}/${rel}`;
				const id = idOf.get(source) ?? `${locale}/${rel.replace(/\.[^.]+$/, '')}`;
				out.push({ collection, id, path, locale, source, ...parsed });
			}
		}
	}
	return out;
}

/** Every content file of every collection under `root`, in a stable order. */
export async function readContent(root: string): Promise<SourceFile[]> {
	return (await Promise.all(articleCollectionNames.map((c) => readCollection(root, c)))).flat();
}

/** Reads one file of a collection into a SourceFile, as the collection's loader names it. */
export async function readSourceFile(root: string, collection: CollectionName, file: string): Promise<SourceFile> {
	const path = toPosix(relative(root, file));
	const found = (await readCollection(root, collection)).find((f) => f.path === path);
	if (!found) throw new Error(`${path} is not a file of the ${collection} collection.`);
	return found;
}

/** Reads the program file without stopping on errors, so that they can be reported with the rest. */
export function readProgram(root: string) {
	const path = programCollection.file;
	const parsed = readYaml(readFileSync(join(root, path), 'utf8'));
	return { path, ...parsed, result: programCollection.schema.safeParse(parsed.raw) };
}
