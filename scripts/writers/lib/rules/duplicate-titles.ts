import type { SourceFile } from '../content-files.ts';
import type { Finding } from '../finding.ts';
import { articleCollections } from '../../../../src/collections.ts';
import type { Rule } from './context.ts';

/** The field a reader sees as an entry's title; FAQ entries are titled by their question. */
const titleField = (file: SourceFile) => articleCollections[file.collection].titleField;

/**
 * No two articles share a title, across collections, ignoring case and spacing.
 * Versions of one thing are exempt: terms versions, and commission rules for the same offer.
 */
export const duplicateTitles: Rule = ({ files, data }) => {
	const findings: Finding[] = [];
	const seen = new Map<string, { file: SourceFile; offer?: unknown }>();
	for (const file of files) {
		const entry = data.get(file.path);
		if (!entry || file.collection === 'terms') continue;
		const field = titleField(file);
		const title = entry[field];
		if (typeof title !== 'string') continue;
		const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
		const first = seen.get(key);
		if (!first) {
			seen.set(key, { file, offer: entry['offer'] });
			continue;
		}
		if (file.collection === 'commission' && first.file.collection === 'commission' && first.offer === entry['offer'])
			continue;
		findings.push({
			severity: 'error',
			where: { file: file.path, line: file.lineOf([field]), path: [field] },
			message: `"${title}" is also the ${titleField(first.file)} of ${first.file.path}.`,
			hint: 'Readers tell pages apart by their titles in search and navigation: make this one say what is different about it, or merge the two.',
		});
	}
	return findings;
};
