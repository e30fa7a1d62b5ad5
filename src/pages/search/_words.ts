/**
 * The site's words with how often they occur, read once per build: the dictionary behind
 * `/search/words.json` (spelling) and `/search/synonyms/<letter>.json` (readers' words).
 */
import { loadContent } from '../../data/content.ts';
import { buildSynonymTable } from './_wordnet.ts';
import type { SynonymTable } from '../../lib/search-synonyms.ts';
import { wordCounts } from '../../lib/spelling.ts';

/** Every string inside front matter, without the field names. */
const stringsOf = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsOf)
			: [];

let counts: Promise<Map<string, number>> | undefined;
let synonyms: Promise<SynonymTable> | undefined;

/** The site's words, most frequent first, with their counts. */
export function siteWordCounts(): Promise<Map<string, number>> {
	return (counts ??= loadContent().then((content) => {
		const entries = [
			...content.docs,
			...content.faqs,
			...content.troubleshooting,
			...content.disclosures,
			...content.commission,
			...content.terms,
		];
		return wordCounts(entries.flatMap((e) => [...stringsOf(e.data), e.body ?? '']));
	}));
}

/** The synonym table for the site's words, built from WordNet once per build. */
export function siteSynonyms(): Promise<SynonymTable> {
	return (synonyms ??= siteWordCounts().then((c) => buildSynonymTable(c)));
}
