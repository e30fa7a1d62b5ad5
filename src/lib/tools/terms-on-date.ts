/**
 * Terms and rates on a date: the terms version and every commission rule in force on a day, what
 * has changed since, and what a dispute about an order of that day needs.
 */
import { describeRate } from '../commission.ts';
import { urls } from '../urls.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import { linksTo, type ToolData, type ToolRule, type ToolTerms } from './data.ts';
import { addDays, endOfMonth, formatDay, fromUtcDate, monthName, toUtcDate, type IsoDate } from './time.ts';
import { isActive } from '../commission.ts';

export interface TermsInput {
	date: IsoDate;
}

/** The terms version in force on a day: the newest whose effective date has come; none before the first. */
export function termsInForce<T extends Pick<ToolTerms, 'effectiveDate'>>(
	terms: ReadonlyArray<T>,
	on: Date,
): T | undefined {
	return [...terms].sort((a, b) => +b.effectiveDate - +a.effectiveDate).find((t) => t.effectiveDate <= on);
}

/** Whether a terms version is the one in force on a day, not yet in force, or replaced. */
export function termsStatus<T extends Pick<ToolTerms, 'effectiveDate'>>(
	terms: ReadonlyArray<T>,
	entry: T,
	on: Date,
): 'current' | 'upcoming' | 'earlier' {
	return termsInForce(terms, on) === entry ? 'current' : entry.effectiveDate > on ? 'upcoming' : 'earlier';
}

export interface RuleChange {
	offer: string;
	title: string;
	then?: ToolRule | undefined;
	now?: ToolRule | undefined;
}

export interface TermsResult {
	input: TermsInput;
	terms?: ToolTerms | undefined;
	/** Every rule in force on the day, affiliate rules first. */
	rules: ToolRule[];
	/** Versions that took effect (or will) after the day, oldest first. */
	laterTerms: ToolTerms[];
	/** Offers whose rule on `today` differs from the rule on the day. */
	ruleChanges: RuleChange[];
	/** The last day a conversion of the day's month can be disputed, and whether it has passed. */
	disputeBy: IsoDate;
	disputeClosed: boolean;
}

export function computeTermsOnDate(
	data: Pick<ToolData, 'program' | 'rules' | 'terms'>,
	input: TermsInput,
	today: IsoDate,
): TermsResult {
	const day = toUtcDate(input.date);
	const now = toUtcDate(today);
	const rules = data.rules
		.filter((r) => isActive(r, day))
		.sort(
			(a, b) => (a.audience === b.audience ? 0 : a.audience === 'affiliate' ? -1 : 1) || a.title.localeCompare(b.title),
		);
	const offers = [...new Set(data.rules.map((r) => r.offer))];
	const ruleChanges = offers.flatMap((offer) => {
		const then = data.rules.find((r) => r.offer === offer && isActive(r, day));
		const current = data.rules.find((r) => r.offer === offer && isActive(r, now));
		if (then === current) return [];
		return [{ offer, title: (current ?? then)!.title, then, now: current }];
	});
	const disputeBy = addDays(endOfMonth(input.date), data.program.disputeWindowDays);
	return {
		input,
		terms: termsInForce(data.terms, day),
		rules,
		laterTerms: data.terms.filter((t) => t.effectiveDate > day).sort((a, b) => +a.effectiveDate - +b.effectiveDate),
		ruleChanges: ruleChanges.sort((a, b) => a.title.localeCompare(b.title)),
		disputeBy,
		disputeClosed: today > disputeBy,
	};
}

export function presentTermsOnDate(data: Pick<ToolData, 'program' | 'links' | 'terms'>, r: TermsResult): Answer {
	const currency = data.program.currency;
	const first = [...data.terms].sort((a, b) => +a.effectiveDate - +b.effectiveDate)[0];
	const answer = emptyAnswer(
		r.terms
			? `On ${formatDay(r.input.date)}, version ${r.terms.version} of the program terms was in force, with ${r.rules.length} commission rule${r.rules.length === 1 ? '' : 's'}.`
			: `No version of the program terms was in force on ${formatDay(r.input.date)}${first ? `: the first, version ${first.version}, took effect on ${formatDay(fromUtcDate(first.effectiveDate))}` : ''}.`,
	);
	if (r.terms) {
		answer.facts.push({
			key: 'version',
			label: 'Terms version',
			text: `Version ${r.terms.version}, effective ${formatDay(fromUtcDate(r.terms.effectiveDate))}`,
			value: r.terms.version,
		});
	}
	answer.facts.push({
		key: 'rules',
		label: 'Commission rules in force',
		text: String(r.rules.length),
		value: r.rules.map((x) => x.id).join(' '),
	});
	answer.facts.push({
		key: 'dispute-by',
		label: `Conversions of ${monthName(r.input.date)} can be disputed until`,
		text: `${formatDay(r.disputeBy)}${r.disputeClosed ? ' (closed)' : ''}`,
		value: r.disputeBy,
	});
	if (r.rules.length) {
		answer.lists.push({
			key: 'rules',
			title: 'Commission rules in force',
			items: r.rules.map((x) => ({
				text: `${x.title}: ${describeRate(x, currency)}, valid ${formatDay(fromUtcDate(x.validFrom))} to ${x.validTo ? formatDay(fromUtcDate(x.validTo)) : 'further notice'}`,
				href: urls.commission(x.offer),
			})),
		});
	}
	const changes = [
		...r.laterTerms.flatMap((t) => [
			{
				text: `Version ${t.version} of the terms, effective ${formatDay(fromUtcDate(t.effectiveDate))}${t.changes.length ? ':' : ''}`,
				href: urls.terms(t.version),
			},
			...t.changes.map((c) => ({ text: `Version ${t.version}: ${c}` })),
		]),
		...r.ruleChanges.map((c) => ({
			text: !c.then
				? `${c.title}: new since then, ${describeRate(c.now!, currency)} from ${formatDay(fromUtcDate(c.now!.validFrom))}`
				: !c.now
					? `${c.title}: ${describeRate(c.then, currency)} then; no rule in force now${c.then.validTo ? ` (ended ${formatDay(fromUtcDate(c.then.validTo))})` : ''}`
					: `${c.title}: ${describeRate(c.then, currency)} then, ${describeRate(c.now, currency)} now (from ${formatDay(fromUtcDate(c.now.validFrom))})`,
			href: urls.commission(c.offer),
		})),
	];
	answer.lists.push({
		key: 'changes',
		title: 'Changes since then',
		items: changes.length ? changes : [{ text: 'None: the same terms and rates apply today.' }],
	});
	answer.notes.push(
		`An order is paid at the rate in force on the date of the order. A question about an order of that day is decided under ${r.terms ? `version ${r.terms.version}` : 'the terms then in force'}: quote the order ID, the order date, the terms version and the rule above.`,
	);
	answer.notes.push(
		r.disputeClosed
			? `The ${data.program.disputeWindowDays}-day dispute window for conversions of ${monthName(r.input.date)} closed on ${formatDay(r.disputeBy)}.`
			: `Conversions of ${monthName(r.input.date)} can be disputed for ${data.program.disputeWindowDays} days after the month ends, until ${formatDay(r.disputeBy)}; each dispute is answered within ${data.program.disputeResponseBusinessDays} business days.`,
	);
	if (r.terms)
		answer.links.push({ text: `Program terms, version ${r.terms.version}`, href: urls.terms(r.terms.version) });
	answer.links.push(
		{ text: 'What changed in the program terms', href: urls.termsChanges() },
		...linksTo(data, 'faqs/dispute-timeline'),
	);
	return answer;
}
