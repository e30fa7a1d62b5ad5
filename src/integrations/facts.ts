import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { programSchema, type Program } from '../schemas/program.ts';
import { factsFrom, factValue, renderFact, type Facts } from '../lib/facts.ts';
import { formatIssues } from '../lib/errors.ts';

/** Where the program's facts live, relative to the project root. */
export const PROGRAM_FILE = 'src/content/program/program.yaml';

/** Reads and validates the program file; a bad file stops the build with the field that is wrong. */
export function loadProgram(root: URL | string, file = PROGRAM_FILE): Program {
	const path = fileURLToPath(new URL(file, root));
	const result = programSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
	if (!result.success) throw new Error(`Invalid program facts in ${file}:\n${formatIssues(result.error.issues)}`);
	return result.data;
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
			const name = node.children.map((c) => c.value ?? '').join('').trim();
			return { type: 'text' as const, value: Object.hasOwn(facts, name) ? renderFact(factValue(facts, name), followingText(node, ctx)) : `:fact[${name}]` };
		},
	};
}

export { factsFrom };
