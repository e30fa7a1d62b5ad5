/**
 * Starts a new entry with valid front matter, in the right folder, under a slug made from its title.
 * Usage: npm run new -- <type> "<title>" [--audience A] [--topic T] [--channel C] [--owner O]
 *        [--description D] [--rate N] [--version X.Y] [--effective YYYY-MM-DD] [--today YYYY-MM-DD] [--root DIR]
 * Types: guide, faq, troubleshooting, disclosure, commission, terms. Refuses a slug or title that exists.
 *
 * Translation: npm run new -- --locale de <type> <id> [--root DIR] copies the English entry <id>
 * (e.g. faq payout-threshold, guide affiliates/onboarding/payments) to src/content/<folder>/de/…,
 * records its source's hash and marks every text to translate TODO.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readContent, readProgram } from './lib/content-files.ts';
import { planEntry, planTranslation, NewEntryError, type EntryPlan } from './lib/new-entry.ts';

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
		locale: { type: 'string' },
	},
});

const root = resolve(values.root!);
const write = (plan: EntryPlan) => {
	const file = join(root, plan.path);
	if (existsSync(file))
		throw new NewEntryError(`${plan.path} already exists.`, 'Choose another title, or edit the existing file.');
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, plan.text, { flag: 'wx' });
	console.log(`Created ${plan.path}\n`);
};
try {
	if (values.locale !== undefined) {
		const [type = '', id = ''] = positionals;
		// Options for a new English entry; --today and --root apply to both.
		const others = Object.entries(values)
			.filter(([k, v]) => v !== undefined && !['root', 'today', 'locale'].includes(k))
			.map(([k]) => k);
		const plan = planTranslation(
			{ locale: values.locale, type, id, others },
			await readContent(root),
			(path) => readFileSync(join(root, path)),
			(path) => existsSync(join(root, path)),
		);
		write(plan);
		console.log(
			`Next:\n  1. Translate every TODO in it, and the body below the TODO line (CONTRIBUTING.md, "Translate").\n  2. npm run check:content   — lists what is still untranslated, with line numbers.\n  3. npm run dev             — preview at http://127.0.0.1:4321${plan.url}\n  4. If the English file changes before you finish, bring the translation up to date, then\n     npm run translations -- --mark ${plan.path}`,
		);
	} else {
		const [type = '', title = ''] = positionals;
		const plan = planEntry(
			{ ...values, type, title, today: values.today ?? new Date().toISOString().slice(0, 10) },
			await readContent(root),
			readProgram(root).result.data,
		);
		write(plan);
		console.log(
			`Next:\n  1. Replace every TODO in it (CONTRIBUTING.md explains each field).\n  2. npm run check:content   — lists what is still missing, with line numbers.\n  3. npm run dev             — preview at http://127.0.0.1:4321${plan.url}\n  4. npm test                — everything CI runs.`,
		);
	}
} catch (error) {
	if (!(error instanceof NewEntryError)) throw error;
	console.error(`error: ${error.message}\n    hint: ${error.hint}`);
	process.exitCode = 1;
}
