import type { Finding } from '../finding.ts';
import { formatQuantity, quantitiesFrom, type Facts, type Quantity, type Unit } from '../../../../src/lib/facts.ts';
import type { Program } from '../../../../src/schemas/program.ts';
import type { Rule } from './context.ts';
import { frontMatterStrings, proseLines } from './markdown-lines.ts';

/**
 * What a sentence must mention for a typed figure to be about a fact: "30 days" in a
 * sentence about returns is the return window, in one about cookies the cookie window.
 * A fact missing here is still found when a figure equals it and its own words appear.
 */
const TOPICS: Record<string, RegExp> = {
	payoutThreshold: /threshold|minimum|payout|balance|paid out|roll(?:s|ed)? over/i,
	taxFormThreshold: /tax form|W-[89]/i,
	form1099NecThreshold: /1099-?NEC|report(?:ed|s|ing)? (?:to the IRS|payments)/i,
	form1099KAmount: /1099-?K/i,
	form1099KTransactions: /1099-?K/i,
	paymentDay: /\bpa(?:y|id|yment)/i,
	lockPeriod: /\block|pending|approv|revers/i,
	cookieWindow: /cookie|click/i,
	subIdMaxLength: /sub-?id/i,
	returnWindow: /\breturn/i,
	deliveryAllowance: /deliver/i,
	refundTime: /refund/i,
	returnLabelFee: /label|return shipping/i,
	warrantyLength: /warrant|guarantee|defect|covered/i,
	disputeResponse: /disput|answer|respon|reply/i,
	disputeWindow: /disput/i,
	trailClubPrice: /trail club|membership/i,
	trailClubTrial: /trial/i,
	paymentTerms: /invoice|due/i,
	networkFee: /network fee|fee/i,
	chargebackReportWindow: /chargeback/i,
	bankIntlFee: /wire|SWIFT/i,
};

/** Narrower words for a contradiction where a fact's own words are common ("threshold" is also the 1099 threshold). */
const CONFLICT_TOPICS: Record<string, RegExp> = {
	payoutThreshold: /payout|payment threshold|balance|paid out|roll(?:s|ed)? over/i,
};

/** Facts whose words are specific enough that a different figure beside them is a contradiction, not another number. */
const CONFLICTS = new Set([
	'payoutThreshold',
	'form1099NecThreshold',
	'form1099KAmount',
	'lockPeriod',
	'cookieWindow',
	'returnWindow',
	'refundTime',
	'warrantyLength',
	'disputeWindow',
	'disputeResponse',
	'trailClubTrial',
	'paymentTerms',
	'networkFee',
]);

/** A figure as typed in a sentence, read as a quantity. */
interface Figure {
	text: string;
	quantity: Quantity;
}

const UNITS: Record<string, Unit> = { day: 'day', hour: 'hour', minute: 'minute', month: 'month', year: 'year' };
const MONEY = /(?<![\w.])\$(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d|[.,]\d)/g;
const DURATION =
	/(?<![\d.,$])(\d+)(?:\s*(?:–|-|to)\s*(\d+))?(?:[ -](calendar|business))?[ -](day|hour|minute|month|year)s?\b/gi;
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|percent\b)/gi;
const ORDINAL = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)\b/g;
const AN_HOUR = /\b(?:about|around|within|roughly|after) an hour\b/gi;
const RETRIES = /(?<![\d,])(\d+(?:, \d+)*,? and \d+) minutes\b/g;

