/**
 * Prints what a browser downloads for one page of each kind in the built site:
 * HTML, CSS and the JavaScript that runs on load, raw and gzipped.
 * Usage: npm run build && npm run bench:weight
 */
import { resolve } from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { weighPage } from './weigh-page.ts';
import { pageTypes } from '../lib/page-types.ts';

const clientDir = resolve('dist/client');
if (!existsSync(clientDir)) {
	console.error('No built site in dist/client: run `npm run build` first.');
	process.exit(1);
}
// The prerendered page of each kind (search, thank-you, 404 and tool answer pages are weighed by bench:pages), and the longest guide.
const pages = {
	...Object.fromEntries(
		Object.entries(pageTypes).filter(([kind]) => !['search', 'ask', 'thank-you', '404', 'tool-answer'].includes(kind)),
	),
	glossary: '/glossary/',
};
const kb = (n: number) => (n / 1024).toFixed(1);
const rows = Object.entries(pages).map(([kind, path]) => ({ kind, ...weighPage(clientDir, path) }));
console.log('page            path                                   HTML KB (gz)   CSS KB (gz)   JS KB (gz)  JS files');
for (const r of rows) {
	console.log(
		`${r.kind.padEnd(15)} ${r.path.padEnd(38)} ${kb(r.html.raw).padStart(6)} (${kb(r.html.gzip).padStart(5)})  ${kb(r.css.raw).padStart(6)} (${kb(r.css.gzip).padStart(5)})  ${kb(r.js.raw).padStart(6)} (${kb(r.js.gzip).padStart(5)})  ${r.js.files}`,
	);
}
const walk = (dir: string): string[] =>
	readdirSync(dir).flatMap((f) => (statSync(`${dir}/${f}`).isDirectory() ? walk(`${dir}/${f}`) : [`${dir}/${f}`]));
const files = walk(clientDir);
const html = files.filter((f) => f.endsWith('.html'));
const total = (list: string[]) => list.reduce((n, f) => n + statSync(f).size, 0);
console.log(
	`\n${html.length} HTML pages, ${kb(total(html))} KB of HTML in all; ${kb(total(files.filter((f) => f.endsWith('.js'))))} KB of JS files and ${kb(total(files.filter((f) => f.endsWith('.css'))))} KB of CSS files in dist/client.`,
);
