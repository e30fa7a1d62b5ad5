// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { factsFrom, factsPlugin, loadProgram } from './src/integrations/facts.ts';
import { sidebar } from './src/navigation.ts';
import { cspDirectives } from './src/server/security-headers.ts';
import { editBaseUrl } from './src/integrations/repository.ts';
import { searchRanking } from './src/lib/search-ranking.ts';
import { precompress } from './src/integrations/precompress.ts';
import { devFeedback } from './src/integrations/dev-feedback.ts';
import { inlineScriptHashes } from './src/integrations/inline-hashes.ts';
import { shareImages } from './src/integrations/og-images.ts';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collection } from './src/collections.ts';
import { urls } from './src/lib/urls.ts';
import { readCollection } from './scripts/writers/lib/content-files.ts';
import { buildDate } from './src/data/build-date.ts';
import { termsInForce } from './src/lib/tools/terms-on-date.ts';
import { locales, sitemapI18n, unlocalizedPath } from './src/i18n/locales.ts';
import { localizedFactsPlugin } from './src/i18n/facts.ts';

const program = loadProgram(import.meta.url);

// The terms version in force is served at /terms/ too, and its own page points there (canonical): the sitemap lists /terms/ only.
// The terms files are read as the content check reads them, through the collection's own loader (src/collections.ts);
// one that fails its schema is left out here, and the content sync stops the build on it with its file and field.
const termsVersions = (await readCollection(dirname(fileURLToPath(import.meta.url)), 'terms')).flatMap((file) => {
	const parsed = collection('terms').schema.safeParse(file.raw);
	return parsed.success ? [parsed.data] : [];
});
const currentTermsPath = (() => {
	// Before the first version takes effect, /terms/ shows the first.
	const current =
		termsInForce(termsVersions, buildDate) ?? [...termsVersions].sort((a, b) => +a.effectiveDate - +b.effectiveDate)[0];
	return current ? urls.terms(current.version) : undefined;
})();

export default defineConfig({
	site: process.env.SITE_URL ?? 'https://help.tallwood.example',
	trailingSlash: 'always',
	// Middleware mode: src/server/main.ts is the server. It answers the feedback API and static files itself and
	// hands the rest to Astro; staticHeaders makes each prerendered page's CSP a header (dist/_headers.json).
	adapter: node({ mode: 'middleware', staticHeaders: true }),
	// No on-demand image service: the site's images are made at build time, and /_image/ would let anyone spend CPU.
	image: { endpoint: { route: '/_image', entrypoint: './src/integrations/no-image-endpoint.ts' } },
	security: {
		// The feedback endpoint checks Origin/Sec-Fetch-Site itself, against the public SITE_URL too, and answers in JSON.
		checkOrigin: false,
		// Astro hashes the scripts and styles it bundles into each page's policy; inlineScriptHashes() below adds
		// those written inline, so every page's policy matches what it holds, whoever wrote it.
		csp: {
			directives: [...cspDirectives],
			// Pagefind's search runs as WebAssembly.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			// Starlight sets custom properties in style attributes (icon sizes, sidebar depth).
			styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
		},
	},
	server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
	markdown: {
		processor: satteri({
			features: { directive: true },
			mdastPlugins: [localizedFactsPlugin(program), factsPlugin(factsFrom(program))],
		}),
	},
	integrations: [
		starlight({
			title: `${program.name} Help`,
			description: `Answers for ${program.name} affiliates, their customers and advertisers: commissions, payments, tracking, refunds and disclosure rules.`,
			sidebar,
			// English at the root (its addresses unchanged), German under /de/; a docs page without a German
			// translation is served there in English with Starlight's "not yet translated" notice.
			defaultLocale: 'root',
			locales,
			// The program's look (typeface, colours, type scale) lives in src/styles/theme.css, its logo beside it.
			logo: { src: './src/styles/logo.svg', alt: '' },
			customCss: ['./src/styles/theme.css', './src/styles/custom.css'],
			lastUpdated: true,
			editLink: { baseUrl: editBaseUrl },
			pagination: false,
			// Search filters (audience, content type) on every page; one ranking for the modal and /search/.
			// Share-image and feed tags in every page's head; in dev, a broken entry's problems on its own page.
			routeMiddleware: [
				'./src/i18n/route-middleware.ts',
				'./src/route-middleware/search-filters.ts',
				'./src/route-middleware/share-meta.ts',
				'./src/route-middleware/content-problems.ts',
			],
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
				// The language choice leads to the page in that language where one exists, else to that language's home.
				LanguageSelect: './src/i18n/LanguageSelect.astro',
			},
		}),
		mdx(),
		// Starlight adds a sitemap of its own unless one is configured: this one leaves out pages
		// rendered on demand for one visitor (the thank-you page, the support dashboard), which have nothing
		// to index, and the current terms version's own address, whose page is /terms/.
		// `i18n` gives each page its language alternates, as Starlight's own sitemap would.
		sitemap({
			i18n: sitemapI18n,
			// In every language: /de/terms/<current>/ is the German /de/terms/'s own address.
			filter: (page) => {
				const path = unlocalizedPath(new URL(page).pathname);
				return !/^\/(ask\/thanks|support)\//.test(path) && path !== currentTermsPath;
			},
		}),
		shareImages(),
		// Hashes of the scripts and styles written inline (Starlight's theme script among them) into each page's policy.
		inlineScriptHashes(),
		// The feedback API under `astro dev` (the built server answers it in src/server/main.ts).
		devFeedback(),
		// Last, once every other integration has written its files: brotli and gzip copies for the server to send.
		precompress(),
	],
});
