import { getCollection } from 'astro:content';
import { localizedPath, prefixedLocales, unlocalizedPath, type LocaleKey } from './locales.ts';

/**
 * Which addresses exist in which language. Starlight serves every English docs page in every
 * language (translated, or in English with its "not yet translated" notice), so a docs page exists
 * everywhere; so do the site's own pages (src/pages/[...locale]/: FAQs, terms, tools…), which are
 * built once per language. What stays English only is not a page for readers: the support team's
 * dashboard, the APIs, the search data and files such as the feed.
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

/** Addresses built in one language only: the team's dashboard, the APIs, the search data (below /search/). */
const englishOnly = /^\/(?:support|api|_astro|_image|pagefind|search\/.)/;

/**
 * Whether `pathname` (without locale prefix) can be one of the site's own pages, which exist in
 * every language: an address of a page (no file name such as feed.xml or questions.json) outside
 * the English-only parts. Whether the English page itself exists is the link check's concern.
 */
export function isOwnPagePath(pathname: string): boolean {
	const path = pathname.replace(/[?#].*$/, '');
	return path.startsWith('/') && !path.startsWith('//') && !englishOnly.test(path) && !/\.[a-z0-9]+$/i.test(path);
}

/**
 * The address of the page at `pathname` in `locale`, or undefined if that page has no version
 * there. A docs page written only in German (no English source) exists only under its prefix; an
 * own page exists in every language; the dashboard, APIs and files only in English.
 */
export async function pageInLocale(pathname: string, locale: LocaleKey): Promise<string | undefined> {
	const slugs = await loadDocsSlugs();
	const base = slugOf(unlocalizedPath(pathname));
	if (slugs.has(base)) return localizedPath(pathname, locale);
	const localOnly = prefixedLocales.find((l) => slugs.has(base ? `${l}/${base}` : l));
	if (localOnly) return locale === localOnly ? localizedPath(pathname, locale) : undefined;
	if (isOwnPagePath(unlocalizedPath(pathname))) return localizedPath(pathname, locale);
	return undefined;
}

/** The home page of a locale: "/" or "/de/". */
export const localeHome = (locale: LocaleKey) => (locale === 'root' ? '/' : `/${locale}/`);

export { prefixedLocales };
