/**
 * The sidebar holds hubs and small fixed groups, never one link per entry:
 * a link per article would put every article into every page and make the
 * build grow with the square of the content. Long lists live on hub pages.
 */
export const sidebar = [
	{ label: 'Home', link: '/' },
	{
		label: 'Affiliates',
		items: [
			{ label: 'Affiliate hub', link: '/affiliates/' },
			{ label: 'Getting started', items: [{ autogenerate: { directory: 'affiliates/onboarding' } }] },
		],
	},
	{ label: 'Customers', items: [{ label: 'Customer hub', link: '/customers/' }] },
	{ label: 'Advertisers', items: [{ label: 'Advertiser hub', link: '/advertisers/' }] },
	{
		label: 'Browse',
		items: [
			{ label: 'Search by audience and type', link: '/search/' },
			{ label: 'Frequently asked questions', link: '/faq/' },
			{ label: 'Troubleshooting', link: '/troubleshooting/' },
			{ label: 'Commission rates', link: '/commission/' },
			{ label: 'Program terms', link: '/terms/' },
			{ label: 'Disclosure rules', link: '/disclosures/' },
			{ label: 'Glossary', link: '/glossary/' },
		],
	},
];
