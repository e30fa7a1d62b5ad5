import { audiences, type Audience } from './schemas/common.ts';
import type { PageMeta } from './data/page-meta.ts';
import { audienceLabels } from './lib/labels.ts';
import { urls } from './lib/urls.ts';

/**
 * The sidebar holds hubs and small fixed groups, never one link per entry:
 * a link per article would put every article into every page and make the
 * build grow with the square of the content. Long lists live on hub pages.
 *
 * Each audience has one group, named by its label (src/lib/labels.ts) and led by its hub. On a page
 * written for one audience, src/components/Sidebar.astro puts that audience's group first and open and
 * closes the others (`scopeSidebar`); on pages for everyone the audience groups start closed.
 */
type Item = { label: string; link: string } | { label: string; items: Array<{ autogenerate: { directory: string } }> };
const hubLabels = {
	affiliate: 'Affiliate hub',
	customer: 'Customer hub',
	advertiser: 'Advertiser hub',
} as const satisfies Record<Audience, string>;
const audienceGroup = (audience: Audience, items: Item[]) => ({
	label: audienceLabels[audience],
	collapsed: true,
	items: [{ label: hubLabels[audience], link: urls.hub(audience) }, ...items],
});

export const sidebar = [
	{ label: 'Home', link: urls.home() },
	audienceGroup('affiliate', [
		{ label: 'Getting started', items: [{ autogenerate: { directory: 'affiliates/onboarding' } }] },
		{ label: 'Commission rates', link: urls.commission() },
		{ label: 'Program terms', link: urls.termsCurrent() },
		{ label: 'Disclosure rules', link: urls.disclosures() },
	]),
	audienceGroup('customer', [
		{ label: 'Buying through a partner link', link: urls.doc('customers/buying-through-a-partner-link') },
		{ label: 'Refunds and returns', link: urls.faqTopic('refunds-returns') },
		{ label: 'Warranty', link: urls.faqTopic('warranty') },
		{ label: 'Before you buy', link: urls.faqTopic('pre-sale') },
	]),
	audienceGroup('advertiser', [
		{ label: 'CPA tracking', link: urls.doc('advertisers/cpa-tracking') },
		{ label: 'Invalid conversions', link: urls.faqTopic('invalid-conversions') },
		{ label: 'Disputes', link: urls.faqTopic('disputes') },
	]),
	{
		label: 'Browse',
		items: [
			{ label: 'Search by audience and type', link: urls.search() },
			{ label: 'Frequently asked questions', link: urls.faqIndex() },
			{ label: 'Troubleshooting', link: urls.troubleshootingIndex() },
			{ label: 'Glossary', link: urls.doc('glossary') },
			{ label: 'Contact support', link: urls.ask() },
		],
	},
];

/** The shape of Starlight's sidebar entries that scoping needs. */
export interface ScopedEntry {
	type: 'link' | 'group';
	label: string;
	collapsed?: boolean;
	entries?: ScopedEntry[];
}

/**
 * The audience a page's sidebar opens: the page's own audience when it has exactly one; a hub is for
 * everyone (search files it under every audience) but opens the group of the audience it leads.
 */
export function audienceOfPage(path: string, meta: PageMeta): Audience | undefined {
	if (meta.pageType === 'hub') return audiences.find((a) => urls.hub(a) === (path.endsWith('/') ? path : `${path}/`));
	return meta.audiences.length === 1 ? meta.audiences[0] : undefined;
}

/**
 * The sidebar for a reader of one audience: that audience's group right after the first entry (Home),
 * open with its sub-groups; the other audience groups closed. Without an audience, every audience group
 * is closed and the order is kept. Returns new entries; the input is not changed.
 */
export function scopeSidebar<E extends ScopedEntry>(entries: readonly E[], audience: Audience | undefined): E[] {
	const groupOf = new Map(Object.entries(audienceLabels).map(([a, label]) => [label as string, a as Audience]));
	const open = (e: E): E =>
		e.type === 'group' ? { ...e, collapsed: false, entries: e.entries?.map((c) => open(c as E)) } : e;
	const scoped = entries.map((e) => {
		const owner = e.type === 'group' ? groupOf.get(e.label) : undefined;
		if (!owner) return e;
		return owner === audience ? open(e) : { ...e, collapsed: true };
	});
	if (!audience) return scoped;
	const mine = scoped.findIndex((e) => e.type === 'group' && groupOf.get(e.label) === audience);
	if (mine <= 0) return scoped;
	const [group] = scoped.splice(mine, 1);
	scoped.splice(scoped[0]?.type === 'link' ? 1 : 0, 0, group!);
	return scoped;
}
