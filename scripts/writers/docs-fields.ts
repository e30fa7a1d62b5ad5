/**
 * Writes the field reference in CONTRIBUTING.md from the schemas' doc comments.
 * Usage: npm run docs:fields [-- --check]   (--check fails when the file is out of date)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fieldReference, undocumentedFields } from './lib/field-reference.ts';
import { replaceBetweenMarkers } from './lib/markers.ts';
import { readCheckConfig } from './lib/check-config.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const root = join(import.meta.dirname, '..', '..');
const file = join(root, 'CONTRIBUTING.md');

const missing = undocumentedFields(join(root, 'src', 'schemas'));
if (missing.length) {
	console.error(
		`These fields have no doc comment, so the reference cannot say what they mean:\n${missing.map((m) => `  ${m}`).join('\n')}\n    hint: add a /** … */ comment above each field where the schema defines it.`,
	);
	process.exit(1);
}
const current = readFileSync(file, 'utf8');
const updated = replaceBetweenMarkers(
	current,
	fieldReference(join(root, 'src', 'schemas'), readCheckConfig(root).config),
	'CONTRIBUTING.md',
);
if (values.check) {
	if (updated !== current) {
		console.error(
			'CONTRIBUTING.md: the field reference is out of date.\n    hint: run `npm run docs:fields` and commit the result.',
		);
		process.exit(1);
	}
	console.log('CONTRIBUTING.md: the field reference is up to date.');
} else if (updated !== current) {
	writeFileSync(file, updated);
	console.log('CONTRIBUTING.md: field reference updated.');
} else {
	console.log('CONTRIBUTING.md: already up to date.');
}
