/**
 * German "translations" of synthetic articles for the languages benchmark. They are not German
 * prose: the article's words are swapped for German words through a small word list, so that a
 * German page has the shape, length and field set of its English source, its own words in the
 * German search index, and a `translatedFrom` hash that matches the English file. That is all a
 * build needs to measure what a second language costs.
 */
import { sourceHash } from '../../src/i18n/translations.ts';
import { toContentFile, type GeneratedFile, type SyntheticArticle } from './generate-articles.ts';

/** The English words of the synthetic vocabulary that most often carry a page, with a German word each. */
const german: Record<string, string> = {
	the: 'die',
	a: 'eine',
	an: 'ein',
	and: 'und',
	or: 'oder',
	of: 'von',
	to: 'zu',
	in: 'in',
	on: 'auf',
	for: 'für',
	with: 'mit',
	your: 'Ihre',
	you: 'Sie',
	is: 'ist',
	are: 'sind',
	not: 'nicht',
	if: 'wenn',
	after: 'nach',
	before: 'vor',
	when: 'wenn',
	why: 'warum',
	how: 'wie',
	what: 'was',
	my: 'mein',
	i: 'ich',
	do: 'tue',
	can: 'kann',
	still: 'noch',
	these: 'diese',
	steps: 'Schritte',
	order: 'Bestellung',
	refund: 'Erstattung',
	return: 'Rücksendung',
	exchange: 'Umtausch',
	delivery: 'Lieferung',
	invoice: 'Rechnung',
	commission: 'Provision',
	payout: 'Auszahlung',
	payment: 'Zahlung',
	conversion: 'Conversion',
	campaign: 'Kampagne',
	dispute: 'Einspruch',
	report: 'Bericht',
	balance: 'Guthaben',
	pending: 'ausstehend',
	approved: 'bestätigt',
	missing: 'fehlt',
	wrong: 'falsch',
	late: 'verspätet',
	contact: 'kontaktieren',
	support: 'Support',
	include: 'nennen',
	number: 'Nummer',
	screenshot: 'Bildschirmfoto',
	check: 'prüfen',
	open: 'öffnen',
	update: 'aktualisieren',
	account: 'Konto',
	month: 'Monat',
	week: 'Woche',
	day: 'Tag',
	days: 'Tage',
	see: 'sehe',
	that: 'dass',
	this: 'dies',
	happens: 'passiert',
	next: 'nächste',
	time: 'Mal',
	preventing: 'vermeiden',
	it: 'es',
};

/** One string in German words where the list has them; `:fact[…]` and other markup stay as they are. */
export function germanWords(text: string): string {
	return text.replace(/(:fact\[[^\]]*\])|\b([A-Za-z]+)\b/g, (whole, fact: string | undefined, word: string) => {
		if (fact) return fact;
		const swapped = german[word.toLowerCase()];
		if (!swapped) return whole;
		return word[0] === word[0]!.toUpperCase() ? swapped[0]!.toUpperCase() + swapped.slice(1) : swapped;
	});
}

/** Every string inside a front-matter value, in German words; other values unchanged. */
function translateValue(value: unknown, key?: string): unknown {
	// Fields that name things (ids, audiences, owners, dates, references) stay as the English ones.
	if (key && ['audience', 'topic', 'owner', 'lastReviewed', 'related', 'searchTerms'].includes(key)) return value;
	if (typeof value === 'string') return germanWords(value);
	if (Array.isArray(value)) return value.map((v) => translateValue(v));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateValue(v, k)]));
	return value;
}

/** The translation of `article` into `locale`: its file beside the English one, marked with the English file's hash. */
export function toTranslationFile(article: SyntheticArticle, locale: string): GeneratedFile {
	const english = toContentFile(article);
	const data = {
		...(translateValue(article.data) as Record<string, unknown>),
		translatedFrom: { sha256: sourceHash(english.text) },
	};
	const file = toContentFile({ ...article, data, body: germanWords(article.body) });
	const prefix = `src/content/${article.collection}/`;
	return { path: `${prefix}${locale}/${file.path.slice(prefix.length)}`, text: file.text };
}
