import type { Audience } from './schemas/common.ts';

/**
 * The sidebar holds hubs and small fixed groups, never one link per entry:
 * a link per article would put every article into every page and make the
 * build grow with the square of the content. Long lists live on hub pages.
 *
 * Each audience has one group, named in `audienceGroups`. On a page written for one audience,
 * src/components/Sidebar.astro puts that audience's group first and open and closes the others
 * (`scopeSidebar`); on pages for everyone the audience groups start closed.
 */
export const audienceGroups = { affiliate: 'Affiliates', customer: 'Customers', advertiser: 'Advertisers' } as const satisfies Record<Audience, string>;

export const sidebar = [
	{ label: 'Home', link: '/' },
	{
		label: audienceGroups.affiliate,
		collapsed: true,
		items: [
			{ label: 'Affiliate hub', link: '/affiliates/' },
			{ label: 'Getting started', items: [{ autogenerate: { directory: 'affiliates/onboarding' } }] },
			{ label: 'Commission rates', link: '/commission/' },
			{ label: 'Program terms', link: '/terms/' },
			{ label: 'Disclosure rules', link: '/disclosures/' },
		],
	},
	{
		label: audienceGroups.customer,
		collapsed: true,
		items: [
			{ label: 'Customer hub', link: '/customers/' },
			{ label: 'Buying through a partner link', link: '/customers/buying-through-a-partner-link/' },
			{ label: 'Refunds and returns', link: '/faq/refunds-returns/' },
			{ label: 'Warranty', link: '/faq/warranty/' },
			{ label: 'Before you buy', link: '/faq/pre-sale/' },
		],
	},
	{
		label: audienceGroups.advertiser,
		collapsed: true,
		items: [
			{ label: 'Advertiser hub', link: '/advertisers/' },
			{ label: 'CPA tracking', link: '/advertisers/cpa-tracking/' },
			{ label: 'Invalid conversions', link: '/faq/invalid-conversions/' },
			{ label: 'Disputes', link: '/faq/disputes/' },
		],
	},
	{
		label: 'Browse',
		items: [
			{ label: 'Search by audience and type', link: '/search/' },
			{ label: 'Frequently asked questions', link: '/faq/' },
			{ label: 'Troubleshooting', link: '/troubleshooting/' },
			{ label: 'Glossary', link: '/glossary/' },
			{ label: 'Contact support', link: '/ask/' },
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

/** The audience a page is for, from its path (hubs) or its own audiences when it has exactly one. */
export function audienceOfPage(path: string, audiences: readonly Audience[]): Audience | undefined {
	const hub = (Object.entries({ '/affiliates/': 'affiliate', '/customers/': 'customer', '/advertisers/': 'advertiser' }) as Array<[string, Audience]>).find(([prefix]) => path.startsWith(prefix));
	if (hub) return hub[1];
	return audiences.length === 1 ? audiences[0] : undefined;
}

/**
 * The sidebar for a reader of one audience: that audience's group right after the first entry (Home),
 * open with its sub-groups; the other audience groups closed. Without an audience, every audience group
 * is closed and the order is kept. Returns new entries; the input is not changed.
 */
export function scopeSidebar<E extends ScopedEntry>(entries: readonly E[], audience: Audience | undefined): E[] {
	const groupOf = new Map(Object.entries(audienceGroups).map(([a, label]) => [label as string, a as Audience]));
	const open = (e: E): E => (e.type === 'group' ? { ...e, collapsed: false, entries: e.entries?.map((c) => open(c as E)) } : e);
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
