/**
 * Numbers, money, dates and schedules as a reader of a given language writes them, through `Intl`:
 * "$50" / "50 $", "5–10 business days" / "5–10 Werktage", "15th of each month" / "am 15. jedes Monats".
 * Words Intl does not know (units, schedule phrases) come from a small table per language; a
 * language without an entry there is an error, not a silent English fallback.
 */

/** The languages this module has words for (BCP 47 primary tags). */
export const formatLanguages = ['en', 'de'] as const;
export type FormatLanguage = (typeof formatLanguages)[number];

/** A unit's singular and plural, per language: each unit once, its words side by side. */
const unitWords = {
	// German: nominative and accusative forms ("Die Frist beträgt 30 Tage", "Sie haben 30 Tage Zeit").
	day: { en: ['day', 'days'], de: ['Tag', 'Tage'] },
	'business day': { en: ['business day', 'business days'], de: ['Werktag', 'Werktage'] },
	hour: { en: ['hour', 'hours'], de: ['Stunde', 'Stunden'] },
	'business hour': { en: ['business hour', 'business hours'], de: ['Geschäftsstunde', 'Geschäftsstunden'] },
	minute: { en: ['minute', 'minutes'], de: ['Minute', 'Minuten'] },
	month: { en: ['month', 'months'], de: ['Monat', 'Monate'] },
	year: { en: ['year', 'years'], de: ['Jahr', 'Jahre'] },
	transaction: { en: ['transaction', 'transactions'], de: ['Transaktion', 'Transaktionen'] },
	character: { en: ['character', 'characters'], de: ['Zeichen', 'Zeichen'] },
} as const satisfies Record<string, Record<FormatLanguage, readonly [one: string, other: string]>>;

/** Units a counted quantity can be in. */
export type CountUnit = keyof typeof unitWords;

interface Words {
	/** "the 15th" / "15.": the day of a month as it stands in a sentence. */
	ordinal(n: number): string;
	/** A day that comes round every month: "15th of each month" / "am 15. jedes Monats". */
	monthlyDay(n: number): string;
	/** "about an hour", "etwa 2 Stunden". */
	about(text: string, n: number, unit: CountUnit): string;
	/** "$6 a month" / "6 $ pro Monat". */
	perMonth(amount: string): string;
	/** A time limit: "within 2 business days" / "innerhalb von 2 Werktagen". */
	within(n: number, unit: CountUnit): string;
}

const englishOrdinal = new Intl.PluralRules('en', { type: 'ordinal' });
const englishSuffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;

const words: Record<FormatLanguage, Words> = {
	en: {
		ordinal: (n) => `${n}${englishSuffix[englishOrdinal.select(n)] ?? 'th'}`,
		monthlyDay: (n) => `${words.en.ordinal(n)} of each month`,
		about: (text, n, unit) => (n === 1 && unit === 'hour' ? 'about an hour' : `about ${text}`),
		perMonth: (amount) => `${amount} a month`,
		within: (n, unit) => `within ${formatCount(n, unit, 'en')}`,
	},
	de: {
		ordinal: (n) => `${n}.`,
		monthlyDay: (n) => `am ${n}. jedes Monats`,
		about: (text, n, unit) => (n === 1 && unit === 'hour' ? 'etwa eine Stunde' : `etwa ${text}`),
		perMonth: (amount) => `${amount} pro Monat`,
		// "von" takes the dative: a plural not already ending in -n or -s gains one ("Werktage" → "Werktagen").
		within: (n, unit) => {
			const word = unitFor(n, unit, 'de');
			const plural = new Intl.PluralRules('de').select(n) !== 'one';
			return `innerhalb von ${formatNumber(n, 'de')} ${plural && !/[ns]$/.test(word) ? `${word}n` : word}`;
		},
	},
};

/** The primary language of a BCP 47 tag ("de-AT" → "de"), or an error naming the tag. */
export function formatLanguage(tag: string): FormatLanguage {
	const primary = tag.toLowerCase().split('-')[0] ?? '';
	if ((formatLanguages as readonly string[]).includes(primary)) return primary as FormatLanguage;
	throw new RangeError(
		`No number and date words for language "${tag}": add it to formatLanguages in src/lib/locale-format.ts (known: ${formatLanguages.join(', ')}).`,
	);
}

