// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import { factsFrom, factsPlugin, loadProgram } from './src/integrations/facts.ts';
import { sidebar } from './src/navigation.ts';
import { shareImages } from './src/integrations/og-images.ts';

const program = loadProgram(import.meta.url);

export default defineConfig({
	site: process.env.SITE_URL ?? 'https://help.tallwood.example',
	trailingSlash: 'always',
	adapter: node({ mode: 'standalone' }),
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
			pagination: false,
			routeMiddleware: ['./src/route-middleware/share-meta.ts'],
		}),
		mdx(),
		shareImages({ program: program.name }),
	],
});
