import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from './fixtures.ts';

/** The built site's static files, as `npm run build` leaves them. */
export const clientDir = join(projectRoot, 'dist', 'client');

/** Fails with an instruction when the site has not been built. */
export function requireBuild(): void {
	if (!existsSync(join(clientDir, 'index.html'))) {
		throw new Error('The site is not built: run `npm run build` first (`npm test` does it for you).');
	}
}

/** HTML of a built page, by its URL path ("/faq/payments/"). */
export function page(urlPath: string): string {
	return readFileSync(join(clientDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** URL paths of every built HTML page. */
export function allPages(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
			d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : [],
		);
	return walk(clientDir).map((f) => `/${relative(clientDir, f).split(sep).join('/')}`.replace(/index\.html$/, ''));
}

/** Whether a built page is a page-not-found page: /404.html, or a language's copy of it (/de/404/), which nothing links to. */
export function isNotFoundPage(urlPath: string): boolean {
	return urlPath === '/404.html' || /^\/[a-z]{2}(-[A-Za-z]+)?\/404\/$/.test(urlPath);
}

/** The language prefix of a built page ("de" for /de/…), or "en" for the English root. */
export function pageLanguage(urlPath: string): string {
	return /^\/([a-z]{2}(?:-[A-Za-z]+)?)\//.exec(urlPath)?.[1] ?? 'en';
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLd(html: string): Array<Record<string, unknown>> {
	return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