/** Every figure of a sentence: amounts, counts and ranges of days, hours and years, percentages, days of the month. */
function figures(sentence: string): Figure[] {
	const found: Figure[] = [];
	for (const m of sentence.matchAll(MONEY))
		found.push({
			text: m[0],
			quantity: { kind: 'money', amount: Number(`${m[1]!.replace(/,/g, '')}.${m[2] ?? '0'}`) },
		});
	for (const m of sentence.matchAll(DURATION)) {
		const base = UNITS[m[4]!.toLowerCase()]!;
		const unit = (m[3]?.toLowerCase() === 'business' ? `business ${base}` : base) as Unit;
		found.push({
			text: m[0],
			quantity: m[2]
				? { kind: 'range', min: Number(m[1]), max: Number(m[2]), unit }
				: { kind: 'count', n: Number(m[1]), unit },
		});
	}
	for (const m of sentence.matchAll(PERCENT))
		found.push({ text: m[0], quantity: { kind: 'percent', value: Number(m[1]) } });
	for (const m of sentence.matchAll(ORDINAL))
		found.push({ text: m[0], quantity: { kind: 'ordinal', n: Number(m[1]) } });
	for (const m of sentence.matchAll(AN_HOUR))
		found.push({ text: m[0], quantity: { kind: 'count', n: 60, unit: 'minute' } });
	return found;
}

const sameKind = (a: Quantity, b: Quantity) =>
	a.kind === b.kind && ('unit' in a && 'unit' in b ? a.unit === b.unit : true);
const equal = (a: Quantity, b: Quantity) => JSON.stringify(a) === JSON.stringify(b);

/** One detector per fact that has a number: its quantity, and the words that say a sentence is about it. */
function detectors(program: Program) {
	const quantities: Record<string, Quantity> = {
		...quantitiesFrom(program),
		clickReportingTime: { kind: 'count', n: program.tracking.clickReportingMinutes, unit: 'minute' },
	};
	const topics: Record<string, RegExp> = { ...TOPICS, clickReportingTime: /click|show|appear|report/i };
	return (
		Object.entries(quantities)
			// A zero amount ("no fee", "before the first payment") is never typed as a figure.
			.filter(([, q]) => !(q.kind === 'money' && q.amount === 0))
			.map(([fact, quantity]) => ({ fact, quantity, about: topics[fact] }))
	);
}

/** What one run compares sentences with, built once: the detectors, the brand terms, the addresses. */
function matcher(program: Program, facts: Facts) {
	const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return {
		list: detectors(program),
		brands: new Set(program.brandTerms.map((t) => t.toLowerCase())),
		addresses: (['partnerEmail', 'customerEmail', 'privacyEmail'] as const)
			.filter((fact) => facts[fact])
			.map((fact) => ({
				fact,
				address: facts[fact],
				pattern: new RegExp(`(?<![\\w.])${escape(facts[fact])}(?![\\w])`, 'i'),
			})),
	};
}

type Match = { fact: string; text: string; conflict?: string };

/**
 * What a sentence types by hand: figures equal to a fact it is about, figures that contradict
 * such a fact, a list of the brand terms, the postback retry gaps, and the program's addresses.
 */
