import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@astrojs/compiler-rs';
import * as prettier from 'prettier';
import { projectRoot } from '../helpers/fixtures.ts';

type Node = { type?: string; [key: string]: unknown };

/** `p`, `Icon`, `Card.Title`, `svg:rect`. */
const tagName = (name: Node): string =>
	name.type === 'JSXMemberExpression'
		? `${tagName(name['object'] as Node)}.${tagName(name['property'] as Node)}`
		: name.type === 'JSXNamespacedName'
			? `${tagName(name['namespace'] as Node)}:${tagName(name['name'] as Node)}`
			: String(name['name']);

/**
 * What a component's template renders, as far as spacing goes: its text, element boundaries and expressions in
 * order, with every run of whitespace read as one space (as the browser does) and whitespace next to a tag
 * dropped (Prettier's HTML printer decides that from the element's CSS display). Attributes, styles and scripts
 * are left out: formatting them cannot change the text a reader sees.
 */
function renderedText(source: string): string[] {
	const parts: { kind: 'text' | 'tag' | 'expression'; value: string }[] = [];
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const n = node as Node;
		if (n.type === 'JSXText') return void parts.push({ kind: 'text', value: String(n['value']) });
		if (n.type === 'JSXElement') {
			const opening = n['openingElement'] as { name: Node };
			const name = tagName(opening.name);
			if (name === 'style' || name === 'script') return;
			parts.push({ kind: 'tag', value: `<${name}>` });
			walk(n['children']);
			return void parts.push({ kind: 'tag', value: `</${name}>` });
		}
		if (n.type === 'JSXFragment') return walk(n['children']);
		if (n.type === 'JSXExpressionContainer') {
			const expression = n['expression'] as Node;
			// `{' '}` renders its text.
			if (expression.type === 'Literal' && typeof expression['value'] === 'string')
				return void parts.push({ kind: 'text', value: expression['value'] });
			parts.push({ kind: 'expression', value: '{' });
			walk(expression);
			return void parts.push({ kind: 'expression', value: '}' });
		}
		for (const [key, value] of Object.entries(n)) if (key !== 'start' && key !== 'end') walk(value);
	};
	walk(parse(source).ast['body']);
	const merged: typeof parts = [];
	for (const part of parts) {
		const last = merged.at(-1);
		if (part.kind === 'text' && last?.kind === 'text') last.value += part.value;
		else merged.push({ ...part });
	}
	return merged
		.map((part, i) => {
			if (part.kind !== 'text') return part.value;
			let text = part.value.replace(/\s+/g, ' ');
			if (i === 0 || merged[i - 1]!.kind === 'tag') text = text.replace(/^ /, '');
			if (i === merged.length - 1 || merged[i + 1]!.kind === 'tag') text = text.replace(/ $/, '');
			return JSON.stringify(text);
		})
		.filter((part) => part !== '""');
}

const components = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.astro'))
	.map((f) => join(projectRoot, 'src', f));

describe('Prettier on components', () => {
	it('reads spacing the way the browser shows it', () => {
		expect(renderedText('<p>Paid on the\n\t\t{day}th</p>')).toEqual(renderedText('<p>Paid on the {day}th</p>'));
		expect(renderedText('<p>\n\t<strong>Note</strong>\n</p>')).toEqual(renderedText('<p><strong>Note</strong></p>'));
		expect(renderedText('<p>({zone} time)</p>')).not.toEqual(renderedText('<p>({zone}time)</p>'));
		expect(renderedText('<p>by email{x ? <> to <b>you</b></> : ", if given"}.</p>')).not.toEqual(
			renderedText('<p>by email\n{x ? <> to <b>you</b></> : ", if given"}.</p>'),
		);
		expect(renderedText("<p>{a}{', and chat'}</p>")).not.toEqual(renderedText("<p>{a}\n{', and chat'}</p>"));
	});

	// prettier-plugin-astro formats text inside {expressions} as JSX (where a line break between text and an
	// expression is nothing) and drops spaces around expressions in <caption>; the components it would change
	// are listed in .prettierignore.
	it('leaves what every formatted component renders unchanged', async () => {
		expect(components.length).toBeGreaterThan(20);
		const changed: string[] = [];
		for (const file of components) {
			const info = await prettier.getFileInfo(file, { ignorePath: join(projectRoot, '.prettierignore') });
			if (info.ignored) continue;
			const source = readFileSync(file, 'utf8');
			const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(file)), filepath: file });
			const [before, after] = [renderedText(source), renderedText(formatted)];
			const at = before.findIndex((part, i) => part !== after[i]);
			if (at >= 0 || before.length !== after.length) {
				const from = Math.max(0, at >= 0 ? at - 2 : before.length - 2);
				changed.push(
					`${relative(projectRoot, file)}: ${before.slice(from, from + 4).join(' ')} becomes ${after.slice(from, from + 4).join(' ')}`,
				);
			}
		}
		expect(changed).toEqual([]);
	});
});
