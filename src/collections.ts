/**
 * Every content collection, in one place: where its files are, which schema checks them, how an
 * entry's address is made and which pages list it. The content config, the site's content
 * (src/data/content.ts), the content check, the field reference and `npm run new` read it.
 * Adding a collection means one entry here plus the pages that show it.
 */
import type { z } from 'astro/zod';
import { existsSync } from 'node:fs';
import { glob, type Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { prefixedLocales } from './i18n/locales.ts';
import { urls } from './lib/urls.ts';
import type { Audience } from './schemas/common.ts';
import { docsExtension, docsLiteSchema } from './schemas/docs.ts';
import { faqSchema } from './schemas/faq.ts';
import { troubleshootingSchema } from './schemas/troubleshooting.ts';
import { disclosureSchema } from './schemas/disclosure.ts';
import { commissionSchema } from './schemas/commission.ts';
import { termsSchema } from './schemas/terms.ts';
import { programSchema } from './schemas/program.ts';

const markdown = ['.md', '.mdx'] as const;

/** An entry as a collection's functions see it: its id and its validated data. */
export interface EntryOf<S extends z.ZodType> {
	id: string;
	data: z.output<S>;
}

/** What the field reference in CONTRIBUTING.md says about a collection. */
export interface Reference {
	heading: string;
	/** Where its files are, as a glob a writer reads. */
	files: string;
	/** How to start an entry. */
	command: string;
	/** The schema's file under src/schemas/, whose doc comments explain the fields. */
	source: string;
	note?: string;
}

/** A collection of articles: entries shown on pages of their own or on their collection's pages. */
export interface ArticleCollection<S extends z.ZodType = z.ZodType> {
	/** Folder under src/content/. */
	folder: string;
	extensions: readonly string[];
	/** What an entry is checked against; for guides, the part of Starlight's front matter we check outside a build. */
	schema: S;
	/** Guides: the fields we add to Starlight's schema, which the build uses in full. */
	starlightExtension?: typeof docsExtension;
	/** The field that holds the entry's title. */
	titleField: 'title' | 'question';
	/** The title a link to the entry shows. */
	title(entry: EntryOf<S>): string;
	/** The entry's address; a question's also needs the page of its topic that holds it. */
	url(entry: EntryOf<S>, page?: number): string;
	/**
	 * The page that lists the entry, where a page lists every entry of the collection (or of its
	 * audience) without a writer linking it; undefined when only links lead to it. The pages'
	 * own links are checked on the built site (tests/integration/links.test.ts).
	 */
	listedOn(entry: EntryOf<S>): string | undefined;
	/** Entries say which audience they are written for. */
	hasAudience: boolean;
	/** Held to stewardship (description, owner, review date) by default. */
	stewarded: boolean;
	/** `npm run new -- <type>` starts one. */
	entryType: string;
	reference: Reference;
}

const article = <S extends z.ZodType, const T extends string>(c: ArticleCollection<S> & { entryType: T }) => c;
const page = (url: string) => url.replace(/#.*$/, '');

/** The collections of articles, in the order the field reference and the content check list them. */
export const articleCollections = {
	docs: article({
		folder: 'docs',
		extensions: markdown,
		schema: docsLiteSchema,
		starlightExtension: docsExtension,
		titleField: 'title',
		title: (e) => e.data.title,
		url: (e) => urls.doc(e.id),
		// Each audience's full list of guides; its hub links it.
		listedOn: (e) => (e.data.audience ? urls.guideList(e.data.audience as Audience) : undefined),
		hasAudience: true,
		stewarded: true,
		entryType: 'guide',
		reference: {
			heading: 'Guides and hub pages',
			files: 'src/content/docs/**/*.mdx',
			command: 'npm run new -- guide "Title" --audience affiliate',
			source: 'docs.ts',
			note: "Guides also accept Starlight's own front matter (`sidebar`, `template`, `hero`, `tableOfContents`…), documented at starlight.astro.build under Frontmatter reference.",
		},
	}),
	faqs: article({
		folder: 'faqs',
		extensions: markdown,
		schema: faqSchema,
		titleField: 'question',
		title: (e) => e.data.question,
		url: (e, n = 1) => urls.faq(e.data.topic, e.id, n),
		// /faq/ links each topic's first page, and each page the next.
		listedOn: () => '/faq/',
		hasAudience: true,
		stewarded: true,
		entryType: 'faq',
		reference: {
			heading: 'FAQ entries',
			files: 'src/content/faqs/*.md',
			command: 'npm run new -- faq "Question?" --topic payments',
			source: 'faq.ts',
		},
	}),
	troubleshooting: article({
		folder: 'troubleshooting',
		extensions: markdown,
		schema: troubleshootingSchema,
		titleField: 'title',
		title: (e) => e.data.title,
		url: (e) => urls.troubleshooting(e.id),
		listedOn: (e) => urls.troubleshootingList(e.data.audience),
		hasAudience: true,
		stewarded: true,
		entryType: 'troubleshooting',
		reference: {
			heading: 'Troubleshooting guides',
			files: 'src/content/troubleshooting/*.md',
			command: 'npm run new -- troubleshooting "What the reader sees"',
			source: 'troubleshooting.ts',
		},
	}),
	disclosures: article({
		folder: 'disclosures',
		extensions: markdown,
		schema: disclosureSchema,
		titleField: 'title',
		title: (e) => e.data.title,
		url: (e) => urls.disclosure(e.data.channel),
		listedOn: () => '/disclosures/',
		hasAudience: false,
		stewarded: true,
		entryType: 'disclosure',
		reference: {
			heading: 'Disclosure rules',
			files: 'src/content/disclosures/*.md',
			command: 'npm run new -- disclosure "Title" --channel blog',
			source: 'disclosure.ts',
		},
	}),
	commission: article({
		folder: 'commission',
		extensions: ['.yaml', '.yml'],
		schema: commissionSchema,
		titleField: 'title',
		title: (e) => e.data.title,
		url: (e) => urls.commission(e.data.offer),
		// Every rule is a section of /commission/.
		listedOn: (e) => page(urls.commission(e.data.offer)),
		hasAudience: false,
		stewarded: true,
		entryType: 'commission',
		reference: {
			heading: 'Commission rules',
			files: 'src/content/commission/*.yaml',
			command: 'npm run new -- commission "Offer name" --rate 8',
			source: 'commission.ts',
		},
	}),
	terms: article({
		folder: 'terms',
		extensions: markdown,
		schema: termsSchema,
		titleField: 'title',
		title: (e) => `${e.data.title} ${e.data.version}`,
		url: (e) => urls.terms(e.data.version),
		listedOn: () => urls.termsCurrent(),
		hasAudience: false,
		// A version of the terms is a dated legal record, not an article that is re-reviewed.
		stewarded: false,
		entryType: 'terms',
		reference: {
			heading: 'Program terms (one file per version)',
			files: 'src/content/terms/*.md',
			command: 'npm run new -- terms "Program terms"',
			source: 'terms.ts',
		},
	}),
};

/** The program's facts: one YAML file, one entry. */
export const programCollection = {
	name: 'program',
	file: 'src/content/program/program.yaml',
	schema: programSchema,
	reference: {
		heading: 'Program facts',
		files: 'src/content/program/program.yaml',
		command: '(one file; edit it)',
		source: 'program.ts',
	},
} as const;

export type ArticleCollectionName = keyof typeof articleCollections;
/** The kinds of entry `npm run new` starts: guide, faq, … */
export type EntryType = (typeof articleCollections)[ArticleCollectionName]['entryType'];
export const articleCollectionNames = Object.keys(articleCollections) as [
	ArticleCollectionName,
	...ArticleCollectionName[],
];

/** One collection's definition, by name, with its own schema's types. */
export const collection = <C extends ArticleCollectionName>(name: C): (typeof articleCollections)[C] =>
	articleCollections[name];

/** Whether a name is one of the article collections (as `related` references write it). */
export const isArticleCollection = (name: string): name is ArticleCollectionName =>
	Object.hasOwn(articleCollections, name);

/** The collections whose entries are held to stewardship by default. */
export const stewardedCollections = articleCollectionNames.filter((c) => articleCollections[c].stewarded);

/** Collections whose entries are written for one audience. */
export const audienceCollections = articleCollectionNames.filter((c) => articleCollections[c].hasAudience);

/** A collection's entries' title, address and listing page, for code that holds entries of any collection. */
export function describe(name: ArticleCollectionName, entry: { id: string; data: unknown }, faqPage?: number) {
	const c = articleCollections[name] as unknown as ArticleCollection<z.ZodType>;
	const e = entry as EntryOf<z.ZodType>;
	return { title: c.title(e), url: c.url(e, faqPage), listedOn: c.listedOn(e) };
}

/**
 * The loader of a collection: Starlight's for guides, Astro's glob loader over the folder and
 * extensions for the others, files starting with "_" left out, and so are translations
 * (`<folder>/<locale>/…`, e.g. src/content/faqs/de/return-item.md): this loader gives the English
 * entries. The build and the content check both load with it, so they see the same files under
 * the same ids (`slug` in front matter included).
 */
export function loaderOf(name: ArticleCollectionName): Loader {
	const c: ArticleCollection = articleCollections[name] as unknown as ArticleCollection;
	if (c.starlightExtension) return docsLoader();
	return glob({
		pattern: [
			`**/[^_]*.{${c.extensions.map((e) => e.slice(1)).join(',')}}`,
			...prefixedLocales.map((locale) => `!${locale}/**`),
		],
		base: `./src/content/${c.folder}`,
	});
}

/** The collections whose translations load as collections of their own: every one but the guides, which Starlight localises. */
export const translatedCollectionNames = articleCollectionNames.filter(
	(name) => !articleCollections[name].starlightExtension,
) as Exclude<ArticleCollectionName, 'docs'>[];

/** The name of a collection's translations into a language: "faqs-de". */
export const translationCollectionName = <C extends ArticleCollectionName, L extends string>(name: C, locale: L) =>
	`${name}-${locale}` as const;

/**
 * The loader of a collection's translations into one language: the same files and ids as the
 * English loader, from the language's folder (src/content/faqs/de/return-item.md is the German
 * "return-item"), so an entry and its translation share their id.
 */
export function translationLoaderOf(name: ArticleCollectionName, locale: string): Loader {
	const c: ArticleCollection = articleCollections[name] as unknown as ArticleCollection;
	// A collection nothing is translated from yet has no folder for the language: no entries, and no warning about it.
	if (!existsSync(new URL(`./content/${c.folder}/${locale}/`, import.meta.url)))
		return { name: 'no-translations', load: async () => {} };
	return glob({
		pattern: `**/[^_]*.{${c.extensions.map((e) => e.slice(1)).join(',')}}`,
		base: `./src/content/${c.folder}/${locale}`,
	});
}
