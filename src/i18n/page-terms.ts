import type { MarkdownHeading } from 'astro';
import type { LocaleKey } from './locales.ts';

/**
 * A terms page's table of contents in the page's language: the headings the terms pages share
 * ("What changed", "All versions") said in it; the text's own headings are the translation's. An
 * untranslated version keeps the English table, as its English text is what the page shows.
 */
export function localTermsHeadings(
	headings: MarkdownHeading[],
	locale: LocaleKey,
	fallback: boolean,
	t: (key: 'terms.whatChanged' | 'terms.allVersions', values?: { version: string }) => string,
): MarkdownHeading[] {
	if (locale === 'root' || fallback) return headings;
	return headings.map((h) =>
		h.slug === 'what-changed'
			? { ...h, text: t('terms.whatChanged', { version: /[\d.]+$/.exec(h.text)?.[0] ?? '' }) }
			: h.slug === 'all-versions'
				? { ...h, text: t('terms.allVersions') }
				: h,
	);
}
