/**
 * Checks every article beyond what a build checks one file at a time:
 * schemas, references between articles, program facts, translations behind their English source.
 * It ends with how many entries of each collection are not yet translated, as information.
 * Usage: npm run check:content [-- --root DIR] [-- --today YYYY-MM-DD]
 * Reviews are aged against --today, else BUILD_DATE, else the current day.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { annotation, checkContent, formatFinding } from './lib/check.ts';
import { translationsOf, untranslatedSummary } from './lib/translation-check.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, today: { type: 'string' } } });
const day = values.today ?? process.env['BUILD_DATE'];
if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
	console.error(`--today and BUILD_DATE must be a date written YYYY-MM-DD, received "${day}".`);
	process.exit(2);
}
const started = performance.now();
const findings = await checkContent(resolve(values.root!), day ? { today: new Date(`${day}T00:00:00Z`) } : {});
for (const finding of findings) console.log(formatFinding(finding));
// In GitHub Actions, also as annotations, so that each finding shows on its line in the pull request.
if (process.env['GITHUB_ACTIONS'] === 'true') for (const finding of findings) console.log(annotation(finding));
// Untranslated entries fall back to English on the site: worth knowing, not an error.
console.log(`\n${untranslatedSummary(translationsOf(resolve(values.root!))).join('\n')}`);
const errors = findings.filter((f) => f.severity === 'error').length;
const warnings = findings.length - errors;
console.log(
	`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${Math.round(performance.now() - started)} ms)`,
);
process.exitCode = errors ? 1 : 0;
