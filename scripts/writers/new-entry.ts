/**
 * Starts a new entry with valid front matter, in the right folder, under a slug made from its title.
 * Usage: npm run new -- <type> "<title>" [--audience A] [--topic T] [--channel C] [--owner O]
 *        [--description D] [--rate N] [--version X.Y] [--effective YYYY-MM-DD] [--today YYYY-MM-DD] [--root DIR]
 * Types: guide, faq, troubleshooting, disclosure, commission, terms. Refuses a slug or title that exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readContent, readProgram } from './lib/content-files.ts';
import { planEntry, NewEntryError } from './lib/new-entry.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		root: { type: 'string', default: '.' },
		today: { type: 'string' },
		audience: { type: 'string' },
		topic: { type: 'string' },
		channel: { type: 'string' },
		owner: { type: 'string' },
		description: { type: 'string' },
		rate: { type: 'string' },
		version: { type: 'string' },
		effective: { type: 'string' },
	},
});

const root = resolve(values.root!);
try {
	const [type = '', title = ''] = positionals;
	const plan = planEntry(
		{ ...values, type, title, today: values.today ?? new Date().toISOString().slice(0, 10) },
		await readContent(root),
		readProgram(root).result.data,
	);
	const file = join(root, plan.path);
	if (existsSync(file))
		throw new NewEntryError(`${plan.path} already exists.`, 'Choose another title, or edit the existing file.');
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, plan.text, { flag: 'wx' });
	console.log(`Created ${plan.path}\n`);
	console.log(
		`Next:\n  1. Replace every TODO in it (CONTRIBUTING.md explains each field).\n  2. npm run check:content   — lists what is still missing, with line numbers.\n  3. npm run dev             — preview at http://127.0.0.1:4321${plan.url}\n  4. npm test                — everything CI runs.`,
	);
} catch (error) {
	if (!(error instanceof NewEntryError)) throw error;
	console.error(`error: ${error.message}\n    hint: ${error.hint}`);
	process.exitCode = 1;
}
