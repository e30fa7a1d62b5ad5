import { audiences, type Audience } from '../../../src/schemas/common.ts';
import { faqTopics, type FaqTopic } from '../../../src/schemas/faq.ts';
import { disclosureChannels, type DisclosureChannel } from '../../../src/schemas/disclosure.ts';
import { articleCollections, describe } from '../../../src/collections.ts';
import { ProblemError } from '../../../src/lib/errors.ts';
import { faqPages } from '../../../src/lib/pagination.ts';
import type { SourceFile } from './content-files.ts';
import { entryType, entryTypes, scaffold, scaffoldTranslation, slugify, type ScaffoldInput } from './scaffold.ts';
import { locateTranslation, translationPath } from './translation-files.ts';
import { localizedPath, prefixedLocales, type LocaleKey } from '../../../src/i18n/locales.ts';
import { sourceHash } from '../../../src/i18n/translations.ts';
import { editDistance } from '../../../src/lib/spelling.ts';

/** A request `npm run new` cannot carry out, with what to do instead. */
export class NewEntryError extends ProblemError {
	override readonly hint: string;
	constructor(message: string, hint: string) {
		super(message, hint);
		this.name = 'NewEntryError';
		this.hint = hint;
	}
}

/** What the command line gave, as strings. */
export interface NewEntryArgs {
	type: string;
	title: string;
	today: string;
	audience?: string | undefined;
	topic?: string | undefined;
	channel?: string | undefined;
	owner?: string | undefined;
	description?: string | undefined;
	rate?: string | undefined;
	version?: string | undefined;
	effective?: string | undefined;
}

/** The file to write: path from the project root, text, and where it will be on the site. */
export interface EntryPlan {
	path: string;
	text: string;
	url: string;
}

const oneOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T => {
	if (value === undefined && fallback) return fallback;
	if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
	throw new NewEntryError(
		value === undefined ? `--${name} is required for this type.` : `Unknown ${name} "${value}".`,
		`Use --${name} with one of: ${allowed.join(', ')}.`,
	);
};
const titleOf = (f: SourceFile) => (f.raw as Record<string, unknown>)[articleCollections[f.collection].titleField];
const normal = (s: unknown) => String(s).toLowerCase().replace(/\s+/g, ' ').trim();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The owner most entries of the collection (for the same audience, where it has one) name. */
function usualOwner(files: SourceFile[], audience?: string): string | undefined {
	const count = new Map<string, number>();
	const pick = (f: SourceFile) => (f.raw as Record<string, unknown>)['audience'] === audience;
	const pool = audience && files.some(pick) ? files.filter(pick) : files;
	for (const f of pool) {
		const owner = (f.raw as Record<string, unknown>)['owner'];
		if (typeof owner === 'string') count.set(owner, (count.get(owner) ?? 0) + 1);
	}
	return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Checks a request against the existing content and plans the file; throws NewEntryError on anything it refuses. */
export function planEntry(
	args: NewEntryArgs,
	existing: SourceFile[],
	program?: { payout: { lockPeriodDays: number } },
): EntryPlan {
	const type = entryType(args.type);
	if (!type)
		throw new NewEntryError(
			`Unknown type "${args.type}".`,
			`Write: npm run new -- <type> "<title>", with type one of ${Object.keys(entryTypes).join(', ')}.`,
		);
	const title = args.title.trim().replace(/\s+/g, ' ');
	if (title.length < 5)
		throw new NewEntryError(
			'The title is missing or too short.',
			`Write: npm run new -- ${type} "A title that says what the page is about".`,
		);
	if (!DAY.test(args.today))
		throw new NewEntryError(
			`--today must be written YYYY-MM-DD, received "${args.today}".`,
			'Leave it out to use the current day.',
		);
	const collection = entryTypes[type];
	const siblings = existing.filter((f) => f.collection === collection);

	if (type === 'faq' && !title.endsWith('?'))
		throw new NewEntryError(
			`An FAQ title is the question, ending with "?": "${title}".`,
			`Write it as the reader would ask it, e.g. "${title.replace(/[.!]$/, '')}?".`,
		);
	if (type !== 'terms') {
		const clash = existing.find((f) => f.collection !== 'terms' && normal(titleOf(f)) === normal(title));
		if (clash)
			throw new NewEntryError(
				`"${title}" is already the title of ${clash.path}.`,
				'Edit that article, or give the new one a title that says what is different about it.',
			);
	}

	const audience = ['guide', 'faq', 'troubleshooting'].includes(type)
		? oneOf<Audience>('audience', args.audience, audiences, 'affiliate')
		: undefined;
	const input: ScaffoldInput = {
		type,
		title,
		today: args.today,
		owner: '',
		...(audience ? { audience } : {}),
		...(args.description ? { description: args.description } : {}),
	};
	if (type === 'faq') input.topic = oneOf<FaqTopic>('topic', args.topic, Object.keys(faqTopics) as FaqTopic[]);
	if (type === 'disclosure') {
		const channel = oneOf<DisclosureChannel>(
			'channel',
			args.channel,
			Object.keys(disclosureChannels) as DisclosureChannel[],
		);
		const taken = siblings.find((f) => (f.raw as Record<string, unknown>)['channel'] === channel);
		if (taken)
			throw new NewEntryError(
				`Channel "${channel}" already has its rules in ${taken.path}.`,
				'Each channel has one page: edit that file, or add a new channel to src/schemas/disclosure.ts first.',
			);
		input.channel = channel;
	}
	if (type === 'commission') {
		const rate = Number(args.rate);
		if (args.rate === undefined || !Number.isFinite(rate) || rate <= 0 || rate > 100)
			throw new NewEntryError(
				`--rate must be a percentage above 0 and at most 100, received ${JSON.stringify(args.rate ?? null)}.`,
				'For a CPS rule paying 8 %, write --rate 8; change the model in the file for CPA, revenue share or tiers.',
			);
		input.rate = rate;
		// A new rule starts with the program's lock period, the one the terms in force set.
		if (!program)
			throw new NewEntryError(
				'The program file could not be read, so the lock period of the new rule is unknown.',
				'Fix the problems `npm run check:content` reports in src/content/program/program.yaml first.',
			);
		input.lockPeriodDays = program.payout.lockPeriodDays;
		if (siblings.some((f) => (f.raw as Record<string, unknown>)['offer'] === slugify(title)))
			throw new NewEntryError(
				`Offer "${slugify(title)}" already has a rule.`,
				'To change its rate from a date, set validTo on the current rule and give the new one a different title, e.g. with the year.',
			);
	}
	if (args.effective !== undefined && !DAY.test(args.effective))
		throw new NewEntryError(
			`--effective must be written YYYY-MM-DD, received "${args.effective}".`,
			'For example --effective 2027-01-01.',
		);
	if (args.effective) input.effectiveDate = args.effective;
	if (type === 'terms') {
		const versions = siblings.map((f) => ({ file: f, version: String((f.raw as Record<string, unknown>)['version']) }));
		const newest = versions.sort(
			(a, b) =>
				Number(b.version.split('.')[0]) - Number(a.version.split('.')[0]) ||
				Number(b.version.split('.')[1]) - Number(a.version.split('.')[1]),
		)[0];
		const next =
			args.version ?? (newest ? `${newest.version.split('.')[0]}.${Number(newest.version.split('.')[1]) + 1}` : '1.0');
		if (!/^\d+\.\d+$/.test(next))
			throw new NewEntryError(
				`--version must be written MAJOR.MINOR, received "${next}".`,
				'For example --version 3.2.',
			);
		const clash = versions.find((v) => v.version === next);
		if (clash)
			throw new NewEntryError(
				`Version ${next} already exists: ${clash.file.path}.`,
				'Give the new version a higher number with --version.',
			);
		input.version = next;
		if (newest) input.supersedes = { version: newest.version, body: newest.file.body };
		// Changes are announced 30 days ahead (terms 9.1), so a new version starts no sooner by default.
		input.effectiveDate ??= new Date(Date.parse(`${args.today}T00:00:00Z`) + 30 * 86_400_000)
			.toISOString()
			.slice(0, 10);
	}
	const owner = args.owner ?? usualOwner(siblings, audience) ?? usualOwner(existing);
	if (type !== 'terms' && !owner)
		throw new NewEntryError(
			'No owner: nothing in the content names one yet.',
			'Add --owner with the team or person who answers for the article, e.g. --owner partner-support.',
		);
	input.owner = owner ?? '';

	const planned = scaffold(input);
	const path = `src/content/${collection}/${planned.path}`;
	const slug = planned.path
		.replace(/\.[^.]+$/, '')
		.split('/')
		.pop()!;
	const sameSlug = siblings.find((f) => f.id.split('/').pop() === slug);
	if (sameSlug)
		throw new NewEntryError(
			`The slug "${slug}" is already used by ${sameSlug.path}.`,
			'Choose a title that gives a different file name.',
		);
	const id = planned.path.replace(/\.[^.]+$/, '');
	// The page of its topic the new question will be on, among the questions there now.
	const faqPage = () => {
		const questions = siblings.map((f) => ({
			id: f.id,
			topic: String((f.raw as Record<string, unknown>)['topic']),
			question: String(titleOf(f)),
		}));
		return faqPages([...questions, { id, topic: input.topic!, question: title }]).get(id)!;
	};
	// Its address as its collection makes it (src/collections.ts); a commission rule's offer is its file name.
	const { url } = describe(
		collection,
		{ id, data: { topic: input.topic, channel: input.channel, offer: id, version: input.version } },
		type === 'faq' ? faqPage() : undefined,
	);
	return { path, text: planned.text, url };
}

/** What `npm run new -- --locale de <collection> <id>` gave. */
export interface TranslationArgs {
	locale: string;
	/** The collection or entry type, as for a new entry: faq or faqs, guide or docs, … */
	type: string;
	/** The English entry's id: its file name without extension, with folders for guides (affiliates/onboarding/payments). */
	id: string;
	/** Options that only a new English entry takes, to refuse rather than ignore. */
	others?: string[];
}

/**
 * Plans the translation of an existing English entry: its German (or other language's) path, and
 * the English file copied there with `translatedFrom` and its text marked TODO (scaffoldTranslation).
 * Refuses an unknown language or collection, an entry that does not exist in English and a
 * translation that exists already. `read` gives a file's bytes by its path from the project root.
 */
export function planTranslation(
	args: TranslationArgs,
	existing: SourceFile[],
	read: (path: string) => Buffer,
	exists: (path: string) => boolean,
): EntryPlan {
	const usage = `Write: npm run new -- --locale ${prefixedLocales[0]} <type> <id>, e.g. npm run new -- --locale ${prefixedLocales[0]} faq payout-threshold.`;
	if (!(prefixedLocales as readonly string[]).includes(args.locale))
		throw new NewEntryError(
			`Unknown language "${args.locale}" for --locale.`,
			`Use one of: ${prefixedLocales.join(', ')}. English is the source language: new English entries are made without --locale.`,
		);
	const [other] = args.others ?? [];
	if (other)
		throw new NewEntryError(
			`--${other} does not apply to a translation.`,
			'A translation keeps every field of its English entry but the words: leave the option out.',
		);
	const type = entryType(args.type);
	if (!type)
		throw new NewEntryError(
			`Unknown type "${args.type}".`,
			`${usage} The type is one of ${Object.keys(entryTypes).join(', ')}.`,
		);
	const collection = entryTypes[type];
	const folder = `src/content/${articleCollections[collection].folder}/`;
	const id = args.id
		.trim()
		.replace(/\\/g, '/')
		.replace(new RegExp(`^(\\./)?${folder}`), '')
		.replace(/\.(mdx?|ya?ml)$/, '')
		.replace(/^\/+|\/+$/g, '');
	if (!id) throw new NewEntryError(`Which ${type} should be translated? The id is missing.`, usage);
	const english = existing.filter((f) => f.collection === collection && !locateTranslation(f.path));
	const withoutExtension = (f: SourceFile) => f.path.slice(folder.length).replace(/\.[^.]+$/, '');
	const source = english.find((f) => f.id === id || withoutExtension(f) === id);
	if (!source) {
		const ids = english.map((f) => f.id);
		const near = [...ids].sort((a, b) => editDistance(id, a, 99) - editDistance(id, b, 99)).slice(0, 3);
		throw new NewEntryError(
			`There is no English ${type} "${id}" in ${folder} to translate.`,
			ids.length
				? `A translation starts from an existing English entry, named by its id (the file name without extension). Closest: ${near.join(', ')}.`
				: `Start the English entry first: npm run new -- ${type} "<title>".`,
		);
	}
	const path = translationPath(collection, source.path, args.locale);
	if (exists(path))
		throw new NewEntryError(
			`${path} already exists.`,
			'Edit that translation; `npm run translations` says whether its English source changed since it was translated.',
		);
	const bytes = read(source.path);
	const text = scaffoldTranslation({ path: source.path, text: bytes.toString('utf8') }, args.locale, sourceHash(bytes));
	const { url } = describe(collection, { id: source.id, data: source.raw }, 1);
	return { path, text, url: localizedPath(url, args.locale as LocaleKey) };
}
