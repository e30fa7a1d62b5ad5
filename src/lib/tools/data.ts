/**
 * The program data the tools compute with, as the content collections hold it. Pages pass it in;
 * the browser gets the same data as JSON in the page (`serializeToolData`, `reviveToolData`).
 */
import type { CommissionRule } from '../../schemas/commission.ts';
import type { Disclosure } from '../../schemas/disclosure.ts';
import type { Program } from '../../schemas/program.ts';
import type { Terms } from '../../schemas/terms.ts';

/** A commission rule with the id of its data file. */
export type ToolRule = CommissionRule & { id: string };
/** A terms version's front matter: what the tools need of it. */
export type ToolTerms = Pick<Terms, 'title' | 'version' | 'effectiveDate' | 'changes' | 'supersedes'>;
/** A channel's disclosure rule and its checks. */
export type ToolDisclosure = Pick<Disclosure, 'channel' | 'title' | 'rule' | 'sources' | 'checks'>;

export interface ToolData {
	program: Program;
	rules: ToolRule[];
	/** Newest effective date first. */
	terms: ToolTerms[];
	disclosures: ToolDisclosure[];
	/** Title and address of each article an answer links (`toolLinks`), by its `collection/id`. */
	links: Record<string, { title: string; url: string }>;
}

/** The articles answers link to, as `collection/id` references resolved by the content. */
export const toolLinks = [
	'docs/affiliates/onboarding/payments',
	'troubleshooting/balance-below-threshold',
	'troubleshooting/conversions-missing',
	'troubleshooting/cookies-and-ad-blockers',
	'faqs/cookie-window',
	'faqs/dispute-timeline',
	'docs/advertisers/disputes',
] as const;
export type ToolLink = (typeof toolLinks)[number];

/** The links to those of `refs` the site has, as answer items. */
export function linksTo(data: Pick<ToolData, 'links'>, ...refs: ToolLink[]): Array<{ text: string; href: string }> {
	return refs.flatMap((ref) => {
		const target = data.links[ref];
		return target ? [{ text: target.title, href: target.url }] : [];
	});
}

interface Entries {
	program: Program;
	commission: Array<{ id: string; data: CommissionRule }>;
	terms: Array<{ data: Terms }>;
	disclosures: Array<{ data: Disclosure }>;
	link(ref: string): { title: string; url: string };
}

/** The tools' data from loaded content entries (src/data/content.ts). */
export function toolData(content: Entries): ToolData {
	return {
		program: content.program,
		rules: content.commission.map((c) => ({ ...c.data, id: c.id })),
		terms: content.terms
			.map(({ data: { title, version, effectiveDate, changes, supersedes } }) => ({
				title,
				version,
				effectiveDate,
				changes,
				supersedes,
			}))
			.sort((a, b) => +b.effectiveDate - +a.effectiveDate),
		disclosures: content.disclosures.map(({ data: { channel, title, rule, sources, checks } }) => ({
			channel,
			title,
			rule,
			sources,
			checks,
		})),
		// A site without one of these articles (a small fork, a test fixture) answers without that link.
		links: Object.fromEntries(
			toolLinks.flatMap((ref) => {
				try {
					const { title, url } = content.link(ref);
					return [[ref, { title, url }]];
				} catch {
					return [];
				}
			}),
		),
	};
}

const dateKeys = new Set(['validFrom', 'validTo', 'effectiveDate', 'lastReviewed']);

/** The data as JSON, for a page to hand to its script. */
export const serializeToolData = (data: ToolData): string => JSON.stringify(data);

/** The data back from JSON, dates as Dates again. */
export function reviveToolData(json: string): ToolData {
	return JSON.parse(json, (key, value) =>
		dateKeys.has(key) && typeof value === 'string' ? new Date(value) : value,
	) as ToolData;
}
