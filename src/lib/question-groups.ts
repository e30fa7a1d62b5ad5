/**
 * Groups what readers asked and searched for the way they meant it: "exchange my tent", "swap my
 * boots" and "how do exchanges work" are one group. Each text is folded (accents, the placeholders
 * of masking) and split into words as search splits a query (`queryWords`: "didn't" is "didnt"),
 * search's filler words and a few more are dropped, the rest stemmed and mapped through a small
 * synonym map; items are then grouped by the content words they share — the pair of stems most
 * items share, else the single stem most items share, else the item alone.
 *
 * The stemmer and synonyms are this module's own, not search's: a group's key (its stems) is what
 * the team's "answered by" marks are stored under and what the search box matches queries against,
 * so it must not change when search's tuning does; and search's synonyms are a WordNet table
 * loaded in shards, which grouping here (synchronous, on the server and in the browser) cannot wait for.
 * Pure: the dashboard groups with it, and `answerFor` lets the search box and the ask form's
 * suggestions use the groups the team marked as answered.
 */
import { fillerWords } from './filler-words.ts';
import { queryWords } from './search-words.ts';

/** Words that carry no subject in a question, beyond search's filler words. */
const moreFillers = new Set(['get', 'gets', 'got', 'needs', 'wants', 'anyone']);

/** Irregular forms the suffix rules cannot reach. */
const irregular: Record<string, string> = {
	paid: 'pay',
	bought: 'buy',
	sent: 'send',
	went: 'go',
	gone: 'go',
	made: 'make',
	took: 'take',
	lost: 'lose',
	was: 'be',
	won: 'win',
	children: 'child',
	men: 'man',
	women: 'woman',
};

/**
 * A small English stemmer (a few of Porter's steps): plurals, -ing, -ed, a doubled final
 * consonant, a final e. "exchanges", "exchanged", "exchanging" and "exchange" all give "exchang".
 */
export function stem(word: string): string {
	let w = word.toLowerCase();
	const known = irregular[w];
	if (known) return known;
	if (w.length <= 3) return w;
	if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
	else if (w.endsWith('sses')) w = w.slice(0, -2);
	else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
	for (const suffix of ['ing', 'ed']) {
		if (w.endsWith(suffix) && w.length - suffix.length >= 3 && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
			w = w.slice(0, -suffix.length);
			if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
			else if (/ll$/.test(w) && w.length > 4) w = w.slice(0, -1);
			break;
		}
	}
	if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
	return w;
}

/**
 * Stems that mean the same to a reader, mapped to one. Written as words; stemmed when loaded.
 * The first word of each line names the group.
 */
export const synonymLines: readonly string[] = [
	'exchange swap replace replacement',
	'refund reimburse reimbursement',
	'return',
	'pay payment payout payouts paid earnings',
	'commission commissions',
	'coupon voucher promo discount',
	'track tracking tracked attribution attribute',
	'link url',
	'cancel cancellation',
	'dispute contest appeal',
	'conversion sale',
	'reverse reversal reversed chargeback clawback',
	'tax w9 w-9 1099',
	'ship shipping delivery deliver',
	'account login signin sign-in password',
	'warranty guarantee',
];

/** Each synonym group's name: its stem to the word that heads its line. */
const synonymNames: ReadonlyMap<string, string> = new Map(
	synonymLines.map((line) => [stem(line.split(' ')[0]!), line.split(' ')[0]!]),
);

const synonyms: ReadonlyMap<string, string> = new Map(
	synonymLines.flatMap((line) => {
		const [head, ...rest] = line.split(' ').map(stem);
		return [head!, ...rest].map((s) => [s, head!] as const);
	}),
);

/** The content stems of a text, in order, without repeats. Placeholders such as "[email]" are dropped. */
export function contentStems(text: string): string[] {
	const folded = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/\[[a-z ]+\]/g, ' ');
	const words = queryWords(folded).filter((w) => w.length > 1 && !fillerWords.has(w) && !moreFillers.has(w));
	const out: string[] = [];
	for (const w of words) {
		const s = stem(w);
		const canonical = synonyms.get(s) ?? s;
		if (!out.includes(canonical)) out.push(canonical);
	}
	return out;
}

/** One thing to group: a question asked or a query searched, with how often. */
export interface GroupItem {
	text: string;
	kind: 'question' | 'search';
	/** How many times (a query searched 12 times counts 12). Default 1. */
	count?: number;
}

