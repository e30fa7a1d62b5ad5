import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';
import type { Audience } from '../../../src/schemas/common.ts';
import type { FaqTopic } from '../../../src/schemas/faq.ts';
import type { DisclosureChannel } from '../../../src/schemas/disclosure.ts';
import {
	articleCollectionNames,
	articleCollections,
	isArticleCollection,
	type ArticleCollectionName,
	type EntryType,
} from '../../../src/collections.ts';

export type { EntryType };

/** The kinds of entry `npm run new` makes, and the collection each goes into (src/collections.ts names them). */
export const entryTypes = Object.fromEntries(
	articleCollectionNames.map((c) => [articleCollections[c].entryType, c]),
) as Record<EntryType, ArticleCollectionName>;

/** A collection's name works too, so that a writer can type the folder they see; and "rule" for a commission rule. */
const aliases: Record<string, EntryType> = { rule: 'commission' };

/** The entry type a writer named, or undefined. */
export function entryType(name: string): EntryType | undefined {
	if (Object.hasOwn(entryTypes, name)) return name as EntryType;
	if (isArticleCollection(name)) return articleCollections[name].entryType;
	return aliases[name];
}

/** Marks text the writer must replace; the content check fails while any is left. */
export const PLACEHOLDER = 'TODO';

/** A file name from a title: lower case, ASCII, words joined by "-", at most 60 characters. */
export function slugify(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= 60) return slug;
	return slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60);
}

/** What a writer gave on the command line besides the type and title. */
export interface ScaffoldInput {
	type: EntryType;
	title: string;
	/** YYYY-MM-DD of today, for `lastReviewed`. */
	today: string;
	owner: string;
	audience?: Audience;
	topic?: FaqTopic;
	channel?: DisclosureChannel;
	description?: string;
	/** Commission: percentage for a CPS rule. */
	rate?: number;
	/** Terms: the new version number and the one it replaces, with its text. */
	version?: string;
	supersedes?: { version: string; body: string };
	/** Terms and commission: first day in force. */
	effectiveDate?: string;
	/** Commission: the program's lock period (program.yaml, derived from the return window and delivery allowance). */
	lockPeriodDays?: number;
}

/** A scaffolded entry: its path under src/content/<collection>/ and its text. */
export interface Scaffold {
	path: string;
	text: string;
}

const todo = (what: string) => `${PLACEHOLDER}: ${what}`;
const description = (input: ScaffoldInput) =>
	input.description ?? todo('one sentence that says what the reader finds here.');
const folderOf: Record<Audience, string> = {
	affiliate: 'affiliates',
	customer: 'customers',
	advertiser: 'advertisers',
};

/** YAML for front matter or a data file, one field per line, never folded. */
const yaml = (data: Record<string, unknown>) => stringify(data, { lineWidth: 0 }).trimEnd();
const markdown = (data: Record<string, unknown>, body: string) => `---\n${yaml(data)}\n---\n\n${body.trim()}\n`;

/** The file a new entry starts as: valid front matter, placeholders marked TODO where only the writer knows the words. */
export function scaffold(input: ScaffoldInput): Scaffold {
	const steward = { owner: input.owner, lastReviewed: input.today };
	switch (input.type) {
		case 'guide': {
			const audience = input.audience ?? 'affiliate';
			return {
				path: `${folderOf[audience]}/${slugify(input.title)}.mdx`,
				text: markdown(
					{ title: input.title, description: description(input), audience, ...steward, related: [] },
					`${todo('the first paragraph says who this is for and what they will be able to do.')}\n\n## ${todo('first step')}\n\n${todo('what to do, one step at a time.')}`,
				),
			};
		}
		case 'faq': {
			const audience = input.audience ?? 'affiliate';
			return {
				path: `${slugify(input.title.replace(/\?$/, ''))}.md`,
				text: markdown(
					{
						question: input.title,
						description: description(input),
						audience,
						topic: input.topic,
						...steward,
						related: [],
					},
					todo(
						'the answer, starting with the short version. Program numbers are written as facts, e.g. :fact[payoutThreshold].',
					),
				),
			};
		}
		case 'troubleshooting':
			return {
				path: `${slugify(input.title)}.md`,
				text: markdown(
					{
						title: input.title,
						description: description(input),
						audience: input.audience ?? 'affiliate',
						...steward,
						symptoms: [todo('what the reader sees, in their words.')],
						causes: [{ cause: todo('the most likely cause.'), check: todo('how the reader checks it.') }],
						steps: [
							{ title: todo('first step'), text: todo('what to do first.') },
							{ title: todo('second step'), text: todo('what to do next.') },
						],
						contactSupport: todo('when to stop and contact support, and what to include.'),
						related: [],
					},
					`## Why this happens\n\n${todo('background for readers who want to understand the cause.')}`,
				),
			};
		case 'disclosure':
			return {
				path: `${input.channel}.md`,
				text: markdown(
					{
						title: input.title,
						description: description(input),
						channel: input.channel,
						...steward,
						rule: todo('the rule in one sentence, as the affiliate must apply it.'),
						compliant: [todo('a disclosure that meets the rule, quoted as it would appear.')],
						nonCompliant: [{ example: todo('a disclosure that fails.'), why: todo('why it fails.') }],
						sources: [
							{ name: todo('the regulation or guidance the rule comes from'), url: 'https://example.com/TODO' },
						],
						related: [],
					},
					`## ${todo('where the disclosure goes')}\n\n${todo('explain placement and wording for this channel.')}`,
				),
			};
		case 'commission': {
			const offer = slugify(input.title);
			return {
				path: `${offer}.yaml`,
				text: `# Models: cps (rate), cpa (amount, action), revshare (rate, durationMonths), tiered (tiers). See CONTRIBUTING.md.\n${yaml(
					{
						title: input.title,
						description: description(input),
						offer,
						model: 'cps',
						rate: input.rate,
						lockPeriodDays: input.lockPeriodDays,
						validFrom: input.effectiveDate ?? input.today,
						notes: [],
						...steward,
					},
				)}\n`,
			};
		}
		case 'terms':
			return {
				path: `v${input.version!.replace('.', '-')}.md`,
				text: markdown(
					{
						title: input.title,
						version: input.version,
						effectiveDate: input.effectiveDate,
						...(input.supersedes ? { supersedes: input.supersedes.version } : {}),
						changes: [todo('what changed, one line per change, with the section number.')],
						description: description(input),
					},
					input.supersedes?.body ?? `## 1. ${todo('first section')}\n\n${todo('the text of the terms.')}`,
				),
			};
	}
}

