/**
 * Spelling correction for searches that find nothing. Pagefind forgives some typos but not
 * all ("postbak", "recieve", "windwo"); the site's own words are the dictionary, so a
 * correction is always a word some page uses.
 */
import { fillerWords } from './filler-words.ts';

/**
 * The words of `texts`, most frequent first: lower case, at least three letters, no fact
 * placeholders, apostrophes dropped (readers type "cant" for "can't").
 */
export function vocabularyOf(texts: Iterable<string>): string[] {
	return [...wordCounts(texts).keys()];
}

/** Each word of `texts` with how often it occurs, most frequent first (words as vocabularyOf reads them). */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const text of texts) {
		for (const [word] of text
			.replace(/:fact\[[^\]]*\]/g, ' ')
			.replace(/['’]/g, '')
			.toLowerCase()
			.matchAll(/\p{L}[\p{L}\p{N}]{2,}/gu)) {
			counts.set(word, (counts.get(word) ?? 0) + 1);
		}
	}
	return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/**
 * Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`,
 * or `max + 1` as soon as it is clear there are more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
			current[j] = d;
			rowMin = Math.min(rowMin, d);
		}
		if (rowMin > max) return max + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** How many edits a word of this length may need: one for short words, two from seven letters. */
const allowance = (word: string): number => (word.length >= 7 ? 2 : 1);

/**
 * The closest word of `vocabulary` (most frequent first) to `word`, which the site never uses,
 * or undefined when none is close enough. Short words, filler words and words with digits are
 * left alone: too many words are one edit from them.
 */
export function correctWord(
	word: string,
	vocabulary: readonly string[],
	filler: ReadonlySet<string> = fillerWords,
): string | undefined {
	if (word.length < 4 || filler.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
	let best: string | undefined;
	let bestDistance = allowance(word) + 1;
	for (const candidate of vocabulary) {
		const d = editDistance(word, candidate, bestDistance - 1);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}
