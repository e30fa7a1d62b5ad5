import { FACT_PATTERN, type Facts } from './facts.ts';
import { messages, type Problem } from './errors.ts';
import { editDistance } from './spelling.ts';
import { listAt } from './urls.ts';
import { audienceNames } from '../schemas/common.ts';
import { articleCollectionNames, describe, isArticleCollection } from '../collections.ts';

export type { Problem };

/** An entry as the integrity rules see it, whichever loader produced it. */
export interface EntryLike {
	collection: string;
	id: string;
	/** Source file, relative to the project root, for the message. */
	filePath?: string | undefined;
	data: Record<string, unknown>;
	/** Markdown body, where the entry has one. */
	body?: string | undefined;
	/** The line of the file where the body starts, where the loader knows it (1-based). */
	bodyLine?: number | undefined;
	/**
	 * The entry failed its schema and `data` is its front matter as written: only the rules that
	 * read a field on its own (references, fact names) look at it, so its other problems are
	 * reported in the same run as the schema error.
	 */
	partial?: boolean;
}

const where = (e: EntryLike) => e.filePath ?? `${e.collection}/${e.id}`;
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** `related` references must name an entry that exists. */
function checkRelated(entries: EntryLike[]): Problem[] {
	const known = new Set(entries.map((e) => `${e.collection}/${e.id}`));
	const problems: Problem[] = [];
	for (const entry of entries) {
		const related = entry.data['related'];
		if (!Array.isArray(related)) continue;
		related.forEach((ref, i) => {
			if (typeof ref !== 'string' || known.has(ref)) return;
			const at = { file: where(entry), path: ['related', i] };
			if (!isArticleCollection(ref.split('/')[0]!)) {
				problems.push({ ...messages.unknownCollection(ref, articleCollectionNames), where: at });
				return;
			}
			const sameCollection = [...known].filter((k) => k.startsWith(`${ref.split('/')[0]}/`));
			problems.push({
				...messages.unknownReference(ref, sameCollection.length ? closest(ref, sameCollection) : undefined),
				where: at,
			});
		});
	}
	return problems;
}

/** Two versions of the terms never take effect on the same day, and `supersedes` names a real version. */
function checkTerms(entries: EntryLike[]): Problem[] {
	const terms = entries.filter((e) => e.collection === 'terms');
	const problems: Problem[] = [];
	const byDate = new Map<string, EntryLike>();
	const versions = new Map<string, EntryLike>();
	for (const entry of terms) {
		const version = String(entry.data['version']);
		const other = versions.get(version);
		if (other) {
			problems.push({
				...messages.versionTaken(version, where(other)),
				where: { file: where(entry), path: ['version'] },
			});
		}
		versions.set(version, entry);
		const date = day(entry.data['effectiveDate']);
		const clash = byDate.get(date);
		if (clash) {
			problems.push({
				...messages.effectiveDateTaken(date, String(clash.data['version']), where(clash)),
				where: { file: where(entry), path: ['effectiveDate'] },
			});
		}
		byDate.set(date, entry);
	}
	for (const entry of terms) {
		const supersedes = entry.data['supersedes'];
		if (typeof supersedes === 'string' && !versions.has(supersedes)) {
			problems.push({
				...messages.unknownVersion(supersedes, [...versions.keys()]),
				where: { file: where(entry), path: ['supersedes'] },
			});
		}
	}
	return problems;
}

/** Rules for one offer must not be valid on the same day. */
function checkCommissionOverlap(entries: EntryLike[]): Problem[] {
	const rules = entries.filter((e) => e.collection === 'commission');
	const problems: Problem[] = [];
	const end = (e: EntryLike) => (e.data['validTo'] instanceof Date ? (e.data['validTo'] as Date).getTime() : Infinity);
	const start = (e: EntryLike) =>
		e.data['validFrom'] instanceof Date ? (e.data['validFrom'] as Date).getTime() : -Infinity;
	for (let i = 0; i < rules.length; i++) {
		for (let j = i + 1; j < rules.length; j++) {
			const a = rules[i]!;
			const b = rules[j]!;
			if (a.data['offer'] !== b.data['offer']) continue;
			if (start(a) <= end(b) && start(b) <= end(a)) {
				const later = start(b) >= start(a) ? b : a;
				const earlier = later === a ? b : a;
				const to = earlier.data['validTo'] ? day(earlier.data['validTo']) : undefined;
				problems.push({
					...messages.overlappingRules(String(a.data['offer']), day(earlier.data['validFrom']), to, where(earlier)),
					where: { file: where(later), path: ['validFrom'] },
				});
			}
		}
	}
	return problems;
}

