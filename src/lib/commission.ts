import type { CommissionRule, Tier } from '../schemas/commission.ts';
import { formatMoney } from './facts.ts';

export const modelLabels = {
	cps: 'Cost per sale (CPS)',
	cpa: 'Cost per action (CPA)',
	revshare: 'Revenue share',
	tiered: 'Tiered cost per sale',
} as const satisfies Record<CommissionRule['model'], string>;

/** Formats a percentage the way rate tables show it: "8 %" or "7.5 %". */
export const formatPercent = (rate: number) =>
	`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(rate)} %`;

/** The rate of a rule in one phrase, for tables and summaries. */
export function describeRate(rule: CommissionRule, currency: string): string {
	switch (rule.model) {
		case 'cps':
			return `${formatPercent(rule.rate)} of each sale`;
		case 'cpa':
			return `${formatMoney(rule.amount, currency)} per ${rule.action}`;
		case 'revshare':
			return `${formatPercent(rule.rate)} of revenue for ${rule.durationMonths} months`;
		case 'tiered':
			return `${formatPercent(rule.tiers[0]!.rate)} to ${formatPercent(rule.tiers.at(-1)!.rate)} by monthly sales`;
	}
}

/** Whether a rule applies on a day, validity dates included. */
export function isActive(rule: Pick<CommissionRule, 'validFrom' | 'validTo'>, on: Date): boolean {
	return rule.validFrom <= on && (!rule.validTo || on <= rule.validTo);
}

/** Sorts rules into what applies now, what is coming and what has ended. */
export function partitionByDate<T extends Pick<CommissionRule, 'validFrom' | 'validTo'>>(rules: T[], on: Date) {
	return {
		current: rules.filter((r) => isActive(r, on)),
		upcoming: rules.filter((r) => r.validFrom > on).sort((a, b) => +a.validFrom - +b.validFrom),
		past: rules.filter((r) => r.validTo && r.validTo < on).sort((a, b) => +b.validFrom - +a.validFrom),
	};
}

/** Which tier (0-based) a month's sales reach: `from` inclusive, `to` exclusive. The whole month is paid at that tier's rate. */
export function tierIndex(tiers: ReadonlyArray<Tier>, monthlySales: number): number {
	return Math.max(
		0,
		tiers.findIndex((t) => monthlySales >= t.from && (t.to === undefined || monthlySales < t.to)),
	);
}

/** Range label of a tier: "Under $5,000", "$5,000 to under $20,000", "$20,000 and above". */
export function tierRange(tier: { from: number; to?: number | undefined }, currency: string): string {
	if (tier.to === undefined) return `${formatMoney(tier.from, currency)} and above`;
	if (tier.from === 0) return `Under ${formatMoney(tier.to, currency)}`;
	return `${formatMoney(tier.from, currency)} to under ${formatMoney(tier.to, currency)}`;
}
