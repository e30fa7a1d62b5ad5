/**
 * The link to the ask form that carries the reader's words over, so that nobody types
 * their question twice. The ask page reads `q` (the question) and `from` (where the reader
 * was: a page path, or "search"). `page` is the ask form's address in the reader's language
 * ("/de/ask/" on a German page); the English one by default.
 */
export function askLink(query: string, from: string, page = '/ask/'): string {
	const params = new URLSearchParams();
	const q = query.trim();
	if (q) params.set('q', q);
	params.set('from', from);
	return `${page}?${params}`;
}
