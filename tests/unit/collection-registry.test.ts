import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	articleCollectionNames,
	articleCollections,
	describe as describeEntry,
	programCollection,
} from '../../src/collections.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const names = [...articleCollectionNames, programCollection.name];
const sourceFile = /\.(ts|mts|mjs|js|astro)$/;

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const full = join(dir, d.name);
		if (d.isDirectory()) return d.name === 'node_modules' ? [] : walk(full);
		return sourceFile.test(d.name) ? [full] : [];
	});
}

/**
 * Places in `text` that write the collections out as a list: four or more of their names, each
 * quoted, one after the other with only a little code and no other string between them (an array,
 * a union type, a table of pairs). A subset of two or three (a rule about FAQ answers) is not a list.
 */
export function writtenOutLists(text: string): number[] {
	const quoted = new RegExp(`['"\`](${names.join('|')})['"\`]`, 'g');
	const lines: number[] = [];
	let chain: { at: number; names: Set<string>; end: number } | undefined;
	const close = () => {
		if (chain && chain.names.size >= 4) lines.push(text.slice(0, chain.at).split('\n').length);
		chain = undefined;
	};
	for (const m of text.matchAll(quoted)) {
		const gap = chain ? text.slice(chain.end, m.index) : '';
		if (!chain || gap.length > 40 || /['"`]/.test(gap)) {
			close();
			chain = { at: m.index, names: new Set(), end: 0 };
		}
		chain.names.add(m[1]!);
		chain.end = m.index + m[0].length;
	}
	close();
	return lines;
}

describe('the collection registry (src/collections.ts)', () => {
	it('is the only source file that writes the list of collections out', () => {
		const files = ['src', 'scripts', 'tests']
			.flatMap((dir) => walk(join(projectRoot, dir)))
			.map((file) => relative(projectRoot, file).split(sep).join('/'))
			.filter((file) => file !== 'src/collections.ts' && !file.startsWith('tests/fixtures/'));
		const copies = files.flatMap((file) =>
			writtenOutLists(readFileSync(join(projectRoot, file), 'utf8')).map((line) => `${file}:${line}`),
		);
		expect(copies).toEqual([]);
	});

	it('finds a list written out, on its line, and leaves a short subset alone', () => {
		const list = names.map((n) => `'${n}'`).join(', ');
		expect(writtenOutLists(`const a = 1;\nexport const all = [${list}] as const;\n`)).toEqual([2]);
		expect(
			writtenOutLists(`type Kinds =\n\t| "${names[0]}"\n\t| "${names[1]}"\n\t| "${names[2]}"\n\t| "${names[3]}";\n`),
		).toEqual([2]);
		expect(
			writtenOutLists(
				`const pairs = [\n\t['${names[0]}', a],\n\t['${names[1]}', b],\n\t['${names[2]}', c],\n\t['${names[3]}', d],\n];`,
			),
		).toEqual([2]);
		expect(
			writtenOutLists(
				`if (collection === '${names[1]}' || collection === '${names[2]}' || collection === '${names[3]}') return;`,
			),
		).toEqual([]);
		expect(
			writtenOutLists(
				`f('${names[0]}', '/a/'); f('${names[1]}', '/b/'); f('${names[2]}', '/c/'); f('${names[3]}', '/d/');`,
			),
		).toEqual([]);
	});

	it('names a folder under src/content that exists for every collection', () => {
		for (const name of articleCollectionNames)
			expect(existsSync(join(projectRoot, 'src', 'content', articleCollections[name].folder)), name).toBe(true);
		expect(existsSync(join(projectRoot, programCollection.file))).toBe(true);
	});

	it('makes each entry’s address and the page that lists it', () => {
		expect(describeEntry('faqs', { id: 'when-paid', data: { question: 'When?', topic: 'payments' } }, 2)).toEqual({
			title: 'When?',
			url: '/faq/payments/2/#when-paid',
			listedOn: '/faq/',
		});
		expect(describeEntry('terms', { id: 'v3-2', data: { title: 'Program terms', version: '3.2' } })).toMatchObject({
			title: 'Program terms 3.2',
			url: '/terms/3-2/',
		});
		expect(describeEntry('docs', { id: 'affiliates/payments', data: { title: 'Payments' } }).listedOn).toBeUndefined();
		expect(
			describeEntry('docs', { id: 'affiliates/payments', data: { title: 'Payments', audience: 'affiliate' } }).listedOn,
		).toBe('/guides/for-affiliates/');
	});
});
