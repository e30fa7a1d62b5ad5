/**
 * Builds the smallest Starlight site (one article page, no customisation) with the project's own
 * Astro and Starlight, as the yardstick for the JavaScript budget: an article of this site may ship
 * no more JavaScript than bare Starlight plus a fixed allowance.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTypes } from '../lib/page-types.ts';

/** The bare site's files: Starlight's default config, its docs collection and one article. */
const files: Record<string, string> = {
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({ integrations: [starlight({ title: 'Bare Starlight' })] });
`,
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	'src/content/docs/article.md': `---
title: An article
description: One page of a Starlight site with nothing added.
---

## A section

Some text, a [link](https://example.com/) and a list:

- one
- two
`,
};

/**
 * Writes the bare site under `root` (inside the project, so that packages resolve from its
 * node_modules), builds it, and returns the built static directory. Throws with Astro's output on failure.
 */
export async function buildBareStarlight(projectRoot: string, root: string): Promise<string> {
	rmSync(root, { recursive: true, force: true });
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(join(root, file, '..'), { recursive: true });
		writeFileSync(join(root, file), text);
	}
	await new Promise<string>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root],
			{
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			},
		);
		let log = '';
		child.stdout.on('data', (d) => (log += d));
		child.stderr.on('data', (d) => (log += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(log)
				: reject(new Error(`Building bare Starlight in ${root} failed (exit ${code}):\n${log}`)),
		);
	});
	return join(root, 'dist');
}

/** URL path of the bare site's article page. */
export const bareArticlePath = '/article/';

/** Gzipped JavaScript an article may ship beyond bare Starlight's: 10 KB. */
export const jsAllowanceGzip = 10 * 1024;

/** The article pages the JavaScript budget applies to: one page of each article kind. */
export const articlePages = {
	guide: pageTypes.guide,
	faq: pageTypes.faq,
	troubleshooting: pageTypes.troubleshooting,
	terms: pageTypes.terms,
	commission: pageTypes.commission,
	disclosure: pageTypes.disclosure,
} as const;
