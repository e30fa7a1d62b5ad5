import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { programSchema, type Program } from '../schemas/program.ts';
import { factsFrom, factValue, renderFact, type Facts } from '../lib/facts.ts';
import { messages } from '../lib/errors.ts';
import { programCollection } from '../collections.ts';

/** Where the program's facts live, relative to the project root. */
export const PROGRAM_FILE = programCollection.file;

interface ReadProgram {
	modified: number;
	raw: unknown;
	program: Program;
}

/**
 * The program file as read, by path, shared by everything in the process that loads it (the
 * Astro config, the content config and the program collection are loaded as separate modules):
 * the file is read once, and again only when it changes.
 */
const cache: Map<string, ReadProgram> = ((globalThis as { [key: symbol]: unknown })[
	Symbol.for('partner-help.program')
] ??= new Map()) as Map<string, ReadProgram>;

function read(root: URL | string, file: string): ReadProgram {
	const path = fileURLToPath(new URL(file, root));
	if (!existsSync(path)) {
		const { message, hint } = messages.programMissing(file);
		throw new AstroError(message, hint);
	}
	const modified = statSync(path).mtimeMs;
	const cached = cache.get(path);
	if (cached?.modified === modified) return cached;
	const raw: unknown = parseYaml(readFileSync(path, 'utf8'));
	const result = programSchema.safeParse(raw);
	if (!result.success) {
		const { message, hint } = messages.invalidProgram(file, result.error.issues);
		throw new AstroError(message, hint);
	}
	const entry = { modified, raw, program: result.data };
	cache.set(path, entry);
	return entry;
}

/** Reads and validates the program file; a bad file stops the build with the field that is wrong. */
export function loadProgram(root: URL | string, file = PROGRAM_FILE): Program {
	return read(root, file).program;
}

/** The program collection's loader: its one entry `program`, from the same read as every fact. */
export function programLoader(root: URL | string, file = PROGRAM_FILE): Loader {
	return {
		name: 'partner-help-program',
		load: async ({ store, parseData, watcher }) => {
			const sync = async () => {
				const data = await parseData({ id: 'program', data: read(root, file).raw as Record<string, unknown> });
				store.clear();
				store.set({ id: 'program', data, filePath: file });
			};
			await sync();
			const path = fileURLToPath(new URL(file, root));
			watcher?.add(path);
			watcher?.on('change', (changed) => {
				if (changed === path) void sync();
			});
		},
	};
}

interface DirectiveNode {
	type: 'textDirective';
	name: string;
	children: Array<{ type: string; value?: string }>;
}

/** The part of the Markdown processor's context the plugin uses: where a node stands among its siblings. */
interface SiblingContext {
	parent(node: DirectiveNode): { children: ReadonlyArray<{ type: string; value?: string }> } | undefined;
	indexOf(node: DirectiveNode): number | undefined;
}

/** The text right after a node in its paragraph, so that the fact can read well before it. */
function followingText(node: DirectiveNode, ctx: SiblingContext | undefined): string {
	if (!ctx) return '';
	const index = ctx.indexOf(node);
	const next = index === undefined ? undefined : ctx.parent(node)?.children[index + 1];
	return next?.type === 'text' ? (next.value ?? '') : '';
}

/**
 * Markdown plugin: `:fact[payoutThreshold]` becomes the value from the program file.
 * An unknown name is left as written: the content check that runs with every
 * build reports it with file and line and stops the build. (Throwing here would
 * only drop the entry with a logged error, and the build would go on without it.)
 */
export function factsPlugin(facts: Facts) {
	return {
		name: 'partner-help-facts',
		textDirective(node: DirectiveNode, ctx?: SiblingContext) {
			if (node.name !== 'fact') return;
			const name = node.children
				.map((c) => c.value ?? '')
				.join('')
				.trim();
			return {
				type: 'text' as const,
				value: Object.hasOwn(facts, name)
					? renderFact(factValue(facts, name), followingText(node, ctx))
					: `:fact[${name}]`,
			};
		},
	};
}

export { factsFrom };