/** A group of items that share content words. */
export interface QuestionGroup {
	/** Stable key: the shared stems, sorted, joined by "+" (what an "answered by" mark is stored under). */
	key: string;
	stems: string[];
	/** The shared words as readers wrote them, for people: "exchange", "payout threshold". */
	label: string;
	/** Questions plus searches, each counted as often as it happened. */
	size: number;
	questions: number;
	searches: number;
	/** Distinct wordings, most frequent first. */
	examples: Array<{ text: string; kind: GroupItem['kind']; count: number }>;
}

const keyOf = (stems: readonly string[]) => [...stems].sort().join('+');

/** Groups `items`; largest groups first. Items with no content word are left out. */
export function groupQuestions(items: readonly GroupItem[]): QuestionGroup[] {
	// Identical wordings first: the same text twice is one item counted twice.
	const distinct = new Map<string, { text: string; kind: GroupItem['kind']; count: number; stems: string[] }>();
	for (const item of items) {
		const text = item.text.trim().replace(/\s+/g, ' ');
		const id = `${item.kind}\u0000${text.toLowerCase()}`;
		const known = distinct.get(id);
		if (known) known.count += item.count ?? 1;
		else distinct.set(id, { text, kind: item.kind, count: item.count ?? 1, stems: contentStems(text) });
	}
	const entries = [...distinct.values()].filter((e) => e.stems.length > 0);

	// How many distinct wordings hold each stem and each pair of stems.
	const df = new Map<string, number>();
	const candidates = (stems: readonly string[]) => {
		const pairs: string[] = [];
		for (let i = 0; i < stems.length; i++)
			for (let j = i + 1; j < stems.length; j++) pairs.push(keyOf([stems[i]!, stems[j]!]));
		return { pairs, singles: [...stems] };
	};
	for (const e of entries) {
		const { pairs, singles } = candidates(e.stems);
		for (const k of new Set([...pairs, ...singles])) df.set(k, (df.get(k) ?? 0) + 1);
	}
	const best = (keys: readonly string[]) =>
		keys.filter((k) => (df.get(k) ?? 0) >= 2).sort((a, b) => df.get(b)! - df.get(a)! || a.localeCompare(b))[0];

	// The surface word most used for each stem, for labels.
	const surface = new Map<string, Map<string, number>>();
	for (const e of entries) {
		for (const w of queryWords(e.text)) {
			const s = synonyms.get(stem(w)) ?? stem(w);
			if (!e.stems.includes(s)) continue;
			const forms = surface.get(s) ?? new Map<string, number>();
			forms.set(w, (forms.get(w) ?? 0) + e.count);
			surface.set(s, forms);
		}
	}
	const word = (s: string) =>
		synonymNames.get(s) ??
		[...(surface.get(s) ?? new Map([[s, 1]])).entries()].sort(
			(a, b) => b[1] - a[1] || a[0].length - b[0].length,
		)[0]![0];

	const groups = new Map<string, QuestionGroup>();
	for (const e of entries) {
		const { pairs, singles } = candidates(e.stems);
		const key = best(pairs) ?? best(singles) ?? keyOf(e.stems);
		const stems = key.split('+');
		const group = groups.get(key) ?? { key, stems, label: '', size: 0, questions: 0, searches: 0, examples: [] };
		group.size += e.count;
		if (e.kind === 'question') group.questions += e.count;
		else group.searches += e.count;
		group.examples.push({ text: e.text, kind: e.kind, count: e.count });
		groups.set(key, group);
	}
	for (const g of groups.values()) {
		// Label in the order the words come in the group's most frequent wording.
		g.examples.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
		const lead = contentStems(g.examples[0]!.text);
		g.label = [...g.stems]
			.sort((a, b) => lead.indexOf(a) - lead.indexOf(b))
			.map(word)
			.join(' ');
	}
	return [...groups.values()].sort(
		(a, b) => b.size - a.size || b.examples.length - a.examples.length || a.key.localeCompare(b.key),
	);
}

/** A group the team marked as answered, as `GET /api/search-events/` lists it. */
export interface GroupAnswer {
	key: string;
	page: string;
	words?: string;
}

/**
 * The page the team says answers `query`, if a marked group's stems are all in it (the group with
 * the most stems wins). For the search box (show it first) and the ask form (suggest it).
 */
export function answerFor(query: string, answers: readonly GroupAnswer[]): GroupAnswer | undefined {
	const stems = new Set(contentStems(query));
	let found: GroupAnswer | undefined;
	let size = 0;
	for (const a of answers) {
		const need = a.key.split('+');
		if (need.length > size && need.every((s) => stems.has(s))) [found, size] = [a, need.length];
	}
	return found;
}
