import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z as zod } from 'astro/zod';
import { loadProgram, programLoader } from './integrations/facts.ts';
import { factsFrom, fillFacts } from './lib/facts.ts';
import {
	articleCollections,
	loaderOf,
	programCollection,
	translatedCollectionNames,
	translationCollectionName,
	translationLoaderOf,
	type ArticleCollectionName,
} from './collections.ts';
import { prefixedLocales } from './i18n/locales.ts';
import { localeFactsFrom } from './i18n/facts.ts';
import { uiStringsSchema } from './i18n/ui-strings.ts';

const root = new URL('../', import.meta.url);
// Every collection's front matter text gets its facts as the entries load: Starlight renders guide
// titles and descriptions itself, and every page then reads entries that are already filled.
const program = loadProgram(root);
const facts = factsFrom(program);
const fill = <T>(data: T) => fillFacts(data, facts);

const { docs, ...others } = articleCollections;

/**
 * A collection's translations into one language (src/content/faqs/de/…, as "faqs-de"): held to the
 * English schema, with `translatedFrom` (the source's hash, which the content check compares) set
 * aside, and their front matter filled with the language's facts ("50 $").
 */
const translationCollections = Object.fromEntries(
	prefixedLocales.flatMap((locale) => {
		const localFacts = localeFactsFrom(program, locale);
		return translatedCollectionNames.map((name) => [
			translationCollectionName(name, locale),
			defineCollection({
				loader: translationLoaderOf(name, locale),
				schema: zod
					.preprocess((raw) => {
						if (!raw || typeof raw !== 'object') return raw;
						const { translatedFrom: _source, ...rest } = raw as Record<string, unknown>;
						return rest;
					}, articleCollections[name].schema as z.ZodType)
					.transform((data) => fillFacts(data, localFacts)),
			}),
		]);
	}),
) as unknown as {
	[C in keyof typeof others as `${C}-${(typeof prefixedLocales)[number]}`]: {
		loader: Loader;
		schema: (typeof others)[C]['schema'];
	};
};

export const collections = {
	docs: defineCollection({
		loader: loaderOf('docs'),
		schema: (context) =>
			docsSchema({ extend: docs.starlightExtension! })(context).transform((data) => fillFacts(data, facts)),
	}),
	// Our wording of Starlight's interface text (e.g. "Edit this page") and our components' own texts, per language.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	[programCollection.name]: defineCollection({ loader: programLoader(root), schema: programCollection.schema }),
	...(Object.fromEntries(
		Object.entries(others).map(([name, c]) => [
			name,
			defineCollection({
				loader: loaderOf(name as ArticleCollectionName),
				schema: (c.schema as z.ZodType).transform(fill),
			}),
		]),
	) as unknown as {
		[C in keyof typeof others]: { loader: Loader; schema: (typeof others)[C]['schema'] };
	}),
	...translationCollections,
};
