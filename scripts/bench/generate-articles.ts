/**
 * Synthetic articles for the scale benchmark: FAQ entries, troubleshooting
 * guides and docs guides that pass the collections' schemas, with `related`
 * references that resolve and varied text from word lists. A seed makes the
 * output repeatable. Nothing here touches the disk.
 */
import { stringify } from 'yaml';
import type { Audience } from '../../src/schemas/common.ts';
import { interpolateFacts, type Facts } from '../../src/lib/facts.ts';
import { seededRandom, type Random } from './random.ts';
import * as words from './words.ts';

/** The collections synthetic articles go into (disclosures are one per channel, so they cannot grow). */
export type SyntheticCollection = 'docs' | 'troubleshooting' | 'faqs';

/** One generated article: front matter as it is written in the file, and the Markdown body. */
export interface SyntheticArticle {
	collection: SyntheticCollection;
	/** Entry id within the collection, e.g. "affiliates/guides/how-to-check-a-payout-12". */
	id: string;
	data: Record<string, unknown>;
	/** Markdown; may contain `:fact[name]`, which the site fills from the program file. */
	body: string;
}

/** A file to write, relative to the root of the site it belongs to. */
export interface GeneratedFile {
	path: string;
	text: string;
}

/** Four docs guides, three troubleshooting guides and three FAQ entries in every ten articles. */
const rotation: readonly SyntheticCollection[] = [
	'docs',
	'troubleshooting',
	'faqs',
	'docs',
	'troubleshooting',
	'faqs',
	'docs',
	'troubleshooting',
	'faqs',
	'docs',
];
const audienceFolder: Record<Audience, string> = {
	affiliate: 'affiliates',
	customer: 'customers',
	advertiser: 'advertisers',
};

/** `count` articles from `seed`; the same arguments always give the same articles. */
export function generateArticles(count: number, seed = 1): SyntheticArticle[] {
	if (!Number.isInteger(count) || count < 0) throw new Error(`Expected a whole number of articles, received ${count}.`);
	const random = seededRandom(seed);
	const articles: SyntheticArticle[] = [];
	const titles = new Set<string>();
	const titleOf = (a: SyntheticArticle) => String(a.data['question'] ?? a.data['title']).toLowerCase();
	for (let i = 0; i < count; i++) {
		const collection = rotation[i % rotation.length]!;
		const audience = pickAudience(random);
		const related = random.sample(articles.slice(-200), random.int(0, 3)).map((a) => `${a.collection}/${a.id}`);
		const common = { audience, owner: random.pick(words.owners), lastReviewed: reviewDate(random), related };
		const text = new Writer(random, audience);
		const make = () =>
			collection === 'faqs'
				? faq(text, i, common)
				: collection === 'troubleshooting'
					? troubleshooting(text, i, common)
					: guide(text, i, common);
		// Titles are unique across the site (the content check requires it): draw again on a repeat.
		let article = make();
		for (let tries = 1; titles.has(titleOf(article)); tries++) {
			article = tries < 20 ? make() : numbered(article, i + 1);
		}
		titles.add(titleOf(article));
		articles.push(article);
	}
	return articles;
}

/** The article with its number in its title, for when the word lists run out of new titles. */
function numbered(article: SyntheticArticle, n: number): SyntheticArticle {
	const data = { ...article.data };
	if (typeof data['question'] === 'string') data['question'] = data['question'].replace(/\?$/, ` (${n})?`);
	else data['title'] = `${String(data['title'])} (${n})`;
	return { ...article, data };
}

type Common = { audience: Audience; owner: string; lastReviewed: string; related: string[] };

function faq(text: Writer, i: number, common: Common): SyntheticArticle {
	const question = capitalize(text.fill(text.random.pick(words.questionPatterns)));
	const topic = text.random.pick(words.topicsFor[common.audience]);
	const body = text.paragraphs(text.random.int(1, 3), 2, 4);
	return {
		collection: 'faqs',
		id: `${slug(question)}-${i + 1}`,
		data: {
			question,
			description: text.description(),
			audience: common.audience,
			topic,
			owner: common.owner,
			lastReviewed: common.lastReviewed,
			related: common.related,
		},
		body,
	};
}

function troubleshooting(text: Writer, i: number, common: Common): SyntheticArticle {
	const title = capitalize(text.fill(text.random.pick(words.symptomPatterns)));
	const r = text.random;
	return {
		collection: 'troubleshooting',
		id: `${slug(title)}-${i + 1}`,
		data: {
			title,
			description: text.description(),
			audience: common.audience,
			owner: common.owner,
			lastReviewed: common.lastReviewed,
			symptoms: Array.from({ length: r.int(1, 3) }, () => `I see that ${text.fill('the {s} is {t} in {p}')}.`),
			causes: Array.from({ length: r.int(1, 3) }, () => ({ cause: text.sentence(), check: text.sentence() })),
			steps: Array.from({ length: r.int(2, 5) }, () => ({
				title: capitalize(text.fill('{a} the {s}')),
				text: text.sentence(),
			})),
			contactSupport: `Contact support if the ${text.fill('{s} is still {t}')} after these steps. Include your ID, the order number and a screenshot of ${r.pick(words.places)}.`,
			related: common.related,
		},
		body: `## Why this happens\n\n${text.paragraphs(r.int(1, 2), 3, 5)}\n\n## Preventing it next time\n\n${text.paragraphs(1, 2, 4)}`,
	};
}

