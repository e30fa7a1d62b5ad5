/**
 * All content, loaded once per build, checked across collections and with
 * program facts filled into front matter text. Pages read content from here.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { checkIntegrity, type EntryLike } from '../lib/integrity.ts';
import { formatProblems, messages, type Problem } from '../lib/errors.ts';
import { asFilled, factsFrom, type Facts, type Filled as FilledEntry } from '../lib/facts.ts';
import { byQuestion, faqPageSize, faqPages, paginate } from '../lib/pagination.ts';
import { articleCollectionNames, describe, programCollection, type ArticleCollectionName } from '../collections.ts';
import { audiences, type Audience } from '../schemas/common.ts';
import { faqTopics, type FaqTopic } from '../schemas/faq.ts';
import type { Program } from '../schemas/program.ts';
import { localeOfPath } from '../i18n/locales.ts';

/** An entry of a collection, with its facts filled in (checked when it was loaded). */
export type Filled<C extends ArticleCollectionName> = FilledEntry<CollectionEntry<C>>;

/** An FAQ entry and the page of its topic that holds it: 1 is /faq/<topic>/, 2 is /faq/<topic>/2/. */
export type PlacedFaq = Filled<'faqs'> & { page: number };

/** One FAQ topic that has questions, cut into its pages. */
export interface FaqTopicPages {
	topic: FaqTopic;
	label: string;
	/** Every question of the topic, in the order its pages list them. */
	questions: PlacedFaq[];
	/** The questions of page 1, page 2, …; never empty. */
	pages: PlacedFaq[][];
}

export interface LinkTarget {
	title: string;
	url: string;
	description?: string | undefined;
}

export interface Content {
	program: Program;
	facts: Facts;
	docs: Filled<'docs'>[];
	/** By question, each with the page of its topic that holds it. */
	faqs: PlacedFaq[];
	/** The topics that have questions, in the order of `faqTopics`, with their pages. */
	faqsByTopic: FaqTopicPages[];
	/** Guides written for each audience, in hub order: sidebar order, then title. */
	guides: Record<Audience, Filled<'docs'>[]>;
	/** By title. */
	troubleshooting: Filled<'troubleshooting'>[];
	/** Troubleshooting guides written for each audience, by title. */
	troubleshootingFor: Record<Audience, Filled<'troubleshooting'>[]>;
	disclosures: Filled<'disclosures'>[];
	commission: Filled<'commission'>[];
	/** Newest effective date first. */
	terms: Filled<'terms'>[];
	/** Resolves a `collection/id` reference to a title and URL. */
	link(ref: string): LinkTarget;
	/**
	 * Problems of the entries shown at a page address (`/faq/payments/`). A build stops on any
	 * problem, so this is only ever non-empty in `npm run dev`, where each broken entry's page
	 * shows its own problems and every other page is served as usual.
	 */
	problemsAt(pathname: string): Problem[];
}

/**
 * Whether problems are shown on their pages instead of stopping everything: the dev server only.
 * The mode, not `DEV`: a build run with NODE_ENV=test (as the tests do) still has DEV set, and must stop.
 */
const previewing = import.meta.env?.MODE === 'development';

