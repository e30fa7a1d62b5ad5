/**
 * The one shape of a problem with the content or the program facts, and the catalogue of their
 * messages. The build throws them as Astro errors (message and hint shown apart), the content
 * check prints them as `file:line: error field: message` with the hint below; both read this shape.
 */

/**
 * Where a problem is: the file, its line when known, and the field as a path of keys
 * (`['tiers', 1, 'from']`); a setting read from the environment has only its name as the path.
 */
export interface Where {
	/** Path relative to the project root, with forward slashes. */
	file?: string | undefined;
	/** 1-based line in the file. */
	line?: number | undefined;
	path?: readonly PropertyKey[] | undefined;
	/** The Markdown body's line (1-based, counted from the body's start) when the file's line is not known. */
	textLine?: number | undefined;
}

/** One thing wrong: what, how to fix it, and where. */
export interface Problem {
	message: string;
	hint?: string | undefined;
	where: Where;
}

/** The parts of a validation issue we report; zod issues have this shape. */
export interface IssueLike {
	path: ReadonlyArray<PropertyKey>;
	message: string;
}

/** Writes a field path the way a writer reads YAML: `tiers[1].from`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	return path.reduce<string>(
		(out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
		'',
	);
}

/** One line per problem: `- field: message`. */
export function formatIssues(issues: ReadonlyArray<IssueLike>): string {
	return issues.map((i) => `- ${formatPath(i.path) || '(root)'}: ${i.message}`).join('\n');
}

/** The field a problem names, as a writer reads it; the body's line where that is all that is known. */
export function fieldOf(where: Where): string {
	const field = where.path ? formatPath(where.path) : '';
	return where.textLine !== undefined ? `${field || 'body'}, line ${where.textLine} of the text` : field;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Formats problems for a build log: `file › field: message` then the hint. */
export function formatProblems(problems: readonly Problem[]): string {
	return problems
		.map(
			(p) =>
				`${p.where.file ?? '(environment)'} › ${fieldOf(p.where)}: ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`,
		)
		.join('\n');
}

/**
 * Problems thrown by code that stops on them (`npm run new`, the server's start-up): the same
 * shape, message and hint apart, with the problems it found. Each caller formats it its own way.
 */
export class ProblemError extends Error {
	readonly hint: string | undefined;
	readonly problems: readonly Problem[];
	constructor(message: string, hint?: string, problems: readonly Problem[] = []) {
		super(message);
		this.name = 'ProblemError';
		this.hint = hint;
		this.problems = problems;
	}
}

/** Every message a content or program problem is reported with; tests pin these. */
export const messages = {
	unknownFact: (name: string, known: readonly string[]) => ({
		message: `Unknown fact ":fact[${name}]".`,
		hint: `Known facts: ${known.join(', ')}.`,
	}),
	unknownReference: (ref: string, similar: string | undefined) => ({
		message: `"${ref}" does not match any article.`,
		hint: similar
			? `Check the spelling; it must be "collection/file-name-without-extension". Similar: ${similar}.`
			: 'Write it as "collection/file-name-without-extension".',
	}),
	unknownCollection: (ref: string, collections: readonly string[]) => ({
		message: `"${ref}" does not name a collection.`,
		hint: `Write it "collection/id" with collection one of ${collections.join(', ')}, for example "faqs/when-do-i-get-paid".`,
	}),
	versionTaken: (version: string, other: string) => ({
		message: `Version ${version} is also used by ${other}.`,
		hint: 'Give each version of the terms its own number.',
	}),
	effectiveDateTaken: (date: string, version: string, other: string) => ({
		message: `${date} is also the effective date of version ${version} (${other}).`,
		hint: 'Two versions of the terms cannot take effect on the same day: change one of the dates.',
	}),
	unknownVersion: (version: string, known: readonly string[]) => ({
		message: `Version ${version} does not exist.`,
		hint: `Known versions: ${known.join(', ')}.`,
	}),
	overlappingRules: (offer: string, from: string, to: string | undefined, other: string) => ({
		message: `Offer "${offer}" already has a rule valid from ${from} to ${to ?? 'open end'} (${other}).`,
		hint: 'End the earlier rule (validTo) the day before this one starts, or start this one after it ends.',
	}),
	unknownAlternative: (offer: string, offers: readonly string[]) => ({
		message: `No commission rule pays on offer "${offer}".`,
		hint: `Name the offer this rule replaces for affiliates who join it; offers with rules: ${offers.join(', ')}.`,
	}),
	listAddress: (url: string, list: string) => ({
		message: `${url} is the address of the list of ${list}.`,
		hint: 'Rename the file (or its folder) so that the article gets an address of its own.',
	}),
	contentCheckFailed: (problems: readonly Problem[]) => ({
		message: `Content check failed with ${plural(problems.length, 'problem')}:\n${formatProblems(problems)}`,
		hint: 'Run `npm run check:content` for the same problems with their line numbers.',
	}),
	orphanTranslation: (file: string, folder: string) => ({
		message: `${file} is a translation of an entry that does not exist: there is no English file of the same name in ${folder}.`,
		hint: 'Rename the translation after its English source, or delete it if the English entry was removed; `npm run translations` lists every translation and its source.',
	}),
	programMissing: (file: string) => ({
		message: `The program facts are missing: ${file} must exist.`,
		hint: 'Restore the file from the repository; every fact an article states comes from it.',
	}),
	invalidProgram: (file: string, issues: ReadonlyArray<IssueLike>) => ({
		message: `Invalid program facts in ${file}:\n${formatIssues(issues)}`,
		hint: `Fix the fields named; \`npm run check:content\` shows their lines. The fields are explained in src/schemas/program.ts.`,
	}),
	unresolvedReference: (ref: string) => ({
		message: `Unresolved reference "${ref}".`,
		hint: 'Write it "collection/id" naming an entry that exists; the content check lists the entries.',
	}),
	unreadableYaml: (reason: string) => ({
		message: `The YAML cannot be read: ${reason}`,
		hint: 'Check indentation and quotes; values with ":" need quotes.',
	}),
	noFrontMatter: () => 'The file has no front matter: it must start with a line "---", the fields, and another "---".',
	badCheckSetting: () => ({ hint: 'See src/schemas/content-check.ts for the settings and their defaults.' }),
} as const;
