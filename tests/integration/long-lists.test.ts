import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { buildAt, materializeFixture, removeFixture } from '../helpers/fixtures.ts';
import { jsonLd } from '../helpers/site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer } from '../helpers/server.ts';
import { checkContent, formatFinding } from '../../scripts/writers/lib/check.ts';
import { openSearchIndex } from '../../scripts/bench/search-index.ts';
import { faqPageSize, listPageSize, previewSize } from '../../src/lib/pagination.ts';

// More entries than one page holds: 61 questions about payments (the base fixture's "When do I get
// paid?" sorts last), 55 troubleshooting guides and 12 guides for affiliates. Question n is
// "How does payout rule NN work?" in a file named rule-(61 - n), so that file order is the
// reverse of the order readers see: a page is decided by the question, never by the file name.
// Questions 1–25 are for customers and 26–60 for affiliates, so that the affiliate hub's
// questions are on page 2.
const questions = 60;
const fixes = 55;
const guides = 12;
const pad = (n: number) => String(n).padStart(2, '0');
const ruleId = (n: number) => `rule-${pad(questions + 1 - n)}`;
const common = { owner: 'partner-support', lastReviewed: '2026-11-01' };

function write(root: string, path: string, data: object, body: string) {
	const file = join(root, 'src', 'content', path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, `---\n${stringify(data)}---\n\n${body}\n`);
}

function writeEntries(root: string) {
	for (let n = 1; n <= questions; n++) {
		write(
			root,
			`faqs/${ruleId(n)}.md`,
			{
				question: `How does payout rule ${pad(n)} work?`,
				description: 'One of many answers about payout rules, for the long topic.',
				audience: n <= 25 ? 'customer' : 'affiliate',
				topic: 'payments',
				...common,
			},
			'It applies once a month, as the program terms describe.',
		);
	}
	// A short topic, one page with no pagination; one answer points at a question on page 3 of payments.
	write(
		root,
		'faqs/change-email.md',
		{
			question: 'Can I change my login email?',
			description: 'Yes, under Account settings, after confirming the new address.',
			audience: 'affiliate',
			topic: 'account',
			...common,
			related: [`faqs/${ruleId(55)}`],
		},
		'Open Account settings and confirm the new address.',
	);
	write(
		root,
		'faqs/close-account.md',
		{
			question: 'Can I close my account?',
			description: 'Yes: partner support closes it once the last payment is made.',
			audience: 'affiliate',
			topic: 'account',
			...common,
		},
		'Ask partner support; the last payment is made first.',
	);
	for (let n = 1; n <= fixes; n++) {
		write(
			root,
			`troubleshooting/report-${pad(n)}.md`,
			{
				title: `Payout report ${pad(n)} is blank`,
				description: 'The report opens but shows no rows; here is why and what to do.',
				audience: 'affiliate',
				...common,
				symptoms: ['The report opens with no rows in it.'],
				causes: [{ cause: 'The filter hides every row.', check: 'Look at the filter above the report.' }],
				steps: [
					{ title: 'Clear the filter', text: 'Choose "All" in the filter above the report.' },
					{ title: 'Reload the report', text: 'Open the report again from the Payments tab.' },
				],
				contactSupport: 'Contact partner support if the report stays blank with no filter set.',
			},
			'## Why this happens\n\nFilters are kept between visits.',
		);
	}
	write(
		root,
		'troubleshooting/order-missing.md',
		{
			title: 'My order confirmation is missing',
			description: 'No confirmation email arrived after the order; where to look for it.',
			audience: 'customer',
			...common,
			symptoms: ['No email after the order.'],
			causes: [{ cause: 'It went to spam.', check: 'Look in the spam folder.' }],
			steps: [
				{ title: 'Search the inbox', text: 'Search for the order number in every folder.' },
				{ title: 'Check the address', text: 'Compare the email address on the order with yours.' },
			],
			contactSupport: 'Contact customer care if no email arrived within an hour.',
		},
		'## Why this happens\n\nMail filters differ.',
	);
	for (let n = 1; n <= guides; n++) {
		write(
			root,
			`docs/affiliates/guides/guide-${pad(n)}.md`,
			{
				title: `Working with payout report ${pad(n)}`,
				description: 'A guide to one of the payout reports, for the hub to list.',
				audience: 'affiliate',
				...common,
			},
			'Open the report from the Payments tab.',
		);
	}
}

