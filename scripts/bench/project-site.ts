/**
 * A throw-away copy of this project with synthetic articles added beside the
 * real ones. The copy lives inside the project (in .bench/) so that packages
 * resolve from the project's node_modules; src/content itself is never touched.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toContentFile, type SyntheticArticle } from './generate-articles.ts';

/** What a build of the site needs (the config reads entries through scripts/writers/lib); tests and build output stay behind. */
const projectFiles = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'scripts', 'public'];

/** Copies the project into `dir` and writes the articles into its src/content. */
export function writeProjectSite(dir: string, projectRoot: string, articles: readonly SyntheticArticle[]): void {
	for (const entry of projectFiles) {
		if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
	}
	for (const article of articles) {
		const file = toContentFile(article);
		const target = join(dir, file.path);
		if (existsSync(target))
			throw new Error(`The synthetic article ${file.path} would overwrite a real one: change its id.`);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, file.text);
	}
}

/**
 * Whether the project renders OG images: the image routes are switched off
 * with the OG_IMAGES environment variable, so any source that reads it means
 * they exist. Their cache then makes the second build the fast one.
 */
export function hasOgImages(projectRoot: string): boolean {
	const sources = [join(projectRoot, 'astro.config.mjs'), ...walk(join(projectRoot, 'src'))];
	return sources.some((file) => /\.(m?[jt]s|astro)$/.test(file) && readFileSync(file, 'utf8').includes('OG_IMAGES'));
}

/** Total size in bytes and number of files of a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
	const files = walk(dir);
	return { bytes: files.reduce((sum, f) => sum + statSync(f).size, 0), files: files.length };
}

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
	);
}
