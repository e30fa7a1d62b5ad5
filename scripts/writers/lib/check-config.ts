import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { contentCheckSchema, type ContentCheckConfig } from '../../../src/schemas/content-check.ts';
import { messages } from '../../../src/lib/errors.ts';
import type { Finding } from './finding.ts';

/** Where the check's settings live, relative to the project root. */
export const CONFIG_FILE = 'content-check.yaml';

/** The check's settings; a missing file means the defaults, a bad one is reported like content. */
export function readCheckConfig(root: string): { config: ContentCheckConfig; findings: Finding[] } {
	const path = join(root, CONFIG_FILE);
	const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter });
	const result = contentCheckSchema.safeParse(doc.toJS() ?? {});
	if (result.success) return { config: result.data, findings: [] };
	const findings: Finding[] = result.error.issues.map((issue) => {
		const node = doc.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
		return {
			severity: 'error',
			where: {
				file: CONFIG_FILE,
				line: node?.range ? lineCounter.linePos(node.range[0]).line : 1,
				path: issue.path.length ? issue.path : ['(file)'],
			},
			message: issue.message,
			...messages.badCheckSetting(),
		};
	});
	return { config: contentCheckSchema.parse({}), findings };
}
