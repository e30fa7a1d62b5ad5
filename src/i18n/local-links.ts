/**
 * Links on a page in another language than English lead to that language's version of the page
 * they name, where it exists. Links are made in many places that both languages share (the
 * components, the Markdown of entries and translations, the sidebar, pagination), all with the
 * English address; rewriting them here, once per page, keeps every one of them inside the reader's
 * language without each maker knowing the locale. A link that names its language (`hreflang`,
 * as the language choice and the English fallbacks in the sidebar do) is left as written.
 */
import { localizedPath, localeOfPath, type LocaleKey } from './locales.ts';
import { isOwnPagePath } from './routes.ts';

/** An `<a>` or `<form>` start tag with a site-absolute `href`/`action`. */
const linkTag = /<(a|form)\b([^>]*?)\s(href|action)="(\/(?!\/)[^"]*)"([^>]*)>/g;

/**
 * `html` (a page in `locale`) with its links to English pages replaced by their version in
 * `locale`. `exists(path)` says whether a path (without prefix) has a version there; by default
 * every page address but the English-only parts (src/i18n/routes.ts).
 */
export function localizeLinks(
	html: string,
	locale: LocaleKey,
	exists: (path: string) => boolean = isOwnPagePath,
): string {
	if (locale === 'root') return html;
	// Only the body: the head's alternates and canonical address name their language on purpose.
	const start = html.search(/<body[\s>]/);
	if (start < 0) return html;
	const head = html.slice(0, start);
	const body = html
		.slice(start)
		.replace(linkTag, (tag, name: string, before: string, attr: string, url: string, after: string) => {
			if (/\shreflang=/.test(` ${before} ${after}`)) return tag;
			if (localeOfPath(url) !== 'root') return tag;
			if (!exists(url)) return tag;
			return `<${name}${before} ${attr}="${localizedPath(url, locale)}"${after}>`;
		});
	return head + body;
}
