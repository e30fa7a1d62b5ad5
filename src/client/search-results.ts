/**
 * Pieces of a search result as the header box and the search page show them.
 */

/**
 * A result's excerpt: Pagefind's excerpt is the page's own text, escaped when it was indexed,
 * with `<mark>` around the words that matched. Anything else in it is dropped, not rendered.
 */
export function renderExcerpt(excerpt: string, tag: 'p' | 'span'): HTMLElement {
	const element = document.createElement(tag);
	element.className = 'ph-result-excerpt';
	for (const part of excerpt.split(/(<mark>[^<]*<\/mark>)/)) {
		const marked = /^<mark>([^<]*)<\/mark>$/.exec(part);
		const text = decode(marked ? marked[1]! : part.replace(/<[^>]*>/g, ''));
		if (!marked) element.append(text);
		else {
			const mark = document.createElement('mark');
			mark.textContent = text;
			element.append(mark);
		}
	}
	return element;
}

/** Pagefind escapes &, < and > (and quotes) in excerpts; shown as text they are decoded again. */
function decode(text: string): string {
	return text.replace(
		/&(lt|gt|quot|#39|#x27|amp);/g,
		(_, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[entity]!,
	);
}
