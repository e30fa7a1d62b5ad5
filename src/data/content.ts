/**
 * All content, loaded once per build, checked across collections and with
 * program facts filled into front matter text. Pages read content from here.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { checkIntegrity, formatProblems, type EntryLike, type Problem } from '../lib/integrity.ts';
import { factsFrom, fillFacts, type Facts } from '../lib/facts.ts';
import { urls } from '../lib/urls.ts';
import { byQuestion, faqPageSize, faqPages, paginate } from '../lib/pagination.ts';
import { audiences, type Audience } from '../schemas/common.ts';
import { faqTopics, type FaqTopic } from '../schemas/faq.ts';
import type { Program } from '../schemas/program.ts';
import { localeOfPath } from '../i18n/locales.ts';

type Filled<C extends 'faqs' | 'troubleshooting' | 'disclosures' | 'commission' | 'terms'> = CollectionEntry<C>;

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
	docs: CollectionEntry<'docs'>[];
	/** By question, each with the page of its topic that holds it. */
	faqs: PlacedFaq[];
	/** The topics that have questions, in the order of `faqTopics`, with their pages. */
	faqsByTopic: FaqTopicPages[];
	/** Guides written for each audience, in hub order: sidebar order, then title. */
	guides: Record<Audience, CollectionEntry<'docs'>[]>;
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
	const programEntry = await getEntry('program', 'program');
	if (!programEntry) throw new Error('The program facts are missing: src/content/program/program.yaml must exist.');
	const program = programEntry.data;
	const facts = factsFrom(program);
	const fill = <E extends { data: unknown }>(entries: E[]) => entries.map((e) => ({ ...e, data: fillFacts(e.data, facts) }));

	const [docs, faqs, troubleshooting, disclosures, commission, terms] = await Promise.all([
		// Translations (src/content/docs/<locale>/) are Starlight's pages only; lists, links and checks here are the English site's.
		getCollection('docs', ({ id }) => localeOfPath(`/${id}/`) === 'root'),
		getCollection('faqs').then(fill),
		getCollection('troubleshooting').then(fill),
		getCollection('disclosures').then(fill),
		getCollection('commission').then(fill),
		getCollection('terms').then(fill),
	]);

	const all: EntryLike[] = (
		[
			['docs', docs],
			['faqs', faqs],
			['troubleshooting', troubleshooting],
			['disclosures', disclosures],
			['commission', commission],
			['terms', terms],
		] as const
	).flatMap(([collection, entries]) =>
		(entries as Array<{ id: string; filePath?: string; body?: string; data: object }>).map((e) => ({
			collection,
			id: e.id,
			filePath: e.filePath,
			body: e.body,
			data: e.data as Record<string, unknown>,
		})),
	);
	const problems = checkIntegrity(all, facts);
	if (problems.length && !previewing) {
		throw new Error(`Content check failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`);
	}
	if (problems.length) console.warn(`[content] ${problems.length} problem${problems.length === 1 ? '' : 's'}, shown on their pages:\n${formatProblems(problems)}`);

	// Each question's page is worked out once, here; deep links everywhere come from it.
	const pageOf = faqPages(faqs.map((f) => ({ id: f.id, topic: f.data.topic, question: f.data.question })));
	const placed: PlacedFaq[] = faqs.map((f) => ({ ...f, page: pageOf.get(f.id)! })).sort((a, b) => byQuestion({ id: a.id, question: a.data.question }, { id: b.id, question: b.data.question }));
	const faqsByTopic = (Object.keys(faqTopics) as FaqTopic[]).flatMap((topic) => {
		const questions = placed.filter((f) => f.data.topic === topic);
		// `questions` are in page order, so cutting them gives the same pages as faqPages().
		return questions.length > 0 ? [{ topic, label: faqTopics[topic], questions, pages: paginate(questions, faqPageSize) }] : [];
	});
	const hubOrder = (a: CollectionEntry<'docs'>, b: CollectionEntry<'docs'>) => (a.data.sidebar.order ?? 99) - (b.data.sidebar.order ?? 99) || a.data.title.localeCompare(b.data.title);
	const guides = Object.fromEntries(audiences.map((a) => [a, docs.filter((d) => d.data.audience === a).sort(hubOrder)])) as Record<Audience, CollectionEntry<'docs'>[]>;

	troubleshooting.sort((a, b) => a.data.title.localeCompare(b.data.title));
	const troubleshootingFor = Object.fromEntries(audiences.map((a) => [a, troubleshooting.filter((t) => t.data.audience === a)])) as Record<Audience, Filled<'troubleshooting'>[]>;

	const targets = new Map<string, LinkTarget>();
	for (const d of docs) targets.set(`docs/${d.id}`, { title: d.data.title, url: urls.doc(d.id), description: d.data.description });
	for (const f of placed) targets.set(`faqs/${f.id}`, { title: f.data.question, url: urls.faq(f.data.topic, f.id, f.page), description: f.data.description });
	for (const t of troubleshooting) targets.set(`troubleshooting/${t.id}`, { title: t.data.title, url: urls.troubleshooting(t.id), description: t.data.description });
	for (const d of disclosures) targets.set(`disclosures/${d.id}`, { title: d.data.title, url: urls.disclosure(d.data.channel), description: d.data.description });
	for (const c of commission) targets.set(`commission/${c.id}`, { title: c.data.title, url: urls.commission(c.data.offer), description: c.data.description });
	for (const t of terms) targets.set(`terms/${t.id}`, { title: `${t.data.title} ${t.data.version}`, url: urls.terms(t.data.version), description: t.data.description });

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
			throw new Error(`Unresolved reference "${ref}".`);
		},
		problemsAt(pathname) {
			if (!problems.length) return [];
			return problems.filter((p) => shownAt.get(fileToRef.get(p.file) ?? '') === pathname);
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
