import { audienceNames, audiences, type Audience } from '../schemas/common.ts';

/** Page 1 of a paginated list is the list's own address; page n adds "n/". */
const pageSuffix = (page: number) => (page > 1 ? `${page}/` : '');
const faqTopic = (topic: string, page = 1) => `/faq/${topic}/${pageSuffix(page)}`;
/** The path segment of the full lists for one audience: "for-affiliates". */
const listSegment = (audience: Audience) => `for-${audienceNames[audience]}`;

/** Where each kind of entry lives on the site; the one place URLs are made. */
export const urls = {
	home: () => '/',
	/** An audience's hub: /affiliates/, /customers/, /advertisers/. */
	hub: (audience: Audience) => `/${audienceNames[audience]}/`,
	/** Every FAQ topic, with its first questions. */
	faqIndex: () => '/faq/',
	/** An FAQ topic page; page 1 (the default) is /faq/<topic>/, later pages /faq/<topic>/2/ and on. */
	faqTopic,
	/** One question's deep link, on the page of its topic that holds it (see faqPages in pagination.ts). */
	faq: (topic: string, id: string, page: number) => `${faqTopic(topic, page)}#${id}`,
	/** Where each question of a paginated topic is (id → deep link), for links to questions that moved page. */
	faqPlaces: (topic: string) => `/faq/${topic}/questions.json`,
	/** Every audience's first troubleshooting guides. */
	troubleshootingIndex: () => '/troubleshooting/',
	troubleshooting: (id: string) => `/troubleshooting/${id}/`,
	/** Every troubleshooting guide for one audience, a page at a time. */
	troubleshootingList: (audience: Audience, page = 1) =>
		`/troubleshooting/${listSegment(audience)}/${pageSuffix(page)}`,
	/** Every guide for one audience, a page at a time. */
	guideList: (audience: Audience, page = 1) => `/guides/${listSegment(audience)}/${pageSuffix(page)}`,
	disclosures: () => '/disclosures/',
	disclosure: (channel: string) => `/disclosures/${channel}/`,
	/** The commission rates page; with an offer, that offer's rule on it. */
	commission: (offer?: string) => (offer ? `/commission/#${offer}` : '/commission/'),
	terms: (version: string) => `/terms/${version.replace('.', '-')}/`,
	termsCurrent: () => '/terms/',
	termsChanges: () => '/terms/changes/',
	doc: (id: string) => (id === 'index' ? '/' : id === '404' ? '/404.html' : `/${id}/`),
	/** The ask page; with a section, that part of it ("channels"). */
	ask: (section?: string) => (section ? `/ask/#${section}` : '/ask/'),
	search: () => '/search/',
	/** The feedback API that the vote and ask forms post to (src/server/api.ts answers it). */
	feedbackApi: () => '/api/feedback/',
	/** The Atom feed of program changes: terms versions, commission rules, disclosure rules. */
	changesFeed: () => '/changes.xml',
} as const;

/** The support team's dashboard (src/pages/support/): its pages, the forms they post to and the exports. */
export const supportUrls = {
	overview: () => '/support/',
	groups: () => '/support/groups/',
	answerGroup: () => '/support/groups/answer/',
	signOut: () => '/support/sign-out/',
	export: (view: string) => `/support/export/${view}.csv`,
} as const;

/** The route parameters of a page of a full list: its audience segment and, after page 1, its number. */
export const listParams = (audience: Audience, page: number) => ({
	list: listSegment(audience),
	page: page > 1 ? String(page) : undefined,
});

/** What a full list's address shows, or undefined when `path` is not one ("/troubleshooting/for-customers/3/"). */
export function listAt(
	path: string,
): { kind: 'troubleshooting' | 'guides'; audience: Audience; page: number } | undefined {
	const match = /^\/(troubleshooting|guides)\/for-([a-z]+)\/(?:([1-9]\d*)\/)?$/.exec(
		path.endsWith('/') ? path : `${path}/`,
	);
	const audience = audiences.find((a) => audienceNames[a] === match?.[2]);
	if (!match || !audience || match[3] === '1') return undefined;
	return { kind: match[1] as 'troubleshooting' | 'guides', audience, page: Number(match[3] ?? 1) };
}
