import type { Finding } from '../finding.ts';
import { PLACEHOLDER } from '../scaffold.ts';
import type { Rule } from './context.ts';
import { frontMatterStrings, proseLines } from './markdown-lines.ts';

const MARK = new RegExp(`\\b${PLACEHOLDER}\\b`);
const hint = `Replace the ${PLACEHOLDER} text that \`npm run new\` left with the real words; the text after "${PLACEHOLDER}:" says what belongs there.`;

/** Placeholders of a new entry are not published: every TODO must be written out. */
export const placeholders: Rule = ({ files }) => {
	const findings: Finding[] = [];
	for (const file of files) {
		for (const { path, text } of frontMatterStrings(file.raw)) {
			if (MARK.test(text))
				findings.push({
					severity: 'error',
					where: { file: file.path, line: file.lineOf(path), path },
					message: `Placeholder left: "${text}".`,
					hint,
				});
		}
		for (const { line, raw } of proseLines(file)) {
			if (MARK.test(raw))
				findings.push({
					severity: 'error',
					where: { file: file.path, line },
					message: `Placeholder left: "${raw.trim()}".`,
					hint,
				});
		}
	}
	return findings;
};
