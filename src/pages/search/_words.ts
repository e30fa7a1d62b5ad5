/**
 * The site's words with how often they occur, read once per build and language: the dictionary
 * behind `/search/words.json` (spelling) and `/search/synonyms/<letter>.json` (readers' words),
 * and behind `/<locale>/search/words…` for each other language.
 */
import { getCollection } from 'astro:content';
import { loadContent } from '../../data/content.ts';
import { buildSynonymTable } from './_wordnet.ts';
import { articleCollectionNames } from '../../collections.ts';
import { localeOfPath, type LocaleKey } from '../../i18n/locales.ts';
import type { SynonymTable } from '../../lib/search-synonyms.ts';
import { wordCounts } from '../../lib/spelling.ts';

/** Every string inside front matter, without the field names. */
const stringsOf = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsOf)
			: [];

const counts = new Map<LocaleKey, Promise<Map<string, number>>>();
let synonyms: Promise<SynonymTable> | undefined;

/** The English site's words, most frequent first, with their counts. */
async function rootWordCounts(): Promise<Map<string, number>> {
	const content = await loadContent();
	const entries = [
		...content.docs,
		...content.faqs,
		...content.troubleshooting,
		...content.disclosures,
		...content.commission,
		...content.terms,
	];
	return wordCounts(entries.flatMap((e) => [...stringsOf(e.data), e.body ?? '']));
}

/**
 * A translated site's words: its translations' (`<locale>/…` entries), and the English text of
 * every entry not yet translated, which its pages show in English as a fallback.
 */
async function localeWordCounts(locale: LocaleKey): Promise<Map<string, number>> {
	const texts: string[] = [];
	for (const name of articleCollectionNames) {
		const entries = (await getCollection(name)) as Array<{ id: string; data: unknown; body?: string }>;
		const translated = new Set(
			entries.filter((e) => localeOfPath(`/${e.id}/`) === locale).map((e) => e.id.slice(locale.length + 1)),
		);
		for (const e of entries) {
			const own = localeOfPath(`/${e.id}/`);
			if (own === locale || (own === 'root' && !translated.has(e.id))) texts.push(...stringsOf(e.data), e.body ?? '');
		}
	}
	return wordCounts(texts);
}

/** The site's words in a locale (the English site's by default), most frequent first, with their counts. */
export function siteWordCounts(locale: LocaleKey = 'root'): Promise<Map<string, number>> {
	let found = counts.get(locale);
	if (!found) counts.set(locale, (found = locale === 'root' ? rootWordCounts() : localeWordCounts(locale)));
	return found;
}

/** The synonym table for the English site's words, built from WordNet once per build. */
export function siteSynonyms(): Promise<SynonymTable> {
	return (synonyms ??= siteWordCounts().then((c) => buildSynonymTable(c)));
}
