import type { Finding } from '../finding.ts';
import type { Rule } from './context.ts';
import { proseLines } from './markdown-lines.ts';

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;
const HTML_IMAGE = /<(img|Image|Picture)\b([^>]*)>/g;
const ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/;

const hint =
	'Describe what the image shows for readers who cannot see it, e.g. ![Dashboard with the Payments tab open](…). If the image only decorates, leave it out.';

/** Every image has alt text: Markdown images and HTML or component images alike. */
export const imageAlt: Rule = ({ files }) => {
	const findings: Finding[] = [];
	for (const file of files) {
		for (const { line, text } of proseLines(file)) {
			for (const match of text.matchAll(MARKDOWN_IMAGE)) {
				if (match[1]!.trim()) continue;
				findings.push({
					severity: 'error',
					where: { file: file.path, line },
					message: `Image "${match[2]}" has no alt text.`,
					hint,
				});
			}
			for (const match of text.matchAll(HTML_IMAGE)) {
				const alt = ALT.exec(match[2]!);
				if ((alt?.[1] ?? alt?.[2] ?? alt?.[3] ?? '').trim()) continue;
				const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/.exec(match[2]!);
				findings.push({
					severity: 'error',
					where: { file: file.path, line },
					message: `Image "${src?.[1] ?? src?.[2] ?? src?.[3] ?? match[1]}" has no alt text.`,
					hint: hint.replace(
						'![Dashboard with the Payments tab open](…)',
						'alt="Dashboard with the Payments tab open"',
					),
				});
			}
		}
	}
	return findings;
};
