// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import { factsFrom, factsPlugin, loadProgram } from './src/integrations/facts.ts';
import { sidebar } from './src/navigation.ts';
import { feedbackBoot } from './src/integrations/feedback-boot.ts';

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
			customCss: ['./src/styles/custom.css'],
			lastUpdated: true,
			pagination: false,
			// "Was this page helpful?" on every article.
			components: { Footer: './src/components/Footer.astro' },
		}),
		mdx(),
		feedbackBoot(),
	],
});
