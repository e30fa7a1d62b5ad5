/**
 * Questions in readers' own words, each with the articles that answer it: the yardstick for the
 * suggestions the ask form shows while a question is typed (npm run bench:suggestions).
 * Wording deliberately avoids the articles' titles.
 */
export const suggestionCases: Array<{ question: string; answers: string[] }> = [
	{ question: 'When will I receive my money?', answers: ['/faq/payments/', '/affiliates/onboarding/payments/'] },
	{
		question: 'How much do I need to earn before you pay me?',
		answers: ['/faq/payments/', '/troubleshooting/balance-below-threshold/', '/affiliates/onboarding/payments/'],
	},
	{
		question: 'I did not get paid this month even though I made sales',
		answers: ['/troubleshooting/balance-below-threshold/', '/troubleshooting/payment-late/'],
	},
	{
		question: 'My payout still has not arrived in my bank account',
		answers: ['/troubleshooting/payment-late/', '/faq/payments/'],
	},
	{
		question: 'Can I get paid by PayPal instead of bank transfer?',
		answers: ['/faq/payments/', '/affiliates/onboarding/payments/'],
	},
	{
		question: 'How do I update my bank details?',
		answers: ['/faq/payments/', '/faq/account/', '/affiliates/onboarding/payments/'],
	},
	{
		question: 'Do I have to fill in a W-9 or W-8BEN?',
		answers: ['/affiliates/onboarding/tax-forms/', '/faq/payments/'],
	},
	{
		question: 'How long does the cookie last after someone clicks my link?',
		answers: ['/faq/tracking/', '/glossary/', '/affiliates/onboarding/tracking-links/', '/commission/'],
	},
	{
		question: 'Clicks on my link are not being counted',
		answers: ['/troubleshooting/link-not-tracking/', '/faq/tracking/'],
	},
	{
		question: 'A customer bought something but the sale is not in my dashboard',
		answers: ['/troubleshooting/conversions-missing/', '/faq/tracking/'],
	},
	{
		question: 'Do ad blockers stop my sales from being tracked?',
		answers: ['/troubleshooting/cookies-and-ad-blockers/'],
	},
	{
		question: 'Why was my commission taken back?',
		answers: ['/troubleshooting/commission-reversed/', '/faq/commissions/'],
	},
	{ question: 'Why is my commission still pending?', answers: ['/faq/commissions/'] },
	{ question: 'What percentage do I earn on each sale?', answers: ['/commission/', '/faq/commissions/'] },
	{
		question: 'Can I bid on the brand name in Google Ads?',
		answers: ['/faq/account/', '/affiliates/onboarding/promotion-rules/', '/faq/commissions/'],
	},
	{
		question: 'How do I track campaigns with sub IDs?',
		answers: ['/faq/tracking/', '/affiliates/onboarding/tracking-links/'],
	},
	{
		question: 'Can I promote the offers on more than one website?',
		answers: ['/faq/account/', '/affiliates/onboarding/joining/'],
	},
	{ question: 'I forgot my password and cannot log in', answers: ['/troubleshooting/dashboard-login/'] },
	{ question: 'How do I mention the affiliate link in a YouTube video?', answers: ['/disclosures/video/'] },
	{ question: 'What do I need to say on Instagram posts with my link?', answers: ['/disclosures/social/'] },
	{ question: 'Do I need a disclosure in my newsletter?', answers: ['/disclosures/email/'] },
	{ question: 'How do I disclose affiliate links in a podcast episode?', answers: ['/disclosures/podcast/'] },
	{
		question: 'My discount code does not work at checkout',
		answers: ['/troubleshooting/coupon-not-applied/', '/faq/pre-sale/'],
	},
	{
		question: 'Do I pay more if I buy through an affiliate link?',
		answers: ['/faq/pre-sale/', '/customers/buying-through-a-partner-link/'],
	},
	{
		question: 'Can the affiliate see my personal data?',
		answers: ['/faq/pre-sale/', '/customers/buying-through-a-partner-link/'],
	},
	{ question: 'How do I send an item back?', answers: ['/faq/refunds-returns/', '/troubleshooting/refund-or-return/'] },
	{
		question: 'I returned my order weeks ago and still have no refund',
		answers: ['/troubleshooting/refund-or-return/', '/faq/refunds-returns/'],
	},
	{ question: 'Is my boots covered by the warranty?', answers: ['/faq/warranty/'] },
	{
		question: 'Our postback URL is not firing',
		answers: ['/troubleshooting/postback-not-firing/', '/faq/tracking/', '/advertisers/cpa-tracking/'],
	},
	{
		question: 'Our numbers do not match the network report',
		answers: ['/troubleshooting/network-discrepancies/', '/faq/disputes/'],
	},
	{
		question: 'How do we dispute a conversion we think is fraud?',
		answers: ['/advertisers/disputes/', '/faq/disputes/', '/advertisers/invalid-conversions/'],
	},
	{
		question: 'What counts as an invalid conversion?',
		answers: ['/advertisers/invalid-conversions/', '/faq/invalid-conversions/'],
	},
	{
		question: 'How are CPA conversions billed?',
		answers: [
			'/faq/commissions/',
			'/faq/disputes/',
			'/advertisers/cpa-tracking/',
			'/faq/invalid-conversions/',
			'/commission/',
		],
	},
	{ question: 'What changed in the latest program terms?', answers: ['/terms/changes/', '/terms/'] },
];
