/**
 * Translations as the writers' tools see them: where a translation of an entry goes, which entry a
 * translation file belongs to, and the registry's collections as the translation states need them.
 * A translation of any collection lives at src/content/<folder>/<locale>/<the English file's path>.
 */
import { articleCollectionNames, articleCollections, type ArticleCollectionName } from '../../../src/collections.ts';
import { prefixedLocales } from '../../../src/i18n/locales.ts';
import type { TranslatedFolder } from '../../../src/i18n/translations.ts';

/** Every article collection, by the registry's folder and extensions. */
export const translatedFolders: TranslatedFolder[] = articleCollectionNames.map((name) => ({
	name,
	folder: articleCollections[name].folder,
	extensions: articleCollections[name].extensions,
}));

/** The translation of an English file into a language: src/content/faqs/x.md → src/content/faqs/de/x.md. */
export function translationPath(collection: ArticleCollectionName, englishPath: string, locale: string): string {
	const base = `src/content/${articleCollections[collection].folder}/`;
	if (!englishPath.startsWith(base)) throw new Error(`${englishPath} is not under ${base}.`);
	return `${base}${locale}/${englishPath.slice(base.length)}`;
}

/** Where a file under src/content/ stands: its collection, its language (undefined for English) and its English source. */
export function locateTranslation(
	path: string,
): { collection: ArticleCollectionName; locale: string; source: string } | undefined {
	for (const collection of articleCollectionNames) {
		const base = `src/content/${articleCollections[collection].folder}/`;
		if (!path.startsWith(base)) continue;
		const locale = path.slice(base.length).split('/')[0]!;
		if (!(prefixedLocales as readonly string[]).includes(locale)) return undefined;
		return { collection, locale, source: `${base}${path.slice(base.length + locale.length + 1)}` };
	}
	return undefined;
}
