/** Which commission rule applies to an offer on a day, and money rounding: shared by the tools. */
import { isActive } from '../commission.ts';
import type { ToolData, ToolRule } from './data.ts';
import { toUtcDate, type IsoDate } from './time.ts';

/** Offers with a rule, named by their newest rule's title, by title. */
export function offerOptions(
	data: Pick<ToolData, 'rules'>,
): Array<{ offer: string; title: string; audience: ToolRule['audience'] }> {
	const newest = new Map<string, ToolRule>();
	for (const r of data.rules) {
		const seen = newest.get(r.offer);
		if (!seen || r.validFrom > seen.validFrom) newest.set(r.offer, r);
	}
	return [...newest.values()]
		.map((r) => ({ offer: r.offer, title: r.title, audience: r.audience }))
		.sort((a, b) => a.title.localeCompare(b.title));
}

/** The rule of `offer` in force on `date` (validity dates included), if any. */
export function ruleOn(data: Pick<ToolData, 'rules'>, offer: string, date: IsoDate): ToolRule | undefined {
	const day = toUtcDate(date);
	return data.rules.find((r) => r.offer === offer && isActive(r, day));
}

/** Every rule of an offer, earliest first. */
export const rulesOf = (data: Pick<ToolData, 'rules'>, offer: string) =>
	data.rules.filter((r) => r.offer === offer).sort((a, b) => +a.validFrom - +b.validFrom);

/** An amount rounded to the cent, halves away from zero (10.395 → 10.40). */
export function roundMoney(amount: number): number {
	const cents = Number((Math.abs(amount) * 100).toFixed(6));
	return (Math.sign(amount) * Math.round(cents)) / 100;
}

/** The cents of an amount as the machine form of an answer: "10.40". */
export const moneyValue = (amount: number) => roundMoney(amount).toFixed(2);
