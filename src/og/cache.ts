/**
 * A content-addressed store of rendered share images: the key is a hash of everything
 * that decides the picture, so a rebuild with unchanged content renders nothing again.
 * It lives outside dist/ (which every build empties), by default in node_modules/.cache.
 */
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ShareCard } from '../lib/share-card.ts';
import { FONT_FILES } from './fonts.ts';

/** Environment variable that moves the cache, e.g. to a fresh folder for a cold benchmark. */
export const OG_CACHE_ENV = 'OG_CACHE_DIR';

/** The default cache folder, relative to the project root. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/partner-help-og';

const require = createRequire(import.meta.url);

let design: string | undefined;

/**
 * A fingerprint of how cards are drawn: the template's and rasterizer's source, the fonts and the
 * versions of satori and resvg. Changing any of them renders every card again.
 */
function designFingerprint(): string {
	if (design) return design;
	const hash = createHash('sha256');
	for (const file of ['./card.ts', './rasterize.ts']) hash.update(readFileSync(new URL(file, import.meta.url)));
	for (const { file } of FONT_FILES) hash.update(readFileSync(require.resolve(file)));
	for (const pkg of ['satori', '@resvg/resvg-js'])
		hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
	return (design = hash.digest('hex'));
}

/** The cache key of a card: its fields in a fixed order plus the design fingerprint. */
export function cardKey(card: ShareCard): string {
	const fields = [card.program, card.title, card.type, ...card.audiences];
	return createHash('sha256').update(designFingerprint()).update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}

/** A cache folder of PNG files named by key. */
export interface ImageCache {
	dir: string;
	/** Copies the cached image for `key` to `target`; false when there is none. */
	copyTo(key: string, target: string): boolean;
	/** Stores `png` under `key`; written to a temporary name first so parallel builds never read half a file. */
	put(key: string, png: Uint8Array): void;
	/** Deletes images no build has used for `days` days (each use refreshes a file's time); returns how many. */
	prune(days: number): number;
}

/** Days an image may go unused before a build deletes it from the cache. */
export const CACHE_KEEP_DAYS = 30;

/** Opens (and creates) the cache folder. */
export function openImageCache(dir: string): ImageCache {
	try {
		mkdirSync(dir, { recursive: true });
	} catch (cause) {
		throw new Error(`Failed to create the share-image cache folder ${dir}: set ${OG_CACHE_ENV} to a writable folder.`, {
			cause,
		});
	}
	const file = (key: string) => join(dir, `${key}.png`);
	return {
		dir,
		copyTo(key, target) {
			try {
				if (!statSync(file(key)).isFile()) return false;
			} catch {
				return false;
			}
			copyFileSync(file(key), target);
			const now = new Date();
			utimesSync(file(key), now, now);
			return true;
		},
		put(key, png) {
			const temporary = `${file(key)}.${process.pid}.tmp`;
			writeFileSync(temporary, png);
			renameSync(temporary, file(key));
		},
		prune(days) {
			const cutoff = Date.now() - days * 86_400_000;
			let removed = 0;
			for (const name of readdirSync(dir)) {
				if (!name.endsWith('.png')) continue;
				try {
					if (statSync(join(dir, name)).mtimeMs < cutoff) {
						rmSync(join(dir, name), { force: true });
						removed++;
					}
				} catch {
					// Removed meanwhile by another build sharing the cache.
				}
			}
			return removed;
		},
	};
}
