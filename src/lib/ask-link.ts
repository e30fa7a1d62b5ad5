/**
 * The link to the ask form that carries the reader's words over, so that nobody types
 * their question twice. The ask page reads `q` (the question) and `from` (where the reader
 * was: a page path, or "search").
 */
export function askLink(query: string, from: string): string {
	const params = new URLSearchParams();
	const q = query.trim();
	if (q) params.set('q', q);
	params.set('from', from);
	return `/ask/?${params}`;
}
