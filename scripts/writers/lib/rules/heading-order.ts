import type { Finding } from '../finding.ts';
import type { Rule } from './context.ts';
import { proseLines } from './markdown-lines.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/**
 * The level the body's headings start at: the page title is the only h1, and an FAQ
 * answer sits under its question, which is an h2 on the topic page.
 */
const firstLevel = (collection: string) => (collection === 'faqs' ? 3 : 2);

/** Headings go down one level at a time and never above the level the page gives the body. */
export const headingOrder: Rule = ({ files }) => {
	const findings: Finding[] = [];
	for (const file of files) {
		const start = firstLevel(file.collection);
		let previous = start - 1;
		for (const { line, raw } of proseLines(file)) {
			const match = HEADING.exec(raw);
			if (!match) continue;
			const level = match[1]!.length;
			const text = match[2];
			if (level < start) {
				findings.push({
					severity: 'error',
					where: { file: file.path, line },
					message: `Heading "${text}" is level ${level}; headings in this ${file.collection === 'faqs' ? 'answer' : 'article'} start at level ${start}.`,
					hint: `Write it with ${'#'.repeat(start)}: ${start === 3 ? 'the question is the level-2 heading of the answer' : 'the title is the only level-1 heading'}.`,
				});
			} else if (level > previous + 1) {
				findings.push({
					severity: 'error',
					where: { file: file.path, line },
					message: `Heading "${text}" jumps from level ${previous} to level ${level}.`,
					hint: `Screen reader users navigate by heading level: write it with ${'#'.repeat(previous + 1)}, or add the missing level above it.`,
				});
			}
			previous = level;
		}
	}
	return findings;
};