function matches(
	sentence: string,
	program: Program,
	facts: Facts,
	{ list, brands, addresses }: ReturnType<typeof matcher>,
): Match[] {
	const out: Match[] = [];
	const all = figures(sentence);
	for (const figure of all) {
		// A range ("5–10 business days") is specific enough to be the fact wherever it stands.
		const candidates = list.filter(
			(d) =>
				sameKind(d.quantity, figure.quantity) &&
				(d.about?.test(sentence) || (d.quantity.kind === 'range' && equal(d.quantity, figure.quantity))),
		);
		const same = candidates.find((d) => equal(d.quantity, figure.quantity));
		if (same) {
			out.push({ fact: same.fact, text: figure.text });
			continue;
		}
		// A sentence that already states the fact ("from $50; a $120 tent …") is using the other figure for something else.
		const other = candidates.find(
			(d) =>
				CONFLICTS.has(d.fact) &&
				(CONFLICT_TOPICS[d.fact]?.test(sentence) ?? true) &&
				!all.some((f) => equal(f.quantity, d.quantity)),
		);
		if (other && list.every((d) => !equal(d.quantity, figure.quantity)))
			out.push({ fact: other.fact, text: figure.text, conflict: formatQuantity(other.quantity, program.currency) });
	}
	if (program.campaigns && /retr/i.test(sentence)) {
		for (const m of sentence.matchAll(RETRIES))
			out.push({
				fact: 'postbackRetryGaps',
				text: m[0],
				...(m[1]!
					.split(/,? and |, /)
					.map(Number)
					.join() === program.campaigns.postbackRetryMinutes.join()
					? {}
					: { conflict: facts.postbackRetryGaps }),
			});
	}
	const quotedBrands = [...sentence.matchAll(/["“]([^"”]+)["”]/g)].filter(
		(m) => brands.has(m[1]!.replace(/\.$/, '').toLowerCase()) || brands.has(m[1]!.toLowerCase()),
	);
	if (quotedBrands.length >= 2) out.push({ fact: 'brandTerms', text: quotedBrands.map((m) => m[0]).join(', ') });
	for (const { fact, address, pattern } of addresses) if (pattern.test(sentence)) out.push({ fact, text: address });
	return out.filter((m, i) => out.findIndex((o) => o.text === m.text && o.fact === m.fact) === i);
}

const SENTENCE = /(?<=[.!?:])\s+(?=[A-Z*_"([])/;
/** `:fact[...]` in the source is already the fact; what it will read as is not typed. */
const withoutFacts = (text: string) => text.replace(/:fact\[[^\]]*\]/g, 'FACT');

/** Terms versions a later version supersedes: dated records of what was agreed then, left as written. */
function supersededTerms(files: Parameters<Rule>[0]['files']): Set<string> {
	const versions = files.filter((f) => f.collection === 'terms').map((f) => f.raw as Record<string, unknown>);
	const superseded = new Set(
		versions.map((v) => v['supersedes']).filter((s): s is string => typeof s === 'string' && s !== ''),
	);
	return new Set(
		files
			.filter((f) => f.collection === 'terms' && superseded.has(String((f.raw as Record<string, unknown>)['version'])))
			.map((f) => f.path),
	);
}

/**
 * Facts the program file holds are written as `:fact[name]`, never typed: a typed
 * "$50" stays $50 when the threshold changes. A figure counts as typed when it appears
 * as a reader would see it ("$50", "30 days", "5–10 business days", "the 15th", an address)
 * in a sentence about that fact; a different figure in such a sentence contradicts the fact
 * and is reported with the value the program holds. Code examples, `:fact[...]` themselves
 * and superseded versions of the terms are ignored.
 */
export const handTypedFacts: Rule = ({ files, program, facts }) => {
	const list = matcher(program, facts);
	const skip = supersededTerms(files);
	const findings: Finding[] = [];
	const report = (file: string, line: number, found: Match, path?: readonly PropertyKey[]) =>
		findings.push({
			severity: 'error',
			where: { file, line, path },
			message: found.conflict
				? `"${found.text}" contradicts the program's ${found.fact}, which is ${found.conflict}.`
				: `"${found.text}" is typed by hand; it is the program's ${found.fact}.`,
			hint: found.conflict
				? `If the sentence states the ${found.fact}, write :fact[${found.fact}]; if it means something else, say what, so that readers do not take it for the ${found.fact}.`
				: `Write :fact[${found.fact}] instead, so that the text follows src/content/program/program.yaml when it changes.`,
		});
	for (const file of files) {
		if (skip.has(file.path)) continue;
		for (const { path, text } of frontMatterStrings(file.raw)) {
			for (const sentence of withoutFacts(text).split(SENTENCE)) {
				for (const found of matches(sentence, program, facts, list)) report(file.path, file.lineOf(path), found, path);
			}
		}
		for (const { line, text } of proseLines(file)) {
			for (const sentence of withoutFacts(text).split(SENTENCE)) {
				for (const found of matches(sentence, program, facts, list)) report(file.path, line, found);
			}
		}
	}
	return findings;
};
