import { diffArrays, diffWords } from 'diff';

/** A block of the terms (a heading or a paragraph) as it changed between two versions. */
export type BlockChange =
	| { kind: 'same'; text: string }
	| { kind: 'added'; text: string }
	| { kind: 'removed'; text: string }
	| { kind: 'changed'; parts: Array<{ kind: 'same' | 'added' | 'removed'; text: string }> };

/** Markdown inline syntax readers should not see in a diff: emphasis, links, heading marks. */
export function plainText(block: string): string {
	return block
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1');
}

/** Splits Markdown into plain-text blocks separated by blank lines, so a diff follows paragraphs and headings. */
export function toBlocks(markdown: string): string[] {
	return markdown
		.split(/\r?\n\s*\r?\n/)
		.map((b) => plainText(b.trim()))
		.filter(Boolean);
}

/**
 * Compares two versions block by block; a removed block directly followed by
 * an added one is shown as one changed block with the words that differ.
 */
export function diffTerms(before: string, after: string): BlockChange[] {
	const changes: BlockChange[] = [];
	const pending: string[] = [];
	const flushRemoved = () => {
		for (const text of pending.splice(0)) changes.push({ kind: 'removed', text });
	};
	for (const part of diffArrays(toBlocks(before), toBlocks(after))) {
		if (part.removed) {
			pending.push(...part.value);
		} else if (part.added) {
			for (const text of part.value) {
				const old = pending.shift();
				if (old === undefined) {
					changes.push({ kind: 'added', text });
					continue;
				}
				changes.push({
					kind: 'changed',
					parts: diffWords(old, text).map((w) => ({
						kind: w.added ? 'added' : w.removed ? 'removed' : 'same',
						text: w.value,
					})),
				});
			}
			flushRemoved();
		} else {
			flushRemoved();
			for (const text of part.value) changes.push({ kind: 'same', text });
		}
	}
	flushRemoved();
	return changes;
}
