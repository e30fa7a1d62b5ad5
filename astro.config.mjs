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

const program = loadProgram(import.meta.url);

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
			// The program's look (typeface, colours, type scale) lives in src/styles/theme.css, its logo beside it.
			logo: { src: './src/styles/logo.svg', alt: '' },
			customCss: ['./src/styles/theme.css', './src/styles/custom.css'],
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
				// "Contact support" beside the search on every page.
				Header: './src/components/Header.astro',
				// The reader's audience first and open in the sidebar.
				Sidebar: './src/components/Sidebar.astro',
				// No canonical address on the 404 page, which answers every unknown address.
				Head: './src/components/Head.astro',
			},
		}),
		mdx(),
		// Starlight adds a sitemap of its own unless one is configured: this one leaves out pages
		// rendered on demand for one visitor (the thank-you page), which have nothing to index.
		sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/ask/thanks/') }),
		feedbackBoot(),
		// Static files answer GET and HEAD; other methods go straight to the on-demand routes.
		staticMethods(),
		shareImages({ program: program.name }),
	],
});