let root: string;
let build: { code: number | null; output: string };
const client = () => join(root, 'dist', 'client');
const html = (path: string) => readFileSync(join(client(), path, 'index.html'), 'utf8');
const built = (path: string) => existsSync(join(client(), path, 'index.html'));

/** The ids of the FAQ sections on a page, in order. */
const questionIds = (page: string) =>
	[...page.matchAll(/<section class="ph-faq" aria-labelledby="([^"]+)"/g)].map((m) => m[1]!);
/** Targets of the links in a piece of HTML. */
const hrefs = (part: string) => [...part.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
const description = (page: string) => /<meta name="description" content="([^"]*)"/.exec(page)?.[1];
const canonicalPath = (page: string) => new URL(/<link rel="canonical" href="([^"]+)"/.exec(page)![1]!).pathname;
/** The pagination nav of a page: its label, and each link with its text and attributes. */
function pagination(page: string) {
	const nav = /<nav class="ph-pagination[^"]*" aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/nav>/.exec(page);
	if (!nav) return undefined;
	const links = [...nav[2]!.matchAll(/<a href="([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => ({
		href: m[1]!,
		rel: /rel="([^"]+)"/.exec(m[2]!)?.[1],
		current: /aria-current="page"/.test(m[2]!),
		text: m[3]!.replace(/<[^>]+>/g, ''),
	}));
	return { label: nav[1]!, links };
}
/** The search filters a page declares (Pagefind filter elements, `data-pagefind-filter="audience:customer"`). */
const filters = (page: string) => ({
	audience: [...page.matchAll(/data-pagefind-filter="audience:([^"]+)"/g)].map((m) => m[1]!).sort(),
	type: [...page.matchAll(/data-pagefind-filter="type:([^"]+)"/g)].map((m) => m[1]!),
});
/** The part of a page under the heading with `id`: up to the next heading of its level or the end of its section. */
const section = (page: string, id: string, level: 2 | 3) => {
	const start = page.indexOf(`<h${level} id="${id}"`);
	expect(start, `heading #${id}`).toBeGreaterThanOrEqual(0);
	const ends = [page.indexOf(`<h${level} `, start + 1), page.indexOf('</section>', start)].filter((i) => i > 0);
	return page.slice(start, Math.min(...ends));
};

beforeAll(async () => {
	root = materializeFixture('long-lists', { withProject: true });
	writeEntries(root);
	build = await buildAt(root, { OG_IMAGES: 'off' });
});
afterAll(() => root && removeFixture(root));

