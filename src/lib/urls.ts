/** Where each kind of entry lives on the site; the one place URLs are made. */
export const urls = {
	faqTopic: (topic: string) => `/faq/${topic}/`,
	faq: (topic: string, id: string) => `/faq/${topic}/#${id}`,
	troubleshooting: (id: string) => `/troubleshooting/${id}/`,
	disclosure: (channel: string) => `/disclosures/${channel}/`,
	commission: (offer: string) => `/commission/#${offer}`,
	terms: (version: string) => `/terms/${version.replace('.', '-')}/`,
	termsCurrent: () => '/terms/',
	termsChanges: () => '/terms/changes/',
	doc: (id: string) => (id === 'index' ? '/' : id === '404' ? '/404.html' : `/${id}/`),
	ask: () => '/ask/',
	/** The Atom feed of program changes: terms versions, commission rules, disclosure rules. */
	changesFeed: () => '/changes.xml',
} as const;
