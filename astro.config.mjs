// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { factsFrom, factsPlugin, loadProgram } from './src/integrations/facts.ts';
import { sidebar } from './src/navigation.ts';
import { editBaseUrl } from './src/integrations/repository.ts';
import { searchRanking } from './src/lib/search-ranking.ts';
import { feedbackBoot } from './src/integrations/feedback-boot.ts';
import { staticMethods } from './src/integrations/static-methods.ts';
import { shareImages } from './src/integrations/og-images.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { buildDate } from './src/data/build-date.ts';
import { termsInForce } from './src/lib/tools/terms-on-date.ts';

const program = loadProgram(import.meta.url);

// The terms version in force is served at /terms/ too, and its own page points there (canonical): the sitemap lists /terms/ only.
const termsDir = new URL('./src/content/terms/', import.meta.url);
const termsVersions = readdirSync(termsDir)
	.filter((f) => f.endsWith('.md'))
	.map((f) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, termsDir), 'utf8'))?.[1] ?? '{}'))
	.map((t) => ({ version: String(t.version), effectiveDate: new Date(`${String(t.effectiveDate instanceof Date ? t.effectiveDate.toISOString().slice(0, 10) : t.effectiveDate)}T00:00:00Z`) }));
const currentTermsPath = (() => {
	// Before the first version takes effect, /terms/ shows the first.
	const current = termsInForce(termsVersions, buildDate) ?? [...termsVersions].sort((a, b) => +a.effectiveDate - +b.effectiveDate)[0];
	return current ? `/terms/${current.version.replace('.', '-')}/` : undefined;
})();

export default defineConfig({
	site: process.env.SITE_URL ?? 'https://help.tallwood.example',
	trailingSlash: 'always',
	adapter: node({ mode: 'standalone' }),
	// The feedback endpoint checks Origin/Sec-Fetch-Site itself, against the public SITE_URL too, and answers in JSON.
	security: { checkOrigin: false },
	server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
	markdown: {
		processor: satteri({ features: { directive: true }, mdastPlugins: [factsPlugin(factsFrom(program))] }),
	},
	integrations: [
		starlight({
			title: `${program.name} Help`,
			description: `Answers for ${program.name} affiliates, their customers and advertisers: commissions, payments, tracking, refunds and disclosure rules.`,
			sidebar,
			customCss: ['./src/styles/custom.css'],
			lastUpdated: true,
			editLink: { baseUrl: editBaseUrl },
			pagination: false,
			// Search filters (audience, content type) on every page; one ranking for the modal and /search/.
			// Share-image and feed tags in every page's head.
			routeMiddleware: ['./src/route-middleware/search-filters.ts', './src/route-middleware/share-meta.ts'],
			pagefind: { ranking: searchRanking },
			components: {
				// The search modal offers the search page and the ask form, with the query, under its results.
				Search: './src/components/Search.astro',
				// "Was this page helpful?" on every article.
				Footer: './src/components/Footer.astro',
			},
		}),
		mdx(),
		// Starlight adds a sitemap of its own unless one is configured: this one leaves out pages
		// rendered on demand for one visitor (the thank-you page), which have nothing to index, and the
		// current terms version's own address, whose page is /terms/.
		sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/ask/thanks/') && new URL(page).pathname !== currentTermsPath }),
		feedbackBoot(),
		// Static files answer GET and HEAD; other methods go straight to the on-demand routes.
		staticMethods(),
		shareImages({ program: program.name }),
	],
});