/** A rule that is an alternative to another offer (`alternativeTo`) must name an offer that has a rule. */
function checkAlternatives(entries: EntryLike[]): Problem[] {
	const rules = entries.filter((e) => e.collection === 'commission');
	const offers = new Set(rules.map((e) => String(e.data['offer'])));
	return rules.flatMap((e) => {
		const other = e.data['alternativeTo'];
		if (typeof other !== 'string' || offers.has(other)) return [];
		return [
			{ ...messages.unknownAlternative(other, [...offers].sort()), where: { file: where(e), path: ['alternativeTo'] } },
		];
	});
}

/**
 * `:fact[name]` written in front matter text or a Markdown body must name a fact the program
 * holds: the one check of fact names, for the build and the content check alike.
 */
function checkFactNames(entries: EntryLike[], facts: Facts): Problem[] {
	const problems: Problem[] = [];
	const known = Object.keys(facts);
	const visit = (entry: EntryLike, value: unknown, path: PropertyKey[]) => {
		if (typeof value === 'string') {
			for (const match of value.matchAll(FACT_PATTERN)) {
				if (!Object.hasOwn(facts, match[1]!))
					problems.push({ ...messages.unknownFact(match[1]!, known), where: { file: where(entry), path } });
			}
		} else if (Array.isArray(value)) value.forEach((v, i) => visit(entry, v, [...path, i]));
		else if (value && typeof value === 'object' && !(value instanceof Date)) {
			for (const [k, v] of Object.entries(value)) visit(entry, v, [...path, k]);
		}
	};
	for (const entry of entries) {
		visit(entry, entry.data, []);
		entry.body?.split('\n').forEach((line, i) => {
			for (const match of line.matchAll(FACT_PATTERN)) {
				if (Object.hasOwn(facts, match[1]!)) continue;
				const at = entry.bodyLine !== undefined ? { line: entry.bodyLine + i } : { path: ['body'], textLine: i + 1 };
				problems.push({ ...messages.unknownFact(match[1]!, known), where: { file: where(entry), ...at } });
			}
		});
	}
	return problems;
}

/** The full lists (/guides/for-affiliates/, /troubleshooting/for-customers/2/) have addresses of their own: no article may take one. */
function checkListAddresses(entries: EntryLike[]): Problem[] {
	const problems: Problem[] = [];
	for (const entry of entries) {
		// Only addresses made from the file name can take a list's; others come from fields.
		if (entry.collection !== 'docs' && entry.collection !== 'troubleshooting') continue;
		const url = describe(entry.collection, entry).url;
		const list = listAt(url);
		if (!list) continue;
		const what = `${list.kind === 'guides' ? 'guides' : 'troubleshooting guides'} for ${audienceNames[list.audience]}${list.page > 1 ? ` (page ${list.page})` : ''}`;
		problems.push({ ...messages.listAddress(url, what), where: { file: where(entry), path: ['file name'] } });
	}
	return problems;
}

/**
 * Every rule that spans entries or collections; the schemas cover each entry on its own.
 * Without facts (the program file itself is broken) the fact names are not checked.
 */
export function checkIntegrity(entries: EntryLike[], facts?: Facts): Problem[] {
	const whole = entries.filter((e) => !e.partial);
	return [
		...checkRelated(entries),
		...checkTerms(whole),
		...checkCommissionOverlap(whole),
		...checkAlternatives(whole),
		...(facts ? checkFactNames(entries, facts) : []),
		...checkListAddresses(entries),
	];
}

/** The three candidates closest in spelling to `target`. */
function closest(target: string, candidates: string[]): string {
	const distance = (candidate: string) => editDistance(target, candidate, Math.max(target.length, candidate.length));
	return [...candidates]
		.sort((x, y) => distance(x) - distance(y))
		.slice(0, 3)
		.join(', ');
}
