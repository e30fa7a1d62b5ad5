import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { loadProgram, programLoader } from './integrations/facts.ts';
import { factsFrom, fillFacts } from './lib/facts.ts';
import { articleCollections, loaderOf, programCollection, type ArticleCollectionName } from './collections.ts';
import { uiStringsSchema } from './i18n/ui-strings.ts';

const root = new URL('../', import.meta.url);
// Every collection's front matter text gets its facts as the entries load: Starlight renders guide
// titles and descriptions itself, and every page then reads entries that are already filled.
const facts = factsFrom(loadProgram(root));
const fill = <T>(data: T) => fillFacts(data, facts);

const { docs, ...others } = articleCollections;

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
};
