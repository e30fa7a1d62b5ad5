/**
 * Disclosure checker: a pasted caption, post or description against its channel's checks, which
 * are data in the channel's file (`checks` in src/content/disclosures/<channel>.md). The code
 * knows how to look for wording and where; what to look for is the writers'.
 */
import {
	disclosureChannels,
	disclosurePlaces,
	type DisclosureChannel,
	type DisclosureCheck,
} from '../../schemas/disclosure.ts';
import { urls } from '../urls.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import type { ToolData, ToolDisclosure } from './data.ts';

export interface DisclosureInput {
	channel: DisclosureChannel;
	text: string;
}

export type CheckOutcome = 'pass' | 'missing' | 'misplaced' | 'ambiguous-only';

export interface CheckResult {
	check: DisclosureCheck;
	outcome: CheckOutcome;
	/** The wording found first, as written in the text. */
	found?: string | undefined;
	/** Where a misplaced wording was, in words ("after the first link"). */
	misplacedWhere?: string | undefined;
	/** Wording of `doesNotCount` the text uses. */
	ambiguous: string[];
}

export interface DisclosureResult {
	input: DisclosureInput;
	disclosure?: ToolDisclosure | undefined;
	results: CheckResult[];
	passed: boolean;
	/** Whether the text holds a web address (what before-link checks measure against). */
	hasLink: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A wording as a whole-word, case-blind pattern; spaces match any run of spaces. */
const wordingPattern = (wording: string) =>
	new RegExp(
		`(?<![\\p{L}\\p{N}_])${escapeRegExp(normalise(wording)).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`,
		'giu',
	);
/** Curly apostrophes and quotes as straight ones, so "I’m" matches "I'm". */
const normalise = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const linkPattern = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/iu;

interface Match {
	index: number;
	end: number;
	text: string;
}

/** Every match of any of the wordings, earliest first. */
function findAll(text: string, wordings: readonly string[]): Match[] {
	return wordings
		.flatMap((w) =>
			[...text.matchAll(wordingPattern(w))].map((m) => ({ index: m.index, end: m.index + m[0].length, text: m[0] })),
		)
		.sort((a, b) => a.index - b.index || b.end - a.end);
}

/** Whether a match is where the check wants it, and if not, where it is instead. */
function placed(text: string, match: Match, check: DisclosureCheck): string | undefined {
	const lead = text.length - text.trimStart().length;
	switch (check.where) {
		case 'anywhere':
			return undefined;
		case 'start':
			return /^[^\p{L}\p{N}]*$/u.test(text.slice(0, match.index)) ? undefined : 'after other words';
		case 'first-line': {
			const newline = text.indexOf('\n', lead);
			return newline === -1 || match.index < newline ? undefined : 'below the first line';
		}
		case 'before-more':
			return match.end - lead <= check.visibleCharacters
				? undefined
				: `after the first ${check.visibleCharacters} characters, hidden behind “more”`;
		case 'before-link': {
			const link = linkPattern.exec(text);
			return !link || match.end <= link.index ? undefined : 'after the first link';
		}
	}
}

function runCheck(text: string, check: DisclosureCheck): CheckResult {
	const matches = findAll(text, check.anyOf);
	const ambiguous = [...new Set(findAll(text, check.doesNotCount).map((m) => m.text))];
	if (matches.length === 0) return { check, outcome: ambiguous.length ? 'ambiguous-only' : 'missing', ambiguous };
	const good = matches.find((m) => placed(text, m, check) === undefined);
	if (good) return { check, outcome: 'pass', found: good.text, ambiguous };
	return {
		check,
		outcome: 'misplaced',
		found: matches[0]!.text,
		misplacedWhere: placed(text, matches[0]!, check),
		ambiguous,
	};
}

export function checkDisclosure(data: Pick<ToolData, 'disclosures'>, input: DisclosureInput): DisclosureResult {
	const text = normalise(input.text);
	const disclosure = data.disclosures.find((d) => d.channel === input.channel);
	const results = (disclosure?.checks ?? []).map((check) => runCheck(text, check));
	return {
		input,
		disclosure,
		results,
		passed: results.length > 0 && results.every((r) => r.outcome === 'pass'),
		hasLink: linkPattern.test(text),
	};
}

function explain(r: CheckResult): string {
	const where = disclosurePlaces[r.check.where];
	switch (r.outcome) {
		case 'pass':
			return `${r.check.requirement}: found “${r.found}” ${where}.`;
		case 'missing':
			return `${r.check.requirement}: not found (any of ${r.check.anyOf.map((w) => `“${w}”`).join(', ')}). Fix: ${r.check.fix} Source: ${r.check.source}.`;
		case 'ambiguous-only':
			return `${r.check.requirement}: ${r.ambiguous.map((w) => `“${w}”`).join(' and ')} ${r.ambiguous.length === 1 ? 'does' : 'do'} not count on ${r.ambiguous.length === 1 ? 'its' : 'their'} own. Fix: ${r.check.fix} Source: ${r.check.source}.`;
		case 'misplaced':
			return `${r.check.requirement}: “${r.found}” is there, but ${r.misplacedWhere}; it must be ${where}. Fix: ${r.check.fix} Source: ${r.check.source}.`;
	}
}

export function presentDisclosure(_data: Pick<ToolData, 'program'>, r: DisclosureResult): Answer {
	const channel = disclosureChannels[r.input.channel];
	if (!r.disclosure || r.results.length === 0) {
		const answer = emptyAnswer(
			`No checks are written for ${channel} yet: compare your text with the rule on the channel’s page.`,
		);
		answer.links.push({ text: `Disclosure rule for ${channel}`, href: urls.disclosure(r.input.channel) });
		return answer;
	}
	const failed = r.results.filter((x) => x.outcome !== 'pass');
	const answer = emptyAnswer(
		r.passed
			? `Passes: the text meets every check of the rule for ${channel}.`
			: `Fails ${failed.length} of ${r.results.length} checks of the rule for ${channel}.`,
		r.passed ? 'pass' : 'fail',
	);
	answer.facts.push(
		{ key: 'verdict', label: 'Verdict', text: r.passed ? 'Pass' : 'Fail', value: r.passed ? 'pass' : 'fail' },
		{
			key: 'failed',
			label: 'Checks failed',
			text: failed.length ? failed.map((x) => x.check.requirement).join('; ') : 'None',
			value: failed.map((x) => x.check.id).join(' '),
		},
		{ key: 'rule', label: 'The rule', text: r.disclosure.rule },
	);
	answer.lists.push({
		key: 'checks',
		title: 'Each check',
		items: r.results.map((x) => ({ text: explain(x), mark: x.outcome === 'pass' ? 'pass' : 'fail' })),
	});
	const used = new Set(r.results.filter((x) => x.outcome !== 'pass').map((x) => x.check.source));
	const sources = r.disclosure.sources.filter((s) => used.has(s.name));
	if (sources.length)
		answer.lists.push({ key: 'sources', title: 'Sources', items: sources.map((s) => ({ text: s.name, href: s.url })) });
	answer.notes.push(
		'The checker reads only the text you paste. It cannot see whether the disclosure is also said out loud, shown on screen or large enough to read; the channel’s page explains those parts of the rule.',
	);
	answer.links.push({ text: r.disclosure.title, href: urls.disclosure(r.input.channel) });
	return answer;
}
