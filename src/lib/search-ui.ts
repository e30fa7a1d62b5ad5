/**
 * The texts the header search box and the search page write while they search ("Searching…",
 * "3 answers for “refund”…"), in the page's language. The page renders them once, from the
 * site's translations (`search.ui.*` in src/content/i18n/<lang>.json), into a data attribute as
 * templates with their {{placeholders}} left in; the scripts fill them in as results arrive.
 */

/** The texts, each a `search.ui.<name>` key; placeholders in braces. */
export const searchUiNames = [
	'dialogLabel',
	'hint',
	'results',
	'withFilters',
	'noneHelped',
	'searching',
	'loadFailed',
	'askInstead',
	'ask',
	'askLower',
	'carriedOver',
	'noAnswer',
	'answersOne',
	'answersMany',
	'noPages',
	'noPagesFiltered',
	'matchedCorrected',
	'matchedOne',
	'matchedMany',
	'bestShown',
	'forAudiences',
] as const;

export type SearchUiName = (typeof searchUiNames)[number];
export type SearchUiStrings = Record<SearchUiName, string>;

/** The placeholders any of the texts holds; each is kept as itself when the page renders the templates. */
const placeholders = ['query', 'count', 'searched', 'audiences'] as const;

/**
 * A translation function as the templates need it: Astro.locals.t, whose typed overloads take one
 * key at a time, given as this (`Astro.locals.t as Translate`).
 */
export type Translate = (key: `search.ui.${SearchUiName}`, values: Record<string, string>) => string;

/** The page's templates, from its translation function (Astro.locals.t), placeholders left in. */
export function searchUiStrings(t: Translate) {
	const keep = Object.fromEntries(placeholders.map((p) => [p, `{{${p}}}`]));
	return Object.fromEntries(searchUiNames.map((name) => [name, t(`search.ui.${name}`, keep)])) as SearchUiStrings;
}

/**
 * The templates a page rendered into `data-strings`; a text missing there (a page from an older
 * build) reads as its name, so that nothing breaks.
 */
export function readSearchUiStrings(json: string | undefined): SearchUiStrings {
	let given: Partial<SearchUiStrings> = {};
	try {
		given = JSON.parse(json ?? '{}') as Partial<SearchUiStrings>;
	} catch {
		// An unreadable attribute leaves the names standing in.
	}
	return Object.fromEntries(searchUiNames.map((name) => [name, given[name] ?? name])) as SearchUiStrings;
}

/** A template with its placeholders filled in: fill("{{count}} answers", { count: 3 }) → "3 answers". */
export function fill(
	template: string,
	values: Partial<Record<(typeof placeholders)[number], string | number>>,
): string {
	return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
		name in values ? String(values[name as keyof typeof values]) : whole,
	);
}
