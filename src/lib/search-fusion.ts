/**
 * Several ranked lists of pages fused into one by weighted reciprocal rank fusion: a page scores
 * the sum over the lists holding it of weight / (k + rank). A page near the top of many lists,
 * or of a heavy one (the whole question), wins; no list's scores need to be comparable with another's.
 */

/** One ranked list: page ids, best first, and how much the list counts. */
export interface RankedList<T> {
	items: readonly T[];
	weight: number;
}

/** Fusion's damping: a larger k flattens the difference between ranks 1 and 5. */
export const fusionK = 4;

/** Fuses the lists; `idOf` names the page an item is. Returns each page once, best first, with the list item of the heaviest list holding it. */
export function fuse<T>(
	lists: ReadonlyArray<RankedList<T>>,
	idOf: (item: T) => string,
	{ depth = 20, k = fusionK } = {},
): Array<{ id: string; score: number; item: T }> {
	const fused = new Map<string, { id: string; score: number; item: T; weight: number }>();
	for (const list of lists) {
		list.items.slice(0, depth).forEach((item, rank) => {
			const id = idOf(item);
			const entry = fused.get(id);
			const add = list.weight / (k + rank + 1);
			if (!entry) fused.set(id, { id, score: add, item, weight: list.weight });
			else {
				entry.score += add;
				if (list.weight > entry.weight) [entry.item, entry.weight] = [item, list.weight];
			}
		});
	}
	return [...fused.values()].sort((a, b) => b.score - a.score).map(({ id, score, item }) => ({ id, score, item }));
}
