/**
 * What the search pipeline needs to know about the language of the index it searches: which
 * words are filler, when a typed word is one the site uses in some form, how a reader's spelling
 * maps onto the site's, and whether a synonym table exists. English is what the pipeline grew up
 * with; German adds Snowball stemming (@orama/stemmers, the algorithm Pagefind's German index
 * uses) and the spellings German readers type on keyboards without umlauts ("rueckgabe",
 * "ruckgabe", "strasse" for "Rückgabe", "Straße").
 */
import { stemmer as germanStem } from '@orama/stemmers/german';
import { fillerWords, germanFillerWords } from './filler-words.ts';
import { wordForms } from './search-synonyms.ts';

/** The languages search knows; any other falls back to English's rules. */
export type SearchLang = 'en' | 'de';

export interface SearchLanguage {
	lang: SearchLang;
	/** Words that carry no subject. */
	filler: ReadonlySet<string>;
	/** Whether the site's words hold a typed word in some form ("returning" when it says "return"). */
	known(vocabulary: readonly string[]): (word: string) => boolean;
	/** The site's spelling of a typed word it holds only spelled otherwise ("rueckgabe" → "rückgabe"), if any. */
	respell(vocabulary: readonly string[]): (word: string) => string | undefined;
	/** Whether a synonym table is built for this language (`/search/synonyms/<letter>.json`). */
	synonyms: boolean;
}

/** Memoised per vocabulary array: the shards of one search are merged once and asked many times. */
function perVocabulary<T>(make: (vocabulary: readonly string[]) => T): (vocabulary: readonly string[]) => T {
	const cache = new WeakMap<readonly string[], T>();
	return (vocabulary) => {
		let made = cache.get(vocabulary);
		if (made === undefined) cache.set(vocabulary, (made = make(vocabulary)));
		return made;
	};
}

/** Numbers and codes ("w-9", "1099") count as known: they are never respelled. */
const isWord = (word: string) => /^\p{L}+$/u.test(word);

const english: SearchLanguage = {
	lang: 'en',
	filler: fillerWords,
	known: perVocabulary((vocabulary) => {
		const words = new Set(vocabulary);
		return (word) => !isWord(word) || wordForms(word).some((f) => words.has(f)) || words.has(`${word}s`);
	}),
	respell: () => () => undefined,
	synonyms: true,
};

/**
 * A German word with umlauts and ß spelled out and then dropped, so that "Rückgabe", "rueckgabe"
 * and "ruckgabe" compare equal; "ue" in words like "Steuer" folds on both sides alike.
 */
export const foldGerman = (word: string): string =>
	word
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c]!)
		.replace(/([aou])e/g, '$1');

const german: SearchLanguage = {
	lang: 'de',
	filler: germanFillerWords,
	known: perVocabulary((vocabulary) => {
		// Pagefind stems German words the same way, so a word sharing a stem with a site word finds its pages.
		const stems = new Set(vocabulary.map(germanStem));
		return (word) => !isWord(word) || stems.has(germanStem(word));
	}),
	respell: perVocabulary((vocabulary) => {
		// Each folded spelling stands for the site's most frequent word with it (vocabulary is most frequent first).
		const spelled = new Map<string, string>();
		for (const word of vocabulary) {
			const key = germanStem(foldGerman(word));
			if (!spelled.has(key)) spelled.set(key, word);
		}
		return (word) => (isWord(word) ? spelled.get(germanStem(foldGerman(word))) : undefined);
	}),
	synonyms: false,
};

const languages: Record<SearchLang, SearchLanguage> = { en: english, de: german };

/** The rules for a page's language (`<html lang>`, "de-CH" counts as German); English for any search knows none of. */
export function searchLanguage(lang: string | undefined): SearchLanguage {
	const base = (lang ?? 'en').toLowerCase().split('-')[0] as SearchLang;
	return languages[base] ?? english;
}
