/** Addresses built in one language only: the team's dashboard, the APIs, the search data (below /search/). */
const englishOnly = /^\/(?:support|api|_astro|_image|pagefind|search\/.)/;

/**
 * Whether `pathname` (without locale prefix) can be one of the site's own pages, which exist in
 * every language: an address of a page (no file name such as feed.xml or questions.json) outside
 * the English-only parts. Whether the English page itself exists is the link check's concern.
 */
export function isOwnPagePath(pathname: string): boolean {
	const path = pathname.replace(/[?#].*$/, '');
	return path.startsWith('/') && !path.startsWith('//') && !englishOnly.test(path) && !/\.[a-z0-9]+$/i.test(path);
}
