/**
 * Our interface texts for a component: `Astro.locals.t` (Starlight's translation system, our keys in
 * src/content/i18n/<lang>.json), fixed to a language. The page's language by default; a thank-you
 * page answers in the submission's language instead. Values put into a text are not escaped here:
 * Astro escapes the whole text once when it writes it into the page (i18next would escape them a
 * second time, turning "America/Denver" into "America&#x2F;Denver").
 */
import { formatLanguage, formatLanguages, type FormatLanguage } from '../lib/locale-format.ts';
import type { UiStringKey } from './ui-strings.ts';
import { langOf, localeOfPath } from './locales.ts';

export type Translate = (key: UiStringKey, values?: Record<string, string | number>) => string;

/**
 * The language of the page being rendered ("en", "de"), from its address: a component inside a page
 * of src/pages may run before Starlight has set `locals.starlightRoute`.
 */
export function pageLang(url: URL): FormatLanguage {
	return formatLanguage(langOf(localeOfPath(url.pathname)));
}

/** A language named in an address (`?locale=de`) if the site has it, else undefined. */
export function knownLang(value: string | null | undefined): FormatLanguage | undefined {
	return value && (formatLanguages as readonly string[]).includes(value) ? (value as FormatLanguage) : undefined;
}

/** `t('key', { name: value })` in the given language (the page's when left out). */
export function translator(locals: App.Locals, lang: string): Translate {
	return (key, values) => locals.t(key, { ...values, lng: lang, interpolation: { escapeValue: false } }) as string;
}
