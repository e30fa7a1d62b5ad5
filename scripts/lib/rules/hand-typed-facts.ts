import type { Finding } from '../finding.ts';
import { formatPath } from '../../../src/lib/errors.ts';
import type { Facts, FactName } from '../../../src/lib/facts.ts';
import type { Program } from '../../../src/schemas/program.ts';
import type { Rule } from './context.ts';
import { frontMatterStrings, proseLines } from './markdown-lines.ts';

/** A program value as a reader would see it typed, and the words that say a sentence is about it. */
interface Detector {
	fact: FactName;
	value: RegExp;
	/** The sentence must also mention this, so that "30 days" in a sentence about returns is not taken for the cookie window. */
	about?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An amount as written: "$50" or "$50.00", not "$500" or "$50.5". */
const money = (formatted: string) => new RegExp(`(?<![\\d.,])${escape(formatted)}(?:\\.00)?(?![\\d]|[.,]\\d)`);
/** A count of days as written: "30 days", "30-day", "30 calendar days". */
const days = (n: number, unit = 'days?') => new RegExp(`(?<![\\d.,$])${n}(?:[ -](?:calendar ))?[ -]?${unit}\\b`, 'i');

/**
 * Which program values to look for. Names (program, company) are left out: they are
 * written in many forms and renaming is a find-and-replace; numbers and addresses are
 * what silently go wrong when the program changes.
 */
function detectors(program: Program, facts: Facts): Detector[] {
	const list: Detector[] = [
		{ fact: 'payoutThreshold', value: money(facts.payoutThreshold), about: /threshold|minimum|payout|balance|paid out|roll(?:s|ed)? over/i },
		{ fact: 'taxFormThreshold', value: money(facts.taxFormThreshold), about: /\btax|form|1099|W-[89]/i },
		{ fact: 'cookieWindow', value: days(program.tracking.cookieWindowDays, 'days?'), about: /cookie|click|attribut/i },
		{ fact: 'lockPeriod', value: days(program.payout.lockPeriodDays, 'days?'), about: /\block|pending|approv/i },
		{ fact: 'returnWindow', value: days(program.returnWindowDays, 'days?'), about: /\breturn|refund/i },
		{ fact: 'disputeWindow', value: days(program.disputeWindowDays, 'days?'), about: /disput/i },
		{ fact: 'disputeResponse', value: days(program.disputeResponseBusinessDays, 'business days?'), about: /disput|answer|respon|reply/i },
		{ fact: 'paymentDay', value: new RegExp(`(?<!\\d)${escape(facts.paymentDay)}\\b`), about: /\bpa(?:y|id)/i },
		{ fact: 'subIdMaxLength', value: new RegExp(`(?<!\\d)${program.tracking.subIdMaxLength} characters`), about: /sub-?id/i },
	];
	for (const fact of ['partnerEmail', 'customerEmail'] as const) {
		if (facts[fact]) list.push({ fact, value: new RegExp(`(?<![\\w.])${escape(facts[fact])}(?![\\w])`, 'i') });
	}
	return list;
}

const SENTENCE = /(?<=[.!?:])\s+(?=[A-Z*_"(\[])/;

/** The first detector that matches a sentence, with the text it matched. */
function match(sentence: string, list: Detector[]) {
	for (const d of list) {
		const found = d.value.exec(sentence);
		if (found && (!d.about || d.about.test(sentence))) return { fact: d.fact, text: found[0] };
	}
	return undefined;
}

/**
 * Facts the program file holds are written as `:fact[name]`, never typed: a typed
 * "$50" stays $50 when the threshold changes. A value counts as typed when it appears
 * as a reader would see it ("$50", "30 days", "the 15th", an address) in a sentence
 * that is about that fact; code examples and `:fact[...]` themselves are ignored.
 */
export const handTypedFacts: Rule = ({ files, program, facts }) => {
	const list = detectors(program, facts);
	const findings: Finding[] = [];
	const report = (file: string, line: number, found: { fact: FactName; text: string }, field?: string) =>
		findings.push({
			severity: 'error',
			file,
			line,
			...(field ? { field } : {}),
			message: `"${found.text}" is typed by hand; it is the program's ${found.fact}.`,
			hint: `Write :fact[${found.fact}] instead, so that the text follows src/content/program/program.yaml when it changes.`,
		});
	for (const file of files) {
		for (const { path, text } of frontMatterStrings(file.raw)) {
			for (const sentence of text.split(SENTENCE)) {
				const found = match(sentence, list);
				if (found) report(file.path, file.lineOf(path), found, formatPath(path));
			}
		}
		for (const { line, text } of proseLines(file)) {
			for (const sentence of text.split(SENTENCE)) {
				const found = match(sentence, list);
				if (found) report(file.path, line, found);
			}
		}
	}
	return findings;
};