/**
 * Fields of front matter (or of a YAML entry) that hold words a reader reads, at any depth: a
 * translation translates these and keeps every other field (ids, audience, topic, owner, dates,
 * numbers, addresses, references, source names that checks point to) as in English.
 */
export const textFields = new Set([
	'title',
	'question',
	'description',
	'searchTerms',
	'symptoms',
	'cause',
	'check',
	'text',
	'contactSupport',
	'rule',
	'compliant',
	'example',
	'why',
	'requirement',
	'fix',
	'changes',
	'notes',
	'action',
	'tagline',
	'label',
]);

/** A language's name in English, for the instructions a scaffold leaves: "de" → "German". */
const languageName = (locale: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;

/** Marks every text field of a YAML document to translate: "TODO: <the English text>". */
function markTextFields(node: unknown, inText = false): void {
	if (isMap(node)) {
		for (const pair of node.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			markTextFields(pair.value, textFields.has(key));
		}
	} else if (isSeq(node)) {
		for (const item of node.items) markTextFields(item, inText);
	} else if (inText && isScalar(node) && typeof node.value === 'string' && node.value.trim()) {
		node.value = todo(node.value);
	}
}

/** MDX imports written relative to the English file, rewritten to work one folder deeper. */
const deeperImports = (body: string, levels: number) =>
	body.replace(
		/^(import\s[^'"]*?from\s*|import\s*)(['"])(\.\.?\/[^'"]*)\2/gm,
		(_, head: string, quote: string, spec: string) =>
			`${head}${quote}${'../'.repeat(levels)}${spec.replace(/^\.\//, '')}${quote}`,
	);

/**
 * The file a translation starts as: the English file's front matter and body, copied to the
 * language's folder, with its source's hash in `translatedFrom`, every text field marked TODO
 * with the English words after it, and a TODO line above the body; the content check fails
 * while any is left, so an untranslated copy cannot be published by accident.
 */
export function scaffoldTranslation(english: { path: string; text: string }, locale: string, hash: string): string {
	const language = languageName(locale);
	const record = (doc: Document) => {
		markTextFields(doc.contents);
		doc.delete('translatedFrom');
		doc.set('translatedFrom', { sha256: hash });
		return doc.toString({ lineWidth: 0 });
	};
	if (/\.ya?ml$/.test(english.path)) {
		const doc = parseDocument(english.text);
		doc.commentBefore = [
			` ${PLACEHOLDER}: translate every text marked ${PLACEHOLDER} into ${language}; keep ids, numbers, dates and :fact[…] as they are.`,
			doc.commentBefore,
		]
			.filter(Boolean)
			.join('\n');
		return record(doc);
	}
	const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(english.text);
	if (!front) throw new Error(`${english.path} has no front matter (--- … ---) at the top.`);
	const mdx = english.path.endsWith('.mdx');
	let body = english.text.slice(front[0].length);
	// A translation sits one folder deeper per language segment: de/…
	if (mdx) body = deeperImports(body, locale.split('/').length);
	const note = `${PLACEHOLDER}: translate the text below into ${language} (headings, paragraphs, lists, tables); keep :fact[…], links, components and code as they are, then delete this line.`;
	const marker = mdx ? `{/* ${note} */}` : `<!-- ${note} -->`;
	// Below the MDX imports, which stay at the top.
	const lines = body.split('\n');
	let at = 0;
	while (at < lines.length && (/^(import|export)\s/.test(lines[at]!) || (at === 0 && lines[at] === ''))) at++;
	const head = lines.slice(0, at);
	const rest = lines.slice(at);
	const marked = [
		...head,
		...(head.length && head[head.length - 1] !== '' ? [''] : []),
		marker,
		...(rest[0] === '' ? [] : ['']),
		...rest,
	];
	return `---\n${record(parseDocument(front[1]!)).trimEnd()}\n---\n${marked.join('\n')}`;
}
