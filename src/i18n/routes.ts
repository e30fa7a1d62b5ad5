import { getCollection } from 'astro:content';
import { localizedPath, prefixedLocales, unlocalizedPath, type LocaleKey } from './locales.ts';

/**
 * Which addresses exist in which language. Starlight serves every English docs page in every
 * language (translated, or in English with its "not yet translated" notice), so a docs page exists
 * everywhere; the site's own pages (src/pages: FAQs, terms, tools…) exist only where they have
 * been localised, which so far is English only.
 */
let docsSlugs: Promise<Set<string>> | undefined;

const slugOf = (pathname: string) =>
	pathname
		.replace(/^\/+|\/+$/g, '')
		.replace(/(^|\/)index(\.html)?$/, '')
		.replace(/\.html$/, '');

function loadDocsSlugs(): Promise<Set<string>> {
	docsSlugs ??= getCollection('docs').then((entries) => new Set(entries.map((e) => (e.id === 'index' ? '' : e.id))));
	return docsSlugs;
}

/** Whether the page at `pathname` (any locale) is a docs page, and so exists in every locale. */
export async function isDocsPage(pathname: string): Promise<boolean> {
	const slugs = await loadDocsSlugs();
	return slugs.has(slugOf(unlocalizedPath(pathname)));
}

/**
 * The address of the page at `pathname` in `locale`, or undefined if that page has no version
 * there. A page written only in German (no English source) exists only under its prefix. The
 * site's own pages have no translations yet: for them only the page itself is known to exist,
 * which callers know from the address they are rendering.
 */
export async function pageInLocale(pathname: string, locale: LocaleKey): Promise<string | undefined> {
	const slugs = await loadDocsSlugs();
	const base = slugOf(unlocalizedPath(pathname));
	if (slugs.has(base)) return localizedPath(pathname, locale);
	if (locale !== 'root' && slugs.has(base ? `${locale}/${base}` : locale)) return localizedPath(pathname, locale);
	return undefined;
}

/** The home page of a locale: "/" or "/de/". */
export const localeHome = (locale: LocaleKey) => (locale === 'root' ? '/' : `/${locale}/`);

export { prefixedLocales };
