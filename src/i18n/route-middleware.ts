/**
 * Keeps a page's sidebar inside the site: Starlight prefixes every sidebar link with the page's
 * locale; a link to a page that has no version in that locale (src/i18n/routes.ts) leads to the
 * English page instead, marked as English (`hreflang`, and `lang` for the English label).
 *
 * Keeps a page's language alternates true: Starlight writes an `hreflang` link to every locale's
 * version of every page, and an alternate must never point to a page that does not exist (a docs
 * page written in German only, the 404 page). Such a page keeps only the alternates whose page
 * exists; with only itself left it has none. The site's own pages exist in every language.
 *
 * Fills the facts in a translation's title and description in its own language: the docs schema
 * fills front matter with the English facts ("$50"), so a German page's are filled again here
 * from its source file, with the German facts ("50 $"), in the page data and its head.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { langOf, locales, unlocalizedPath, type LocaleKey } from './locales.ts';
import { pageInLocale } from './routes.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadContent } from '../data/content.ts';
import { fillFacts, type Facts } from '../lib/facts.ts';
import { germanFactsFrom } from './facts.ts';

const factsFor: Partial<Record<LocaleKey, (program: Awaited<ReturnType<typeof loadContent>>['program']) => Facts>> = {
	de: germanFactsFrom,
};

async function localizeFrontMatterFacts(route: StarlightRouteData, locale: LocaleKey): Promise<void> {
	const make = factsFor[locale];
	if (!make || route.isFallback || !route.entry.filePath || !/\.mdx?$/.test(route.entry.filePath)) return;
	// The site's own pages (src/pages) name a docs file that is not there: their texts are filled where they are written.
	const file = join(process.cwd(), route.entry.filePath);
	if (!existsSync(file)) return;
	const raw = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1];
	const front = (raw ? parseYaml(raw) : {}) as { title?: unknown; description?: unknown };
	const facts = make((await loadContent()).program);
	for (const field of ['title', 'description'] as const) {
		const source = front[field];
		const before = route.entry.data[field];
		if (typeof source !== 'string' || typeof before !== 'string' || !source.includes(':fact[')) continue;
		const after = fillFacts(source, facts);
		route.entry.data[field] = after;
		for (const h of route.head) {
			if (typeof h.content === 'string') h.content = h.content.replace(before, after);
			if (typeof h.attrs?.['content'] === 'string') h.attrs['content'] = h.attrs['content'].replace(before, after);
		}
	}
}

async function keepSidebarLinksInside(entries: StarlightRouteData['sidebar'], locale: LocaleKey): Promise<void> {
	for (const entry of entries) {
		if (entry.type === 'group') await keepSidebarLinksInside(entry.entries, locale);
		else if (entry.href.startsWith(`/${locale}/`) && !(await pageInLocale(entry.href, locale))) {
			entry.href = unlocalizedPath(entry.href);
			entry.attrs = { ...entry.attrs, hreflang: langOf('root'), lang: langOf('root') };
		}
	}
}

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const pathname = context.url.pathname;
	const locale = (route.locale ?? 'root') as LocaleKey;
	if (locale !== 'root') {
		await keepSidebarLinksInside(route.sidebar, locale);
		await localizeFrontMatterFacts(route, locale);
	}

	const isAlternate = (h: (typeof route.head)[number]) =>
		h.tag === 'link' && h.attrs?.['rel'] === 'alternate' && typeof h.attrs?.['hreflang'] === 'string';
	// The languages (BCP 47 tags, as in `hreflang`) this page exists in.
	const existing = new Set<string>();
	for (const [key, { lang }] of Object.entries(locales))
		if (key === locale || (await pageInLocale(pathname, key as LocaleKey))) existing.add(lang);
	if (existing.size === Object.keys(locales).length) return;
	route.head = route.head.filter((h) => {
		if (!isAlternate(h)) return true;
		if (existing.size < 2) return false;
		const hreflang = String(h.attrs!['hreflang']);
		return hreflang === 'x-default' ? existing.has(locales.root.lang) : existing.has(hreflang);
	});
});
