/** The table of contents of a terms page: what changed, the sections of the text, all versions. */
import type { MarkdownHeading } from 'astro';

export function termsHeadings(version: string, hasChanges: boolean, text: MarkdownHeading[]): MarkdownHeading[] {
	return [
		...(hasChanges ? [{ depth: 2, slug: 'what-changed', text: `What changed in version ${version}` }] : []),
		...text.filter((h) => h.depth <= 3),
		{ depth: 2, slug: 'all-versions', text: 'All versions' },
	];
}
