/**
 * Search in the language of the page: German questions lose their filler words, German word
 * forms count as the site's, and umlauts typed as "ae", "oe", "ue" or left out find the site's
 * spelling; English searches keep their own rules.
 */
import { describe, expect, it } from 'vitest';
import { germanFillerWords } from '../../src/lib/filler-words.ts';
import { foldGerman, searchLanguage } from '../../src/lib/search-language.ts';
import { runSearch, type PagefindResult } from '../../src/lib/search-run.ts';
import { contentWords, queryWords, synonymShard } from '../../src/lib/search-words.ts';
import { vocabularyOf } from '../../src/lib/spelling.ts';

describe('the language of a search', () => {
	it('takes the page language, regional variants included, and English for a language it lacks', () => {
		expect(searchLanguage('de').lang).toBe('de');
		expect(searchLanguage('de-CH').lang).toBe('de');
		expect(searchLanguage('en').lang).toBe('en');
		expect(searchLanguage('fr').lang).toBe('en');
		expect(searchLanguage(undefined).lang).toBe('en');
	});

	it('drops German filler words and keeps the words a help question turns on', () => {
		const { filler } = searchLanguage('de');
		expect(contentWords(queryWords('Wann werde ich bezahlt?'), filler)).toEqual(['bezahlt']);
		expect(contentWords(queryWords('Wie kann ich meine Bestellung zurückgeben'), filler)).toEqual([
			'bestellung',
			'zurückgeben',
		]);
		// Content words the stop-word packages count as filler stay searchable.
		for (const word of ['zurück', 'tage', 'zeit', 'ohne', 'gegen', 'geld', 'provision']) {
			expect(germanFillerWords.has(word), word).toBe(false);
		}
	});

	it('folds umlauts and ß as German readers type them', () => {
		expect(foldGerman('Rückgabe')).toBe(foldGerman('rueckgabe'));
		expect(foldGerman('Rückgabe')).toBe(foldGerman('ruckgabe'));
		expect(foldGerman('Straße')).toBe(foldGerman('strasse'));
		expect(foldGerman('Größe')).toBe(foldGerman('groesse'));
	});

	it('counts a German word as the site’s when it shares its stem, and respells umlauts typed out', () => {
		const de = searchLanguage('de');
		const vocabulary = ['rückgabe', 'provision', 'größe', 'steuer'];
		const known = de.known(vocabulary);
		expect(known('provisionen')).toBe(true);
		expect(known('ruckgabe')).toBe(true); // Pagefind's German stemmer drops the umlaut as well
		expect(known('rueckgabe')).toBe(false);
		expect(known('w-9')).toBe(true);
		const respell = de.respell(vocabulary);
		expect(respell('rueckgabe')).toBe('rückgabe');
		expect(respell('groesse')).toBe('größe');
		expect(respell('zeppelin')).toBeUndefined();
		// English keeps its own rules: no respelling.
		expect(searchLanguage('en').respell(vocabulary)('rueckgabe')).toBeUndefined();
	});

	it('puts a word starting with an umlaut in its plain vowel’s shard, beside the spelling readers type', () => {
		expect(synonymShard('änderung')).toBe('a');
		expect(synonymShard('aenderung')).toBe('a');
		expect(synonymShard('übersicht')).toBe('u');
		expect(synonymShard('1099')).toBe('_');
	});
});

describe('a German search through the pipeline', () => {
	const pages: Record<string, string> = {
		'/de/faq/refunds-returns/': 'rückgabe artikel erstattung',
		'/de/faq/payments/': 'auszahlung provision bezahlt',
	};
	/** A stand-in index that matches whole words only, as Pagefind does for a word it has no stem of. */
	const pagefind = {
		asked: [] as string[],
		async search(query: string) {
			this.asked.push(query);
			const words = query.split(' ');
			const results: PagefindResult[] = Object.entries(pages)
				.filter(([, text]) => words.every((w) => text.split(' ').includes(w)))
				.map(([url, text]) => ({
					id: url,
					score: 1,
					data: async () => ({ url, content: text, excerpt: text, meta: { title: url }, sub_results: [] }),
				}));
			return { results };
		},
	};

	it('searches "wie geht eine rueckgabe" as the site spells it, without fetching synonyms', async () => {
		pagefind.asked.length = 0;
		let synonymsFetched = false;
		const outcome = await runSearch(pagefind, 'wie geht eine rueckgabe', {
			lang: 'de',
			vocabulary: async () => vocabularyOf(Object.values(pages)),
			synonyms: async () => ((synonymsFetched = true), {}),
		});
		expect(outcome.searched).toBe('geht rückgabe');
		expect(outcome.corrected).toBe(true);
		expect(outcome.landings[0]?.pageUrl).toBe('/de/faq/refunds-returns/');
		expect(pagefind.asked).not.toContain('wie');
		expect(synonymsFetched).toBe(false);
	});

	it('keeps English rules for an English page: German words are not filler there', async () => {
		const outcome = await runSearch(pagefind, 'wie rueckgabe', {
			vocabulary: async () => vocabularyOf(Object.values(pages)),
		});
		expect(outcome.words.map((w) => w.typed)).toEqual(['wie', 'rueckgabe']);
	});
});
