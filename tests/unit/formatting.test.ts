import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from '@astrojs/compiler-rs';
import * as prettier from 'prettier';
import ts from 'typescript';
import { projectRoot } from '../helpers/fixtures.ts';

/**
 * The HTML a component renders around its expressions: the static parts of the templates Astro compiles it to, in
 * order, with whitespace as Astro's default `compressHTML: 'jsx'` (which astro.config.mjs keeps) leaves it and each
 * run read as one space, as the browser does. Scripts and styles are left out: formatting them changes no text.
 */
function renderedHtml(source: string): string {
	const { code } = transform(source, { filename: 'component.astro', compact: 'jsx' });
	const file = ts.createSourceFile('component.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
	const pieces: { at: number; text: string }[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === '$$render') {
			const template = node.template;
			if (ts.isNoSubstitutionTemplateLiteral(template)) pieces.push({ at: template.pos, text: template.text });
			else {
				pieces.push({ at: template.head.pos, text: template.head.text });
				for (const { expression, literal } of template.templateSpans) {
					// `{' '}` renders its text; any other expression is a value the template does not know.
					const constant = ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression);
					pieces.push({ at: expression.pos, text: constant ? expression.text : '{…}' });
					pieces.push({ at: literal.pos, text: literal.text });
				}
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return pieces
		.sort((a, b) => a.at - b.at)
		.map((p) => p.text)
		.join('')
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1>')
		.replace(/\s+/g, ' ');
}

const components = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.astro'))
	.map((f) => join(projectRoot, 'src', f));

describe('Prettier on components', () => {
	it('compares what a component renders, not how it is laid out', () => {
		expect(renderedHtml("<p>\n\t<strong>Paid</strong> on the{' '}\n\t{day}th\n</p>")).toBe(
			renderedHtml('<p><strong>Paid</strong> on the {day}th</p>'),
		);
		expect(renderedHtml('<p>by email{x ? " to you" : ", if given"}.</p>')).toBe(
			renderedHtml('<p>\n\tby email\n\t{x ? " to you" : ", if given"}.\n</p>'),
		);
		expect(renderedHtml('<p>At noon ({zone} time)</p>')).not.toBe(renderedHtml('<p>At noon ({zone}time)</p>'));
		expect(renderedHtml('<p>Paid <a href="/x">monthly</a>.</p>')).not.toBe(
			renderedHtml('<p>Paid <a href="/x">monthly</a> .</p>'),
		);
	});

	// prettier-plugin-astro drops the spaces around expressions in <caption>; such components are listed in
	// .prettierignore.
	it('leaves what every formatted component renders unchanged', async () => {
		expect(components.length).toBeGreaterThan(20);
		const changed: string[] = [];
		for (const file of components) {
			const info = await prettier.getFileInfo(file, { ignorePath: join(projectRoot, '.prettierignore') });
			if (info.ignored) continue;
			const source = readFileSync(file, 'utf8');
			const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(file)), filepath: file });
			const [before, after] = [renderedHtml(source), renderedHtml(formatted)];
			if (before === after) continue;
			const at = [...before].findIndex((c, i) => c !== after[i]);
			changed.push(
				`${relative(projectRoot, file)}: …${before.slice(at - 40, at + 40)}… becomes …${after.slice(at - 40, at + 40)}…`,
			);
		}
		expect(changed).toEqual([]);
	});
});
