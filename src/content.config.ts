import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { programSchema } from './schemas/program.ts';
import { faqSchema } from './schemas/faq.ts';
import { termsSchema } from './schemas/terms.ts';
import { commissionSchema } from './schemas/commission.ts';
import { disclosureSchema } from './schemas/disclosure.ts';
import { troubleshootingSchema } from './schemas/troubleshooting.ts';
import { docsExtension } from './schemas/docs.ts';
import { parse as parseYaml } from 'yaml';
import { loadProgram } from './integrations/facts.ts';
import { factsFrom, fillFacts } from './lib/facts.ts';
import { uiStringsSchema } from './i18n/ui-strings.ts';

// Starlight renders guide titles and descriptions itself, so facts are filled in as the entries load.
const facts = factsFrom(loadProgram(new URL('../', import.meta.url)));

const markdown = (folder: string) => glob({ pattern: '**/[^_]*.{md,mdx}', base: `./src/content/${folder}` });

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: (context) => docsSchema({ extend: docsExtension })(context).transform((data) => fillFacts(data, facts)),
	}),
	// Our wording of Starlight's interface text (e.g. "Edit this page") and our components' own texts, per language.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	program: defineCollection({ loader: file('./src/content/program/program.yaml', {
			// The file is one object, written for people; the collection holds it as the single entry `program`.
			parser: (text) => ({ program: parseYaml(text) }),
		}), schema: programSchema }),
	faqs: defineCollection({ loader: markdown('faqs'), schema: faqSchema }),
	terms: defineCollection({ loader: markdown('terms'), schema: termsSchema }),
	commission: defineCollection({
		loader: glob({ pattern: '**/[^_]*.yaml', base: './src/content/commission' }),
		schema: commissionSchema,
	}),
	disclosures: defineCollection({ loader: markdown('disclosures'), schema: disclosureSchema }),
	troubleshooting: defineCollection({ loader: markdown('troubleshooting'), schema: troubleshootingSchema }),
};
