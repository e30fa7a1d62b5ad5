/**
 * The site's words for a reader's word: the table `/search/synonyms.json` ships, built from
 * WordNet by src/pages/search/_wordnet.ts, and the lookup the search pipeline makes in it.
 */

/** Reader word (a dictionary form: "break", "exchange") → site words, best first. */
export type SynonymTable = Record<string, string[]>;

/**
 * The dictionary forms a typed word may have: itself, then without a plural or verb ending
 * ("exchanges", "exchanged", "exchanging" → "exchange"; "refunded" → "refund"; "replies" → "reply").
 */
export function wordForms(word: string): string[] {
	const forms = [word];
	const add = (form: string) => form.length >= 3 && !forms.includes(form) && forms.push(form);
	if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
	if (word.endsWith('es')) add(word.slice(0, -2));
	if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
	for (const ending of ['ed', 'ing']) {
		if (!word.endsWith(ending)) continue;
		const base = word.slice(0, -ending.length);
		add(base);
		add(`${base}e`);
		// "stopped" → "stop"
		if (base.length > 3 && base.at(-1) === base.at(-2)) add(base.slice(0, -1));
		if (ending === 'ed' && base.endsWith('i')) add(`${base.slice(0, -1)}y`);
	}
	return forms;
}

/** The site's words for `word`, best first; none when the table has no form of it. */
export function synonymsOf(word: string, table: SynonymTable): string[] {
	for (const form of wordForms(word)) {
		const found = table[form];
		if (found) return found;
	}
	return [];
}
