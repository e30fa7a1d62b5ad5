import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	END,
	START,
	fieldReference,
	fieldRows,
	undocumentedFields,
} from '../../scripts/writers/lib/field-reference.ts';
import { replaceBetweenMarkers } from '../../scripts/writers/lib/markers.ts';
import { readCheckConfig } from '../../scripts/writers/lib/check-config.ts';
import { troubleshootingSchema } from '../../src/schemas/troubleshooting.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const schemas = join(projectRoot, 'src', 'schemas');
const guide = readFileSync(join(projectRoot, 'CONTRIBUTING.md'), 'utf8');

describe("CONTRIBUTING.md's field reference", () => {
	it('is what npm run docs:fields generates from the schemas today', () => {
		const generated = fieldReference(schemas, readCheckConfig(projectRoot).config);
		expect(
			guide.slice(guide.indexOf(START), guide.indexOf(END) + END.length),
			'run `npm run docs:fields` and commit CONTRIBUTING.md',
		).toBe(generated);
	});

	it('explains every field of every schema', () => {
		expect(undocumentedFields(schemas)).toEqual([]);
	});

	it('takes each meaning from the doc comment where the field is defined, nested fields included', () => {
		const rows = fieldRows(troubleshootingSchema, 'troubleshooting.ts', schemas);
		expect(rows.find((r) => r.path === 'steps[].title')).toEqual({
			path: 'steps[].title',
			required: true,
			value: 'text, at least 3 characters',
			meaning: 'The step in a few words, e.g. "Clear the cookie".',
		});
		expect(rows.find((r) => r.path === 'title')?.meaning).toBe(
			'Named after the symptom, e.g. "My link is not tracking clicks".',
		);
	});

	it('refuses a file without the markers, saying which lines it needs', () => {
		expect(() => replaceBetweenMarkers('# Guide\n', 'x', 'CONTRIBUTING.md')).toThrow(
			`CONTRIBUTING.md has no generated section: it needs a line "${START}" and, below it, a line "${END}".`,
		);
	});
});
