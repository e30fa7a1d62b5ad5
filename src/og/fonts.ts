/**
 * The typeface of share images: Inter, from the @fontsource/inter package (SIL Open Font
 * License 1.1, shipped in the package). satori reads .woff but not .woff2, so the .woff files are used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'satori';

const require = createRequire(import.meta.url);

/** The font files a card uses, as package-relative paths; part of the cache key. */
export const FONT_FILES = [
	{ file: '@fontsource/inter/files/inter-latin-400-normal.woff', weight: 400 },
	{ file: '@fontsource/inter/files/inter-latin-700-normal.woff', weight: 700 },
] as const;

let loaded: Font[] | undefined;

/** The card fonts, read once per process (satori caches parsed fonts per array). */
export function cardFonts(): Font[] {
	if (loaded) return loaded;
	loaded = FONT_FILES.map(({ file, weight }) => {
		try {
			return { name: 'Inter', data: readFileSync(require.resolve(file)), weight, style: 'normal' as const };
		} catch (cause) {
			throw new Error(
				`Failed to read the share-image font ${file}: run \`npm install\` to install @fontsource/inter.`,
				{ cause },
			);
		}
	});
	return loaded;
}