async function load(): Promise<Content> {
	const programEntry = await getEntry(programCollection.name, 'program');
	if (!programEntry) {
		const { message, hint } = messages.programMissing(programCollection.file);
		throw new AstroError(message, hint);
	}
	const program = programEntry.data;
	const facts = factsFrom(program);
	// Every collection's text was filled as it loaded (src/content.config.ts); asFilled checks it.
	// Translations (src/content/docs/<locale>/) are Starlight's pages only; lists, links and checks here are the English site's.
	const english = <E extends { id: string }>(entries: E[]) =>
		entries.filter((e) => localeOfPath(`/${e.id}/`) === 'root');
	const load = <C extends ArticleCollectionName>(name: C) =>
		getCollection(name).then((entries) => asFilled(english(entries as CollectionEntry<C>[]), facts));
	const byCollection = Object.fromEntries(
		await Promise.all(articleCollectionNames.map(async (name) => [name, await load(name)] as const)),
	) as { [C in ArticleCollectionName]: Filled<C>[] };
	const { docs, faqs, troubleshooting, disclosures, commission, terms } = byCollection;

	const all: EntryLike[] = articleCollectionNames.flatMap((collection) =>
		(byCollection[collection] as Array<{ id: string; filePath?: string; body?: string; data: object }>).map((e) => ({
			collection,
			id: e.id,
			filePath: e.filePath,
			body: e.body,
			data: e.data as Record<string, unknown>,
		})),
	);
	const problems = checkIntegrity(all, facts);
	if (problems.length && !previewing) {
		const { message, hint } = messages.contentCheckFailed(problems);
		throw new AstroError(message, hint);
	}
	if (problems.length)
		console.warn(
			`[content] ${problems.length} problem${problems.length === 1 ? '' : 's'}, shown on their pages:\n${formatProblems(problems)}`,
		);

	// Each question's page is worked out once, here; deep links everywhere come from it.
	const pageOf = faqPages(faqs.map((f) => ({ id: f.id, topic: f.data.topic, question: f.data.question })));
	const placed: PlacedFaq[] = faqs
		.map((f) => ({ ...f, page: pageOf.get(f.id)! }))
		.sort((a, b) => byQuestion({ id: a.id, question: a.data.question }, { id: b.id, question: b.data.question }));
	const faqsByTopic = (Object.keys(faqTopics) as FaqTopic[]).flatMap((topic) => {
		const questions = placed.filter((f) => f.data.topic === topic);
		// `questions` are in page order, so cutting them gives the same pages as faqPages().
		return questions.length > 0
			? [{ topic, label: faqTopics[topic], questions, pages: paginate(questions, faqPageSize) }]
			: [];
	});
	const hubOrder = (a: Filled<'docs'>, b: Filled<'docs'>) =>
		(a.data.sidebar.order ?? 99) - (b.data.sidebar.order ?? 99) || a.data.title.localeCompare(b.data.title);
	const guides = Object.fromEntries(
		audiences.map((a) => [a, docs.filter((d) => d.data.audience === a).sort(hubOrder)]),
	) as Record<Audience, Filled<'docs'>[]>;

	troubleshooting.sort((a, b) => a.data.title.localeCompare(b.data.title));
	const troubleshootingFor = Object.fromEntries(
		audiences.map((a) => [a, troubleshooting.filter((t) => t.data.audience === a)]),
	) as Record<Audience, Filled<'troubleshooting'>[]>;

	// Every entry's title and address, as its collection makes them (src/collections.ts).
	const targets = new Map<string, LinkTarget>();
	const pageOfFaq = new Map(placed.map((f) => [f.id, f.page]));
	for (const collection of articleCollectionNames) {
		for (const e of byCollection[collection] as Array<{ id: string; data: { description?: string | undefined } }>) {
			const { title, url } = describe(collection, e, collection === 'faqs' ? pageOfFaq.get(e.id) : undefined);
			targets.set(`${collection}/${e.id}`, { title, url, description: e.data.description });
		}
	}

	// Where each entry is shown, for the preview's problem notes.
	const shownAt = new Map<string, string>();
	for (const [ref, target] of targets) shownAt.set(ref, target.url.replace(/#.*$/, ''));
	const fileToRef = new Map(all.map((e) => [e.filePath ?? `${e.collection}/${e.id}`, `${e.collection}/${e.id}`]));

	return {
		program,
		facts,
		docs,
		faqs: placed,
		faqsByTopic,
		guides,
		troubleshooting,
		troubleshootingFor,
		disclosures: disclosures.sort((a, b) => a.data.title.localeCompare(b.data.title)),
		commission,
		terms: terms.sort((a, b) => +b.data.effectiveDate - +a.data.effectiveDate),
		link(ref) {
			const target = targets.get(ref);
			if (target) return target;
			// The preview marks the broken link where it stands; a build has stopped before this.
			if (previewing) return { title: `Broken link: ${ref}`, url: '#content-problems' };
			const { message, hint } = messages.unresolvedReference(ref);
			throw new AstroError(message, hint);
		},
		problemsAt(pathname) {
			if (!problems.length) return [];
			return problems.filter((p) => shownAt.get(fileToRef.get(p.where.file ?? '') ?? '') === pathname);
		},
	};
}

let cached: Promise<Content> | undefined;

/** The checked content of this build; the first caller loads it, every other caller shares it. */
export function loadContent(): Promise<Content> {
	return (cached ??= load());
}

/** The terms version in force on a day: the newest whose effective date has come. */
export function currentTerms(terms: Content['terms'], on = new Date()) {
	return terms.find((t) => t.data.effectiveDate <= on) ?? terms.at(-1)!;
}
