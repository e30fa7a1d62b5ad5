/**
 * The address of a search: `/search/?q=...&audience=...&type=...`. The search page writes it
 * as the reader types and reads it on load, so a search can be linked and shared.
 */

/** A search as its address holds it. */
export interface SearchState {
	query: string;
	/** Filter name to chosen value; a filter left out is not applied. */
	filters: Record<string, string>;
}

/** The query string for a search ("" when there is nothing to keep), q first, then filters in order. */
export function searchQueryString({ query, filters }: SearchState): string {
	const params = new URLSearchParams();
	if (query.trim()) params.set('q', query.trim());
	for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
	return params.size > 0 ? `?${params}` : '';
}

/**
 * Reads a search from a query string. `allowed` lists, per filter, the values on offer;
 * any other value (an old or hand-edited link) is dropped rather than filtering to nothing.
 */
export function readSearch(queryString: string, allowed: Record<string, readonly string[]>): SearchState {
	const params = new URLSearchParams(queryString);
	const filters: Record<string, string> = {};
	for (const [name, values] of Object.entries(allowed)) {
		const value = params.get(name);
		if (value && values.includes(value)) filters[name] = value;
	}
	return { query: params.get('q') ?? '', filters };
}
