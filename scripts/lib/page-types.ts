/**
 * One page of each kind the site serves, by URL path: what the accessibility and Lighthouse tests
 * and the page benchmark visit. The thank-you page's reference is well formed, so it is shown.
 */
export const pageTypes = {
	home: '/',
	hub: '/affiliates/',
	guide: '/affiliates/onboarding/payments/',
	faq: '/faq/payments/',
	troubleshooting: '/troubleshooting/link-not-tracking/',
	terms: '/terms/',
	commission: '/commission/',
	disclosure: '/disclosures/social/',
	search: '/search/?q=payout+threshold',
	ask: '/ask/',
	'thank-you': '/ask/thanks/?ref=FB-7K2M-9QXD',
	'404': '/no-such-page/',
	tools: '/tools/',
	'tool-earnings': '/tools/earnings/',
	'tool-payout': '/tools/payout/',
	'tool-status': '/tools/status/',
	'tool-terms': '/tools/terms/',
	'tool-disclosure': '/tools/disclosure/',
	'tool-answer':
		'/tools/payout/answer/?orderDate=2026-10-01&orderTime=23%3A30&zone=America%2FDenver&amount=30&balance=25',
} as const;

/** A page kind: home, hub, guide, … */
export type PageType = keyof typeof pageTypes;

/**
 * Page kinds the real content does not have yet, audited on a fixture site built for them
 * (tests/helpers/paginated-site.ts): an FAQ topic long enough to span pages, at its second page.
 */
export const fixturePageTypes = {
	'faq-paginated': '/faq/payments/2/',
} as const;
