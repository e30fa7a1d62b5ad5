import type { SourceFile } from '../content-files.ts';
import type { Finding } from '../finding.ts';
import type { Rule } from './context.ts';
import { proseLines } from './markdown-lines.ts';
import { sidebar } from '../../../../src/navigation.ts';
import { urls } from '../../../../src/lib/urls.ts';
import { faqPages } from '../../../../src/lib/pagination.ts';
import { fillFacts } from '../../../../src/lib/facts.ts';

interface SidebarItem {
	link?: string;
	items?: SidebarItem[];
	autogenerate?: { directory: string };
}

const LINK = /\]\((\/[^)\s#]*)|href=["'{]?["'`]?(\/[^"'`\s#}]*)/g;
const HUB = /<AudienceHub\s+audience=["']([a-z]+)["']/g;
const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/** The page an entry appears on; entries of typed collections live on their collection's pages, a question on the page of its topic that holds it. */
function pageOf(file: SourceFile, data: Record<string, unknown>, faqPage: ReadonlyMap<string, number>): string {
	switch (file.collection) {
		case 'docs': return urls.doc(file.id);
		case 'faqs': return urls.faqTopic(String(data['topic']), faqPage.get(file.id));
		case 'troubleshooting': return urls.troubleshooting(file.id);
		case 'disclosures': return urls.disclosure(String(data['channel']));
		case 'commission': return '/commission/';
		case 'terms': return urls.terms(String(data['version']));
	}
}

/** Site paths a string value of the front matter links to (hero actions, cards). */
function frontMatterLinks(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string' && /^\/[a-z0-9/_-]*$/i.test(value)) out.push(withSlash(value));
	else if (Array.isArray(value)) value.forEach((v) => frontMatterLinks(v, out));
	else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => frontMatterLinks(v, out));
	return out;
}

/**
 * Every article can be reached from the navigation. Reading starts at the home page and
 * the sidebar (src/navigation.ts) and follows what the pages link to: Markdown and HTML
 * links, `related` entries, the lists an audience hub (`<AudienceHub>`) renders, and the
 * lists each collection's index page renders (/faq/, /troubleshooting/, /disclosures/,
 * /commission/, /terms/), directly or through the full lists and pages they link to. FAQ
 * questions are placed on the pages of their topics as the build places them: /faq/ links each
 * topic's first page, and each page the next one. A guide that no reachable page links to is reported.
 */
export const reachability: Rule = ({ files, data, facts }) => {
	const faqPage = faqPages(
		files.flatMap((file) => {
			const d = data.get(file.path);
			return file.collection === 'faqs' && d ? [{ id: file.id, topic: String(d['topic']), question: fillFacts(String(d['question']), facts) }] : [];
		}),
	);
	const entries = files.flatMap((file) => {
		const d = data.get(file.path);
		return d ? [{ file, data: d, page: pageOf(file, d, faqPage) }] : [];
	});
	const edges = new Map<string, Set<string>>();
	const link = (from: string, to: string) => {
		if (!edges.has(from)) edges.set(from, new Set());
		edges.get(from)!.add(to);
	};
	// The 404 page is reached by every unknown address.
	const start = new Set<string>(['/', urls.doc('404')]);
	const walkSidebar = (items: SidebarItem[]) => {
		for (const item of items) {
			if (item.link) start.add(withSlash(item.link));
			if (item.autogenerate) {
				const dir = item.autogenerate.directory.replace(/\/$/, '');
				for (const e of entries) if (e.file.collection === 'docs' && e.file.id.startsWith(`${dir}/`)) start.add(e.page);
			}
			if (item.items) walkSidebar(item.items);
		}
	};
	walkSidebar(sidebar as SidebarItem[]);

	// FAQ topic pages: /faq/ links page 1 of each topic; the pagination nav links each page to its neighbours.
	const pageCounts = new Map<string, number>();
	for (const e of entries) {
		if (e.file.collection === 'faqs') pageCounts.set(String(e.data['topic']), Math.max(pageCounts.get(String(e.data['topic'])) ?? 1, faqPage.get(e.file.id) ?? 1));
	}
	for (const [topic, count] of pageCounts) {
		link('/faq/', urls.faqTopic(topic));
		for (let page = 1; page < count; page++) {
			link(urls.faqTopic(topic, page), urls.faqTopic(topic, page + 1));
			link(urls.faqTopic(topic, page + 1), urls.faqTopic(topic, page));
		}
	}

	const indexOf: Record<string, string> = { troubleshooting: '/troubleshooting/', disclosures: '/disclosures/', commission: '/commission/', terms: '/terms/' };
	for (const e of entries) {
		const index = indexOf[e.file.collection];
		if (index) link(index, e.page);
		for (const ref of (e.data['related'] as string[] | undefined) ?? []) {
			const target = entries.find((t) => `${t.file.collection}/${t.file.id}` === ref);
			if (target) link(e.page, target.page);
		}
		for (const to of frontMatterLinks(e.data)) link(e.page, to);
		for (const { text } of proseLines(e.file)) {
			for (const m of text.matchAll(LINK)) link(e.page, withSlash((m[1] ?? m[2])!));
			for (const m of text.matchAll(HUB)) {
				for (const t of entries) if (t.data['audience'] === m[1] && ['docs', 'faqs', 'troubleshooting'].includes(t.file.collection)) link(e.page, t.page);
			}
		}
	}

	const reached = new Set<string>();
	const queue = [...start];
	while (queue.length) {
		const page = queue.pop()!;
		if (reached.has(page)) continue;
		reached.add(page);
		for (const next of edges.get(page) ?? []) queue.push(next);
	}

	const findings: Finding[] = [];
	for (const e of entries) {
		if (reached.has(e.page)) continue;
		findings.push({
			severity: 'error',
			file: e.file.path,
			line: e.file.lineOf([]),
			message: `No page of the navigation leads to ${e.page}: readers can only find it by search.`,
			hint:
				e.file.collection === 'docs'
					? 'Give it an `audience` so that its hub lists it, link to it from a hub or a guide, or add it to a sidebar group in src/navigation.ts.'
					: `Link the collection's index page from the sidebar (src/navigation.ts) or from a guide.`,
		});
	}
	return findings;
};
