import { FACT_PATTERN, type Facts } from './facts.ts';
import { formatPath } from './errors.ts';
import { listAt, urls } from './urls.ts';
import { audienceNames } from '../schemas/common.ts';

/** An entry as the integrity rules see it, whichever loader produced it. */
export interface EntryLike {
	collection: string;
	id: string;
	/** Source file, relative to the project root, for the message. */
	filePath?: string | undefined;
	data: Record<string, unknown>;
	/** Markdown body, where the entry has one. */
	body?: string | undefined;
	/**
	 * The entry failed its schema and `data` is its front matter as written: only the rules that
	 * read a field on its own (references, fact names) look at it, so its other problems are
	 * reported in the same run as the schema error.
	 */
	partial?: boolean;
}

/** One broken rule: where, which field, what is wrong and how to fix it. */
export interface Problem {
	file: string;
	field: string;
	message: string;
	hint: string;
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
			if (typeof ref === 'string' && !known.has(ref)) {
				const sameCollection = [...known].filter((k) => k.startsWith(`${ref.split('/')[0]}/`));
				problems.push({
					file: where(entry),
					field: `related[${i}]`,
					message: `"${ref}" does not match any article.`,
					hint: sameCollection.length
						? `Check the spelling; it must be "collection/file-name-without-extension". Similar: ${closest(ref, sameCollection)}.`
						: 'Write it as "collection/file-name-without-extension".',
				});
			}
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
			problems.push({ file: where(entry), field: 'version', message: `Version ${version} is also used by ${where(other)}.`, hint: 'Give each version of the terms its own number.' });
		}
		versions.set(version, entry);
		const date = day(entry.data['effectiveDate']);
		const clash = byDate.get(date);
		if (clash) {
			problems.push({
				file: where(entry),
				field: 'effectiveDate',
				message: `${date} is also the effective date of version ${String(clash.data['version'])} (${where(clash)}).`,
				hint: 'Two versions of the terms cannot take effect on the same day: change one of the dates.',
			});
		}
		byDate.set(date, entry);
	}
	for (const entry of terms) {
		const supersedes = entry.data['supersedes'];
		if (typeof supersedes === 'string' && !versions.has(supersedes)) {
			problems.push({ file: where(entry), field: 'supersedes', message: `Version ${supersedes} does not exist.`, hint: `Known versions: ${[...versions.keys()].join(', ')}.` });
		}
	}
	return problems;
}

/** Rules for one offer must not be valid on the same day. */
function checkCommissionOverlap(entries: EntryLike[]): Problem[] {
	const rules = entries.filter((e) => e.collection === 'commission');
	const problems: Problem[] = [];
	const end = (e: EntryLike) => (e.data['validTo'] instanceof Date ? (e.data['validTo'] as Date).getTime() : Infinity);
	const start = (e: EntryLike) => (e.data['validFrom'] instanceof Date ? (e.data['validFrom'] as Date).getTime() : -Infinity);
	for (let i = 0; i < rules.length; i++) {
		for (let j = i + 1; j < rules.length; j++) {
			const a = rules[i]!;
			const b = rules[j]!;
			if (a.data['offer'] !== b.data['offer']) continue;
			if (start(a) <= end(b) && start(b) <= end(a)) {
				const later = start(b) >= start(a) ? b : a;
				const earlier = later === a ? b : a;
				problems.push({
					file: where(later),
					field: 'validFrom',
					message: `Offer "${String(a.data['offer'])}" already has a rule valid from ${day(earlier.data['validFrom'])} to ${earlier.data['validTo'] ? day(earlier.data['validTo']) : 'open end'} (${where(earlier)}).`,
					hint: `End the earlier rule (validTo) the day before this one starts, or start this one after it ends.`,
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
		return [{ file: where(e), field: 'alternativeTo', message: `No commission rule pays on offer "${other}".`, hint: `Name the offer this rule replaces for affiliates who join it; offers with rules: ${[...offers].sort().join(', ')}.` }];
	});
}

/** `:fact[name]` written in front matter text must name a fact the program holds. */
function checkFactNames(entries: EntryLike[], facts: Facts): Problem[] {
	const problems: Problem[] = [];
	const visit = (entry: EntryLike, value: unknown, path: PropertyKey[]) => {
		if (typeof value === 'string') {
			for (const match of value.matchAll(FACT_PATTERN)) {
				if (!Object.hasOwn(facts, match[1]!)) {
					problems.push({
						file: where(entry),
						field: formatPath(path),
						message: `Unknown fact ":fact[${match[1]}]".`,
						hint: `Known facts: ${Object.keys(facts).join(', ')}.`,
					});
				}
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
				if (!Object.hasOwn(facts, match[1]!)) {
					problems.push({ file: where(entry), field: `body, line ${i + 1} of the text`, message: `Unknown fact ":fact[${match[1]}]".`, hint: `Known facts: ${Object.keys(facts).join(', ')}.` });
				}
			}
		});
	}
	return problems;
}

/** The full lists (/guides/for-affiliates/, /troubleshooting/for-customers/2/) have addresses of their own: no article may take one. */
function checkListAddresses(entries: EntryLike[]): Problem[] {
	const problems: Problem[] = [];
	for (const entry of entries) {
		const url = entry.collection === 'docs' ? urls.doc(entry.id) : entry.collection === 'troubleshooting' ? urls.troubleshooting(entry.id) : undefined;
		const list = url ? listAt(url) : undefined;
		if (!list) continue;
		problems.push({
			file: where(entry),
			field: 'file name',
			message: `${url} is the address of the list of ${list.kind === 'guides' ? 'guides' : 'troubleshooting guides'} for ${audienceNames[list.audience]}${list.page > 1 ? ` (page ${list.page})` : ''}.`,
			hint: 'Rename the file (or its folder) so that the article gets an address of its own.',
		});
	}
	return problems;
}

/**
 * Every rule that spans entries or collections; the schemas cover each entry on its own.
 * Without facts (the program file itself is broken) the fact names are not checked.
 */
export function checkIntegrity(entries: EntryLike[], facts?: Facts): Problem[] {
	const whole = entries.filter((e) => !e.partial);
	return [...checkRelated(entries), ...checkTerms(whole), ...checkCommissionOverlap(whole), ...checkAlternatives(whole), ...(facts ? checkFactNames(entries, facts) : []), ...checkListAddresses(entries)];
}

/** Formats problems for a build log: `file › field: message` then the hint. */
export function formatProblems(problems: Problem[]): string {
	return problems.map((p) => `${p.file} › ${p.field}: ${p.message}\n  Hint: ${p.hint}`).join('\n');
}

function closest(target: string, candidates: string[]): string {
	const distance = (a: string, b: string) => {
		const row = Array.from({ length: b.length + 1 }, (_, i) => i);
		for (let i = 1; i <= a.length; i++) {
			let prev = row[0]!;
			row[0] = i;
			for (let j = 1; j <= b.length; j++) {
				const tmp = row[j]!;
				row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
				prev = tmp;
			}
		}
		return row[b.length]!;
	};
	return [...candidates].sort((x, y) => distance(target, x) - distance(target, y)).slice(0, 3).join(', ');
}
