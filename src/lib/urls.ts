/** Page 1 of a paginated list is the list's own address; page n adds "n/". */
const pageSuffix = (page: number) => (page > 1 ? `${page}/` : '');
const faqTopic = (topic: string, page = 1) => `/faq/${topic}/${pageSuffix(page)}`;

/** Where each kind of entry lives on the site; the one place URLs are made. */
export const urls = {
	/** An FAQ topic page; page 1 (the default) is /faq/<topic>/, later pages /faq/<topic>/2/ and on. */
	faqTopic,
	/** One question's deep link, on the page of its topic that holds it (see faqPages in pagination.ts). */
	faq: (topic: string, id: string, page: number) => `${faqTopic(topic, page)}#${id}`,
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