function guide(text: Writer, i: number, common: Common): SyntheticArticle {
	const r = text.random;
	const title = capitalize(text.fill(r.pick(words.guidePatterns)));
	const sections = r.sample(words.guideHeadings, r.int(3, 5)).map((heading) => {
		const ordered = r.chance(0.5);
		const list = r.chance(0.5)
			? `\n\n${Array.from({ length: r.int(3, 5) }, (_, n) => `${ordered ? `${n + 1}.` : '-'} ${text.sentence()}`).join('\n')}`
			: '';
		return `## ${heading}\n\n${text.paragraphs(r.int(1, 3), 3, 6)}${list}`;
	});
	return {
		collection: 'docs',
		id: `${audienceFolder[common.audience]}/guides/${slug(title)}-${i + 1}`,
		data: { title, description: text.description(), ...common },
		body: `${text.paragraphs(1, 2, 4)}\n\n${sections.join('\n\n')}`,
	};
}

/** The file an article is written to in this project (`src/content/<collection>/<id>.md`). */
export function toContentFile(article: SyntheticArticle): GeneratedFile {
	return { path: `src/content/${article.collection}/${article.id}.md`, text: frontMatter(article.data, article.body) };
}

/** Where an article lives on a plain Starlight site, where every article is a docs page. */
export function starlightSlug(article: SyntheticArticle): string {
	if (article.collection === 'faqs') return `faq/${String(article.data['topic'])}/${article.id}`;
	if (article.collection === 'troubleshooting') return `troubleshooting/${article.id}`;
	return article.id;
}

/**
 * The same article as a page of a plain Starlight site: title and description
 * only, structured fields written out as Markdown, facts filled in, and the
 * related articles as a "Read next" list, so that both sites render the same words.
 */
export function toStarlightFile(
	article: SyntheticArticle,
	all: ReadonlyMap<string, SyntheticArticle>,
	facts: Facts,
): GeneratedFile {
	const d = article.data;
	const title = String(d['question'] ?? d['title']);
	const parts: string[] = [];
	if (article.collection === 'troubleshooting') {
		const causes = d['causes'] as Array<{ cause: string; check: string }>;
		const steps = d['steps'] as Array<{ title: string; text: string }>;
		parts.push(
			`## What you see\n\n${(d['symptoms'] as string[]).map((s) => `- ${s}`).join('\n')}`,
			`## Likely causes\n\n${causes.map((c) => `- ${c.cause} **Check:** ${c.check}`).join('\n')}`,
			`## Steps\n\n${steps.map((s, n) => `${n + 1}. **${s.title}.** ${s.text}`).join('\n')}`,
			`## When to contact support\n\n${String(d['contactSupport'])}`,
		);
	}
	parts.push(article.body);
	const related = (d['related'] as string[]).map((ref) => all.get(ref)).filter((a) => a !== undefined);
	if (related.length) {
		parts.push(
			`## Read next\n\n${related.map((a) => `- [${String(a.data['question'] ?? a.data['title'])}](/${starlightSlug(a)}/)`).join('\n')}`,
		);
	}
	const text = frontMatter({ title, description: d['description'] }, parts.join('\n\n'));
	return { path: `src/content/docs/${starlightSlug(article)}.md`, text: interpolateFacts(text, facts) };
}

/** Writes sentences about one audience from the word lists. */
class Writer {
	readonly random: Random;
	readonly audience: Audience;
	constructor(random: Random, audience: Audience) {
		this.random = random;
		this.audience = audience;
	}

	/** Fills a pattern's placeholders and writes "an" before a vowel. */
	fill(pattern: string): string {
		const r = this.random;
		const subject = r.pick(words.subjects[this.audience]);
		const out = pattern.replace(/\{([a-zA-Z])\}/g, (_, key: string) => {
			switch (key) {
				case 's':
					return subject;
				case 'S':
					return capitalize(subject);
				case 't':
					return r.pick(words.states);
				case 'a':
					return r.pick(words.actions);
				case 'e':
					return r.pick(words.events);
				case 'p':
					return r.pick(words.places);
				case 'o':
					return r.pick(words.openers);
				case 'n':
					return `${r.pick(words.nameParts.first)}${r.pick(words.nameParts.second)} ${r.pick(words.nameParts.kind)}`;
				default:
					throw new Error(`Unknown placeholder {${key}} in pattern "${pattern}".`);
			}
		});
		return out.replace(/\b([Aa]) ([aeiouAEIOU])/g, '$1n $2');
	}

	sentence(): string {
		return this.random.chance(0.08)
			? this.random.pick(words.factSentences)
			: capitalize(this.fill(this.random.pick(words.sentencePatterns)));
	}

	/** A summary of 20 to 200 characters, as the schemas ask. */
	description(): string {
		let text = capitalize(this.fill(this.random.pick(words.sentencePatterns)));
		while (text.length < 20) text = `${text} ${capitalize(this.fill(this.random.pick(words.sentencePatterns)))}`;
		return text.length <= 200 ? text : `${text.slice(0, 196).replace(/\s+\S*$/, '')}…`;
	}

	paragraphs(count: number, min: number, max: number): string {
		return Array.from({ length: count }, () =>
			Array.from({ length: this.random.int(min, max) }, () => this.sentence()).join(' '),
		).join('\n\n');
	}
}

function pickAudience(random: Random): Audience {
	const roll = random.next();
	return roll < 0.5 ? 'affiliate' : roll < 0.8 ? 'customer' : 'advertiser';
}

/** Generated articles were reviewed in the 90 days up to this day, so that none is stale on it. */
export const reviewedUpTo = new Date(Date.UTC(2026, 10, 1));

function reviewDate(random: Random): string {
	const day = new Date(reviewedUpTo.getTime() - random.int(0, 90) * 86_400_000);
	return day.toISOString().slice(0, 10);
}

function frontMatter(data: Record<string, unknown>, body: string): string {
	return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60)
		.replace(/-$/, '');
