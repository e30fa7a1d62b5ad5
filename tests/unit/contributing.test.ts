import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
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
import { articleCollections, articleCollectionNames } from '../../src/collections.ts';
import { readContent } from '../../scripts/writers/lib/content-files.ts';
import { planTranslation } from '../../scripts/writers/lib/new-entry.ts';
import { translationPath } from '../../scripts/writers/lib/translation-files.ts';

const locateCollection = (path: string) =>
	articleCollectionNames.find((c) => path.startsWith(`src/content/${articleCollections[c].folder}/`))!;

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

describe("CONTRIBUTING.md's Translate section", () => {
	const section = guide.slice(guide.indexOf('## Translate\n'), guide.indexOf('## Send it for review'));

	it('shows where translations go with English files that exist, for every collection', () => {
		const rows = [...section.matchAll(/^\| `(src\/content\/[^`]+)` \| `(src\/content\/[^`]+)` \|$/gm)];
		expect(rows.map((r) => r[1]!.split('/')[2]).sort()).toEqual(
			Object.values(articleCollections)
				.map((c) => c.folder)
				.sort(),
		);
		for (const [, english, german] of rows) {
			expect(existsSync(join(projectRoot, english!)), english).toBe(true);
			expect(german).toBe(translationPath(locateCollection(english!), english!, 'de'));
		}
	});

	it('starts translations of English entries that exist', async () => {
		const content = await readContent(projectRoot);
		const examples = [...section.matchAll(/^npm run new -- --locale de (\S+) (\S+)$/gm)];
		expect(examples.length).toBeGreaterThanOrEqual(4);
		for (const [command, type, id] of examples) {
			let refusal = '';
			try {
				planTranslation(
					{ locale: 'de', type: type!, id: id! },
					content,
					(p) => readFileSync(join(projectRoot, p)),
					() => false,
				);
			} catch (error) {
				refusal = (error as Error).message;
			}
			expect(refusal, command).toBe('');
		}
	});
});
