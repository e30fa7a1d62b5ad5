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

	it("holds Pagefind's own stems: searching the stem finds the very pages, with the very scores, the word finds", async () => {
		const entries = shards().flatMap((f) => Object.entries(read(f)));
		expect(entries.length).toBeGreaterThan(100);
		const differing: string[] = [];
		for (const [word, stem] of entries) {
			const [asTyped, asStem] = await Promise.all([index.hits(word), index.hits(stem)]);
			if (JSON.stringify(asTyped) !== JSON.stringify(asStem)) differing.push(`${word} → ${stem}`);
		}
		expect(differing).toEqual([]);
	}, 120_000);
});
