/**
 * The site's languages. English is the root locale (its addresses have no prefix); every other
 * language lives under its own prefix, e.g. /de/. Adding a language is a line here, its
 * `src/content/i18n/<lang>.json` and its translated entries under `src/content/docs/<lang>/`.
 */
export const locales = {
	root: { label: 'English', lang: 'en' },
	de: { label: 'Deutsch', lang: 'de' },
} as const;

export type LocaleKey = keyof typeof locales;
export type Lang = (typeof locales)[LocaleKey]['lang'];

/** The locale keys other than the root, i.e. the address prefixes. */
export const prefixedLocales = Object.keys(locales).filter((k) => k !== 'root') as Exclude<LocaleKey, 'root'>[];

/** The same languages for @astrojs/sitemap, which writes each page's alternates from them. */
export const sitemapI18n = {
	defaultLocale: 'root',
	locales: Object.fromEntries(Object.entries(locales).map(([key, { lang }]) => [key, lang])),
};

/** Which locale an address belongs to: its first segment if that is a locale prefix, else the root. */
export function localeOfPath(pathname: string): LocaleKey {
	const first = pathname.split('/')[1] ?? '';
	return (prefixedLocales as string[]).includes(first) ? (first as LocaleKey) : 'root';
}

/** An address without its locale prefix: "/de/affiliates/" → "/affiliates/". */
export function unlocalizedPath(pathname: string): string {
	const locale = localeOfPath(pathname);
	return locale === 'root' ? pathname : pathname.slice(locale.length + 1) || '/';
}

/** The same address in another locale: ("/affiliates/", "de") → "/de/affiliates/". */
export function localizedPath(pathname: string, locale: LocaleKey): string {
	const path = unlocalizedPath(pathname);
	return locale === 'root' ? path : `/${locale}${path}`;
}

/** The language tag (BCP 47) of a locale, for Intl and `lang`. */
export const langOf = (locale: LocaleKey): Lang => locales[locale].lang;
