/** The site's interface texts as tests read them: src/content/i18n/<lang>.json. */
import { readFileSync } from 'node:fs';

const cache = new Map<string, Record<string, string>>();

/** A text of `lang` by its key; an error naming the key when the language's file lacks it. */
export function text(lang: string, key: string): string {
	let texts = cache.get(lang);
	if (!texts) {
		texts = JSON.parse(readFileSync(new URL(`../../src/content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<
			string,
			string
		>;
		cache.set(lang, texts);
	}
	const found = texts[key];
	if (found === undefined) throw new Error(`src/content/i18n/${lang}.json has no key "${key}".`);
	return found;
}

/** A German text by its key. */
export const de = (key: string) => text('de', key);