describe('a topic with more questions than a page holds', () => {
	const pages = ['/faq/payments/', '/faq/payments/2/', '/faq/payments/3/'];
	/** Question ids in reading order: "How does payout rule 01 work?" … 60, then "When do I get paid?". */
	const inOrder = [...Array.from({ length: questions }, (_, i) => ruleId(i + 1)), 'when-paid'];

	it('builds, with one page per 25 questions and the first at the topic address', async () => {
		expect(build.code, build.output).toBe(0);
		expect(faqPageSize).toBe(25);
		expect(pages.map(built)).toEqual([true, true, true]);
		expect(built('/faq/payments/4/')).toBe(false);
		expect(built('/faq/payments/1/')).toBe(false);
		expect(pages.map((p) => questionIds(html(p)).length)).toEqual([25, 25, 11]);
	});

	it('puts each question on exactly one page, in the order of the questions, whatever the file names', async () => {
		expect(pages.flatMap((p) => questionIds(html(p)))).toEqual(inOrder);
	});

	it('lists each page’s own questions in its FAQPage JSON-LD, with deep links to that page', async () => {
		for (const path of pages) {
			const page = html(path);
			const [ld] = jsonLd(page);
			expect(ld?.['@type']).toBe('FAQPage');
			const entities = ld!['mainEntity'] as Array<{ url: string; name: string }>;
			expect(
				entities.map((q) => {
					const url = new URL(q.url);
					return `${url.pathname}${url.hash}`;
				}),
			).toEqual(questionIds(page).map((id) => `${path}#${id}`));
		}
	});

	it('gives every page its own title, description and canonical address', async () => {
		expect(pages.map((p) => title(html(p)))).toEqual([
			'FAQ: Payments and payouts (page 1 of 3) | Tallwood Partners Help',
			'FAQ: Payments and payouts (page 2 of 3) | Tallwood Partners Help',
			'FAQ: Payments and payouts (page 3 of 3) | Tallwood Partners Help',
		]);
		expect(pages.map((p) => description(html(p)))).toEqual([
			'Questions 1–25 of 61 about payments and payouts, answered.',
			'Questions 26–50 of 61 about payments and payouts, answered.',
			'Questions 51–61 of 61 about payments and payouts, answered.',
		]);
		expect(pages.map((p) => canonicalPath(html(p)))).toEqual(pages);
	});

	it('links the pages with a labelled nav: previous, next, the page numbers and the current page marked', async () => {
		const navs = pages.map((p) => pagination(html(p))!);
		for (const nav of navs) expect(nav.label).toBe('Pages of Payments and payouts');
		const describe = (nav: NonNullable<ReturnType<typeof pagination>>) =>
			nav.links.map((l) => `${l.text}${l.rel ? ` (${l.rel})` : ''}${l.current ? ' [current]' : ''} → ${l.href}`);
		expect(describe(navs[0]!)).toEqual([
			'Page 1 [current] → /faq/payments/',
			'Page 2 → /faq/payments/2/',
			'Page 3 → /faq/payments/3/',
			'Next page (next) → /faq/payments/2/',
		]);
		expect(describe(navs[1]!)).toEqual([
			'Previous page (prev) → /faq/payments/',
			'Page 1 → /faq/payments/',
			'Page 2 [current] → /faq/payments/2/',
			'Page 3 → /faq/payments/3/',
			'Next page (next) → /faq/payments/3/',
		]);
		expect(describe(navs[2]!)).toEqual([
			'Previous page (prev) → /faq/payments/2/',
			'Page 1 → /faq/payments/',
			'Page 2 → /faq/payments/2/',
			'Page 3 [current] → /faq/payments/3/',
		]);
	});

	it('files every page of the topic under the search filters of page 1', async () => {
		expect(filters(html('/faq/payments/'))).toEqual({ audience: ['affiliate', 'customer'], type: ['faq'] });
		for (const path of pages.slice(1)) expect(filters(html(path)), path).toEqual(filters(html('/faq/payments/')));
	});

	it('leaves a topic that fits one page as it was: no page number, no nav', async () => {
		const page = html('/faq/account/');
		expect(title(page)).toBe('FAQ: Your account | Tallwood Partners Help');
		expect(description(page)).toBe('2 questions about your account, answered.');
		expect(pagination(page)).toBeUndefined();
	});

	it('sends every deep link on the site to the page that holds the question', async () => {
		const holder = new Map(pages.flatMap((p) => questionIds(html(p)).map((id) => [id, p] as const)));
		const everywhere = ['/', '/faq/', '/affiliates/', '/faq/account/', ...pages].flatMap((p) =>
			hrefs(html(p)).filter((h) => /^\/faq\/payments\/(\d+\/)?#/.test(h)),
		);
		const wrong = everywhere.filter(
			(h) => h.startsWith('/faq/payments/') && !h.endsWith('#_top') && holder.get(h.split('#')[1]!) !== h.split('#')[0],
		);
		expect(everywhere.length).toBeGreaterThan(20);
		expect(wrong).toEqual([]);
		// "Read next" on another topic's page, and the affiliate hub, whose questions are on page 2.
		expect(hrefs(html('/faq/account/'))).toContain(`/faq/payments/3/#${ruleId(55)}`);
		const hubQuestions = hrefs(section(html('/affiliates/'), 'questions-payments', 3));
		expect(hubQuestions.slice(0, previewSize)).toEqual(
			Array.from({ length: previewSize }, (_, i) => `/faq/payments/2/#${ruleId(26 + i)}`),
		);
	});

	it('publishes where each question of the topic is, for links to a question that has moved page', async () => {
		const holder = Object.fromEntries(
			pages.flatMap((p) => questionIds(html(p)).map((id) => [id, `${p}#${id}`] as const)),
		);
		const places = JSON.parse(readFileSync(join(client(), 'faq', 'payments', 'questions.json'), 'utf8')) as Record<
			string,
			string
		>;
		expect(places).toEqual(holder);
		expect(Object.keys(places)).toHaveLength(questions + 1);
		for (const path of pages)
			expect(html(path), path).toContain('<ph-moved-question data-places="/faq/payments/questions.json">');
		// A topic on one page has nothing to move: no map, no script.
		expect(existsSync(join(client(), 'faq', 'account', 'questions.json'))).toBe(false);
		expect(html('/faq/account/')).not.toContain('ph-moved-question');
	});

	it('sends a link to a question that moved page on to the page that holds it, in Chromium', async () => {
		const server = await startServer({ FEEDBACK_DB_PATH: join(root, '.data', 'feedback.sqlite') }, 0, root);
		const chromium = await launchBrowser();
		try {
			const page = await (await chromium.context()).newPage();
			// Rule 55 is on page 3; a link saved when it was on page 1 still finds it.
			await page.goto(`${server.base}/faq/payments/#${ruleId(55)}`);
			await page.waitForURL(`${server.base}/faq/payments/3/#${ruleId(55)}`);
			await expect(page.locator(`h2#${ruleId(55)}`).isVisible()).resolves.toBe(true);
			// A question on the page it is linked from stays put, and an unknown one lands at the top.
			await page.goto(`${server.base}/faq/payments/2/#${ruleId(30)}`);
			await page.goto(`${server.base}/faq/payments/2/#no-such-question`);
			await page.waitForLoadState('networkidle');
			expect(new URL(page.url()).pathname).toBe('/faq/payments/2/');
		} finally {
			await chromium.close();
			await server.stop();
		}
	});

	it('lands a search for a question on a later page on its deep link', async () => {
		const index = await openSearchIndex(client());
		try {
			const { landings } = await index.search('payout rule 55');
			expect(landings[0]?.url).toBe(`/faq/payments/3/#${ruleId(55)}`);
		} finally {
			await index.close();
		}
	});

	it('lists every page in the sitemap', async () => {
		const sitemap = readFileSync(join(client(), 'sitemap-0.xml'), 'utf8');
		for (const path of [...pages, '/troubleshooting/for-affiliates/2/', '/guides/for-affiliates/'])
			expect(sitemap).toContain(`${path}</loc>`);
	});
});

describe('index and hub pages with more entries than they show', () => {
	it('show the first questions of a topic and link to the topic for the rest', async () => {
		const payments = section(html('/faq/'), 'payments', 2);
		expect(hrefs(payments)).toEqual([
			'/faq/payments/',
			...Array.from({ length: previewSize }, (_, i) => `/faq/payments/#${ruleId(i + 1)}`),
			'/faq/payments/',
		]);
		expect(payments).toContain('All 61 questions about payments and payouts</a>');
	});

	it('show the first troubleshooting guides of an audience and link to all of them, a page at a time', async () => {
		const index = html('/troubleshooting/');
		const affiliates = section(index, 'affiliate', 2);
		expect(hrefs(affiliates)).toEqual([
			...Array.from({ length: previewSize }, (_, i) => `/troubleshooting/report-${pad(i + 1)}/`),
			'/troubleshooting/for-affiliates/',
		]);
		expect(affiliates).toContain('All 55 troubleshooting guides for affiliates</a>');
		// The customers' one guide fits the index: no list of its own.
		expect(hrefs(section(index, 'customer', 2))).toEqual(['/troubleshooting/order-missing/']);
		expect(built('/troubleshooting/for-customers/')).toBe(false);

		const lists = ['/troubleshooting/for-affiliates/', '/troubleshooting/for-affiliates/2/'];
		const listed = lists.flatMap((p) => hrefs(html(p)).filter((h) => /^\/troubleshooting\/report-/.test(h)));
		expect(listed).toEqual(Array.from({ length: fixes }, (_, i) => `/troubleshooting/report-${pad(i + 1)}/`));
		expect(hrefs(html(lists[0]!)).filter((h) => /^\/troubleshooting\/report-/.test(h))).toHaveLength(listPageSize);
		expect(lists.map((p) => title(html(p)))).toEqual([
			'Troubleshooting for affiliates (page 1 of 2) | Tallwood Partners Help',
			'Troubleshooting for affiliates (page 2 of 2) | Tallwood Partners Help',
		]);
		expect(lists.map((p) => canonicalPath(html(p)))).toEqual(lists);
		// The same pages in German, titled in German, listing the same guides at their German addresses.
		const german = lists.map((p) => `/de${p}`);
		expect(german.map((p) => title(html(p)))).toEqual([
			'Fehlerbehebung für Affiliates (Seite 1 von 2) | Tallwood Partners Help',
			'Fehlerbehebung für Affiliates (Seite 2 von 2) | Tallwood Partners Help',
		]);
		expect(german.flatMap((p) => hrefs(html(p)).filter((h) => /^\/de\/troubleshooting\/report-/.test(h)))).toEqual(
			listed.map((h) => `/de${h}`),
		);
		expect(
			pagination(html(lists[1]!))
				?.links.filter((l) => l.current)
				.map((l) => l.href),
		).toEqual([lists[1]]);
		for (const path of lists)
			expect(filters(html(path)), path).toEqual({ audience: ['affiliate'], type: ['troubleshooting'] });
	});

	it('show the first guides on the hub and link to all of them', async () => {
		const hub = html('/affiliates/');
		const cards = section(hub, 'guides', 2);
		expect(hrefs(cards)).toEqual([
			...Array.from({ length: previewSize }, (_, i) => `/affiliates/guides/guide-${pad(i + 1)}/`),
			'/guides/for-affiliates/',
		]);
		expect(cards).toContain('All 12 guides for affiliates</a>');
		expect(hrefs(section(hub, 'troubleshooting', 2)).at(-1)).toBe('/troubleshooting/for-affiliates/');

		const list = html('/guides/for-affiliates/');
		expect(hrefs(list).filter((h) => h.startsWith('/affiliates/guides/'))).toEqual(
			Array.from({ length: guides }, (_, i) => `/affiliates/guides/guide-${pad(i + 1)}/`),
		);
		expect(title(list)).toBe('Guides for affiliates | Tallwood Partners Help');
		expect(pagination(list)).toBeUndefined();
		expect(filters(list)).toEqual({ audience: ['affiliate'], type: ['guide'] });
	});

	it('pass the content check: every question is reached from the navigation, on whichever page it is', async () => {
		const findings = await checkContent(root, { today: new Date('2026-11-23T00:00:00Z') });
		expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
	});
});
