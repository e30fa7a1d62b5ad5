/**
 * The site's own pages (src/pages/[...locale]/) in every language: each page's paths once per
 * locale (`locale` undefined for English at the root, "de" for /de/…), and each entry the page
 * shows in the reader's language: its translation where there is one (src/content/<folder>/<locale>/,
 * loaded as the collection "<name>-<locale>"), else the English entry, marked as a fallback.
 */
import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import {
	translatedCollectionNames,
	translationCollectionName,
	articleCollections,
	type ArticleCollectionName,
} from '../collections.ts';
import { loadContent } from '../data/content.ts';
import { langOf, prefixedLocales, type Lang, type LocaleKey } from './locales.ts';
import { messages } from '../lib/errors.ts';

/** The `locale` route parameter of a page: undefined at the root (English), else the prefix. */
export type LocaleParam = Exclude<LocaleKey, 'root'> | undefined;

/** Every locale's route parameter, English first. */
export const localeParams: readonly LocaleParam[] = [undefined, ...prefixedLocales];

/** The locale key of a route parameter; anything but a known prefix is no page of ours (a 404). */
export function localeOfParam(param: string | undefined): LocaleKey | undefined {
	if (param === undefined) return 'root';
	return (prefixedLocales as readonly string[]).includes(param) ? (param as LocaleKey) : undefined;
}

interface StaticPath {
	params: Record<string, string | undefined>;
	props?: Record<string, unknown>;
}

/**
 * A page's static paths in every locale: the English paths as they were, and the same once more
 * under each prefix, each with its `locale` as parameter and prop. `make` is called once per locale.
 */
export async function withLocales<P extends StaticPath>(
	make: (locale: LocaleKey) => P[] | Promise<P[]>,
): Promise<Array<{ params: P['params'] & { locale: LocaleParam }; props: P['props'] & { locale: LocaleKey } }>> {
	const perLocale = await Promise.all(
		localeParams.map(async (param) => {
			const locale: LocaleKey = param ?? 'root';
			return (await make(locale)).map((p) => ({
				params: { ...p.params, locale: param },
				props: { ...(p.props ?? {}), locale },
			}));
		}),
	);
	return perLocale.flat() as never;
}

/** An entry as a page shows it in one language. */
export interface Localized<E> {
	/** The translation (with the English entry's page-only fields, e.g. an FAQ's page), or the English entry. */
	entry: E;
	/** The language its text is in. */
	lang: Lang;
	/** The page is in another language than the entry: mark it as not yet translated, and its text `lang`. */
	fallback: boolean;
}

type Translations = Map<string, { id: string; data: unknown; filePath?: string | undefined }>;

const byLocale = new Map<LocaleKey, Promise<Map<ArticleCollectionName, Translations>>>();

/**
 * A language's translations of every collection, by id, loaded once per build and language. A
 * translation whose English entry does not exist stops the build naming its file: it would be a
 * page no English reader has, and likely a renamed or deleted source.
 */
function translationsIn(locale: LocaleKey): Promise<Map<ArticleCollectionName, Translations>> {
	let loaded = byLocale.get(locale);
	if (!loaded) {
		loaded = (async () => {
			const maps = new Map<ArticleCollectionName, Translations>();
			if (locale === 'root') return maps;
			const content = await loadContent();
			const english: Record<string, Array<{ id: string }>> = {
				faqs: content.faqs,
				troubleshooting: content.troubleshooting,
				disclosures: content.disclosures,
				commission: content.commission,
				terms: content.terms,
			};
			for (const name of translatedCollectionNames) {
				const entries = (await getCollection(translationCollectionName(name, locale) as never)) as Array<{
					id: string;
					data: unknown;
					filePath?: string;
				}>;
				const ids = new Set((english[name] ?? []).map((e) => e.id));
				const orphan = entries.find((e) => !ids.has(e.id));
				if (orphan) {
					const { message, hint } = messages.orphanTranslation(
						orphan.filePath ?? `src/content/${articleCollections[name].folder}/${locale}/${orphan.id}`,
						`src/content/${articleCollections[name].folder}/`,
					);
					throw new AstroError(message, hint);
				}
				maps.set(name, new Map(entries.map((e) => [e.id, e])));
			}
			return maps;
		})();
		byLocale.set(locale, loaded);
	}
	return loaded;
}

/**
 * An English entry in the reader's language: its translation into `locale` if there is one (fields
 * the page added to the English entry, such as an FAQ's page number, kept), else the entry itself
 * with `fallback` set. English pages get their entries as they are.
 */
export async function inLocale<E extends { id: string; collection: string }>(
	entry: E,
	locale: LocaleKey,
): Promise<Localized<E>> {
	if (locale === 'root') return { entry, lang: langOf('root'), fallback: false };
	const translation = (await translationsIn(locale)).get(entry.collection as ArticleCollectionName)?.get(entry.id);
	if (!translation) return { entry, lang: langOf('root'), fallback: true };
	return { entry: { ...entry, ...translation } as E, lang: langOf(locale), fallback: false };
}

/** Every entry of a list in the reader's language, in the list's order. */
export const allInLocale = <E extends { id: string; collection: string }>(entries: readonly E[], locale: LocaleKey) =>
	Promise.all(entries.map((e) => inLocale(e, locale)));

/** The paths of a page with no parameters of its own: once per locale. */
export const eachLocale = () => withLocales(() => [{ params: {} }]);