const of = (lang: string) => words[formatLanguage(lang)];

/** A plain number: "2,000" / "2.000", "6.95" / "6,95". */
export function formatNumber(n: number, lang: string): string {
	return new Intl.NumberFormat(formatLanguage(lang), { maximumFractionDigits: 2 }).format(n);
}

/** Money in a currency, whole amounts without cents: "$50" / "50 $", "$6.95" / "6,95 $". */
export function formatMoney(amount: number, currency: string, lang: string): string {
	return new Intl.NumberFormat(formatLanguage(lang), {
		style: 'currency',
		currency,
		minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
	}).format(amount);
}

/** A percentage given in percent (30 → "30%" / "30 %"). */
export function formatPercent(value: number, lang: string): string {
	return new Intl.NumberFormat(formatLanguage(lang), {
		style: 'unit',
		unit: 'percent',
		maximumFractionDigits: 2,
	}).format(value);
}

/** The unit's word that goes with `n`: "day" for 1, "days" for 30. */
function unitFor(n: number, unit: CountUnit, lang: string): string {
	const language = formatLanguage(lang);
	const [one, other] = unitWords[unit][language];
	return new Intl.PluralRules(language).select(n) === 'one' ? one : other;
}

/** A count with its unit in the right plural: "1 day" / "1 Tag", "30 days" / "30 Tage". */
export function formatCount(n: number, unit: CountUnit, lang: string): string {
	return `${formatNumber(n, lang)} ${unitFor(n, unit, lang)}`;
}

/** A range with its unit, plural after the upper bound: "5–10 business days" / "5–10 Werktage". */
export function formatRange(min: number, max: number, unit: CountUnit, lang: string): string {
	return `${formatNumber(min, lang)}–${formatNumber(max, lang)} ${unitFor(max, unit, lang)}`;
}

/** A time limit: "within 2 business days" / "innerhalb von 2 Werktagen". */
export function formatWithin(n: number, unit: CountUnit, lang: string): string {
	return of(lang).within(n, unit);
}

/** A rough duration in minutes: "about an hour" / "etwa eine Stunde", "about 30 minutes" / "etwa 30 Minuten". */
export function formatApproxMinutes(minutes: number, lang: string): string {
	const [n, unit]: [number, CountUnit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
	return of(lang).about(formatCount(n, unit, lang), n, unit);
}

/** The n-th day, as it stands in a sentence: "15th" / "15.". */
export function formatOrdinal(n: number, lang: string): string {
	return of(lang).ordinal(n);
}

/** A day of every month: "15th of each month" / "am 15. jedes Monats". */
export function formatMonthlyDay(day: number, lang: string): string {
	if (!Number.isInteger(day) || day < 1 || day > 31)
		throw new RangeError(`A day of the month is a whole number from 1 to 31, not ${day}.`);
	return of(lang).monthlyDay(day);
}

/** A monthly price: "$6 a month" / "6 $ pro Monat". */
export function formatMonthlyPrice(amount: number, currency: string, lang: string): string {
	return of(lang).perMonth(formatMoney(amount, currency, lang));
}

/** A calendar date (a day, without time of day): "December 1, 2026" / "1. Dezember 2026". */
export function formatDate(date: Date | string, lang: string): string {
	const d = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
	if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: "${String(date)}".`);
	return new Intl.DateTimeFormat(formatLanguage(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** "A, B and C" / "A, B und C". */
export function formatList(items: readonly string[], lang: string): string {
	return new Intl.ListFormat(formatLanguage(lang), { style: 'long', type: 'conjunction' }).format(items);
}

/** A day with its weekday (YYYY-MM-DD): "Thursday, December 10, 2026" / "Donnerstag, 10. Dezember 2026". */
export function formatWeekdayDate(date: string, lang: string): string {
	const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: "${date}".`);
	const language = formatLanguage(lang);
	return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : language, {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: 'UTC',
	}).format(d);
}

/** A month of a year (YYYY-MM or YYYY-MM-DD): "January 2027" / "Januar 2027". */
export function formatMonthOfYear(date: string, lang: string): string {
	const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
	if (Number.isNaN(d.getTime())) throw new RangeError(`Not a month: "${date}".`);
	return new Intl.DateTimeFormat(formatLanguage(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
