/**
 * Where the site's source lives, for "Edit this page" links. A fork sets
 * REPOSITORY_URL (e.g. https://github.com/acme/partner-help) and, if its
 * default branch is not "main", REPOSITORY_BRANCH.
 */
const DEFAULT_REPOSITORY = 'https://github.com/tallwood/partner-help';

function repositoryUrl(): string {
	const value = (process.env['REPOSITORY_URL'] || DEFAULT_REPOSITORY).replace(/\/+$/, '');
	if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
		throw new Error(
			`REPOSITORY_URL must be the web address of the repository, e.g. ${DEFAULT_REPOSITORY}; received "${value}".`,
		);
	}
	return value;
}

/** The address files are edited under; a file's edit link is this followed by its path from the project root. */
export const editBaseUrl = `${repositoryUrl()}/edit/${process.env['REPOSITORY_BRANCH'] || 'main'}/`;

/**
 * The edit link of a file, given by its path from the project root (e.g. "src/content/faqs/payout-threshold.md").
 * Characters a URL may not hold raw, such as the brackets of route files (`[...page].astro`), are %-encoded.
 */
export const editUrlOf = (file: string) => new URL(encodeURI(file.replace(/^\.?\//, '')), editBaseUrl).href;
