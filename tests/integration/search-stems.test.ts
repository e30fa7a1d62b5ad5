import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, requireBuild } from '../helpers/site.ts';
import { openSearchIndex, type SearchIndex } from '../../scripts/bench/search-index.ts';
import { synonymShard } from '../../src/lib/search-words.ts';
import type { StemTable } from '../../src/lib/search-stems.ts';

let index: SearchIndex;
const dir = join(clientDir, 'search', 'stems');
const shards = () => readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as StemTable;

beforeAll(async () => {
	requireBuild();
	index = await openSearchIndex(clientDir);
});
afterAll(() => index?.close());

describe('the stem table the site ships', () => {
	it('has a shard for each first letter the site words have, each entry under its own letter', () => {
		const words = JSON.parse(readFileSync(join(clientDir, 'search', 'words.json'), 'utf8')) as string[];
		const letters = new Set(words.map(synonymShard));
		expect(shards().map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining([...letters]));
		for (const file of shards()) {
			for (const word of Object.keys(read(file))) expect(`${synonymShard(word)}.json`, word).toBe(file);
		}
		// The words most searched for are in it: the table is not empty by mistake.
		expect(read('c.json')['commission']).toBe('commiss');
		expect(words).toEqual(expect.arrayContaining(Object.keys(read('c.json'))));
	});

	it("holds Pagefind's own stems: searching the stem finds the very pages the word finds", async () => {
		const entries = shards().flatMap((f) => Object.entries(read(f)));
		expect(entries.length).toBeGreaterThan(100);
		// A stem Pagefind would not stem the word to finds other pages (or none); a stem of another
		// stemmer differs from Pagefind's on some of the site's words. Scores may differ a little
		// where Pagefind indexes words the site's dictionary lacks (page chrome), which the stem
		// begins and the word does not: the accent bonus, see src/lib/search-stems.ts.
		const differing: string[] = [];
		let sameOrder = 0;
		for (const [word, stem] of entries) {
			// One after the other: the word's search loads the chunks both need before the stem's runs.
			const asTyped = await index.hits(word);
			const asStem = await index.hits(stem);
			const pages = (hits: typeof asTyped) => hits.map((h) => h.id).sort();
			if (JSON.stringify(pages(asTyped)) !== JSON.stringify(pages(asStem))) differing.push(`${word} → ${stem}`);
			if (JSON.stringify(asTyped) === JSON.stringify(asStem)) sameOrder++;
		}
		expect(differing).toEqual([]);
		// Nearly always the very same ranking, scores and all.
		expect(sameOrder / entries.length).toBeGreaterThan(0.95);
	}, 120_000);
});
