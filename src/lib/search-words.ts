/**
 * A reader's question as words to search for: lower case, apostrophes and punctuation gone,
 * filler words left out, and each word the site does not use replaced by site words it may mean
 * (a spelling correction, then WordNet's synonyms), so that one unknown word cannot empty the
 * results.
 */
import { fillerWords } from './filler-words.ts';
import { synonymsOf, type SynonymTable } from './search-synonyms.ts';
import { correctWord } from './spelling.ts';

/** At most this many words of a question are searched for; the rest add little but cost searches. */
export const maxQueryWords = 8;

/** The words of a query as typed: lower case, "didn't" → "didnt", punctuation around words gone ("w-9" stays). */
export function queryWords(query: string): string[] {
	return query
		.toLowerCase()
		.replace(/['’]/g, '')
		.split(/[^\p{L}\p{N}-]+/u)
		.map((w) => w.replace(/^-+|-+$/g, ''))
		.filter(Boolean);
}

/** The words that carry the subject, or every word when all of them are filler ("what is it"). */
export function contentWords(words: readonly string[], filler: ReadonlySet<string> = fillerWords): string[] {
	const kept = words.filter((w) => !filler.has(w));
	return (kept.length > 0 ? kept : [...words]).filter((w, i, all) => all.indexOf(w) === i).slice(0, maxQueryWords);
}

/** One word of the question and what it is searched as. */
export interface QueryWord {
	/** As typed (lower case). */
	typed: string;
	/** What is searched for in its place: the word itself when the site uses it, else its best correction or synonym. */
	primary: string;
	/** Other site words it may mean, best first. */
	alternatives: string[];
	/** Whether `primary` replaces a word the site never uses. */
	replaced: boolean;
}

/**
 * Each content word with what to search for. `known` says whether some page holds a word; one
 * no page holds is respelled from `vocabulary` (the site's words, most frequent first) or
 * replaced by its synonyms; a word pages hold keeps the synonyms the table has for it (only
 * words few pages hold have any) as other meanings. `respell` gives the site's spelling of a word
 * it holds spelled otherwise (German "rueckgabe" for "Rückgabe"); `filler` are the words spelling
 * correction leaves alone.
 */
export function interpretQuery(
	typed: readonly string[],
	known: (word: string) => boolean,
	vocabulary: readonly string[] = [],
	synonyms: SynonymTable = {},
	{
		respell,
		filler,
	}: { respell?: ((word: string) => string | undefined) | undefined; filler?: ReadonlySet<string> } = {},
): QueryWord[] {
	return typed.map((word) => {
		const related = synonymsOf(word, synonyms).filter((w) => w !== word);
		if (known(word)) return { typed: word, primary: word, alternatives: related, replaced: false };
		const spelled = respell?.(word);
		if (spelled) return { typed: word, primary: spelled, alternatives: related, replaced: true };
		// A word the synonym table knows is an English word, not a typo: its meanings come before
		// the site word it is closest to in spelling ("bogus" means "fake", not "bonus").
		const corrected = correctWord(word, vocabulary, filler);
		const options = [...new Set([...related, ...(corrected ? [corrected] : [])])];
		if (options.length === 0) return { typed: word, primary: word, alternatives: [], replaced: false };
		return { typed: word, primary: options[0]!, alternatives: options.slice(1), replaced: true };
	});
}

/** The shards of the synonym table these words need: the first letters of those that could have an entry. */
export function synonymShards(words: readonly string[]): string[] {
	return [...new Set(words.filter((w) => /^\p{L}{3,}$/u.test(w)).map(synonymShard))].sort();
}

/** The shards of the site's words these words need: the first letters of those made of letters only (the others are never respelled). */
export function wordShards(words: readonly string[]): string[] {
	return [...new Set(words.filter((w) => /^\p{L}+$/u.test(w)).map(synonymShard))].sort();
}

/**
 * The shard of the synonym table (and of the site's words) a word's entry is in: its first
 * letter, a–z, an umlaut counting as its plain vowel ("änderung" is in a.json, beside the
 * "aenderung" a reader types), or "_" for any other.
 */
export const synonymShard = (word: string): string => {
	const first = ({ ä: 'a', ö: 'o', ü: 'u' } as Record<string, string>)[word[0] ?? ''] ?? word[0] ?? '';
	return /^[a-z]$/.test(first) ? first : '_';
};
