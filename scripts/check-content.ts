/**
 * Checks every article beyond what a build checks one file at a time:
 * schemas, references between articles, program facts.
 * Usage: npm run check:content [-- --root DIR]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatFinding } from './lib/check.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } });
const started = performance.now();
const findings = checkContent(resolve(values.root!));
for (const finding of findings) console.log(formatFinding(finding));
const errors = findings.filter((f) => f.severity === 'error').length;
const warnings = findings.length - errors;
console.log(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${Math.round(performance.now() - started)} ms)`);
process.exitCode = errors ? 1 : 0;
