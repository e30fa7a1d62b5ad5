import type { Finding } from '../finding.ts';
import type { Rule } from './context.ts';
import { proseLines } from './markdown-lines.ts';
import { sidebar } from '../../../../src/navigation.ts';
import { urls } from '../../../../src/lib/urls.ts';
import { describe } from '../../../../src/collections.ts';
import { prefixedLocales } from '../../../../src/i18n/locales.ts';

interface SidebarItem {
	link?: string;
	items?: SidebarItem[];
	autogenerate?: { directory: string };
}

const LINK = /\]\((\/[^)\s#]*)|href=["'{]?["'`]?(\/[^"'`\s#}]*)/g;
const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/** Site paths a string value of the front matter links to (hero actions, cards). */
function frontMatterLinks(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string' && /^\/[a-z0-9/_-]*$/i.test(value)) out.push(withSlash(value));
	else if (Array.isArray(value)) value.forEach((v) => frontMatterLinks(v, out));
	else if (value && typeof value === 'object' && !(value instanceof Date))
		Object.values(value).forEach((v) => frontMatterLinks(v, out));
	return out;
}

/**
 * Every article can be reached from the navigation. An entry that a page lists without a writer
 * linking it (src/collections.ts, `listedOn`: a question on its topic's pages, a guide on its
 * audience's full list, a rule on /commission/…) is reached: that those pages are linked from the
 * home page, page by page, is checked on the built site (tests/integration/links.test.ts), which
 * follows the links the pages really render. The others (a guide without an audience) must be in
 * the sidebar (src/navigation.ts) or linked from a page that is reached: by a Markdown or HTML link,
 * a `related` entry or a front matter link (hero actions, cards). One that is not is reported.
 */
export const reachability: Rule = ({ files, data }) => {
	const entries = files.flatMap((file) => {
		const d = data.get(file.path);
		if (!d) return [];
		const { url, listedOn } = describe(file.collection, { id: file.id, data: d }, 1);
		return [{ file, data: d, page: url.replace(/#.*$/, ''), listedOn }];
	});
	const edges = new Map<string, Set<string>>();
	const link = (from: string, to: string) => {
		if (!edges.has(from)) edges.set(from, new Set());
		edges.get(from)!.add(to);
	};
	// The 404 page is reached by every unknown address; each language's home page by the language choice on every page.
	const start = new Set<string>(['/', urls.doc('404'), ...prefixedLocales.map((locale) => `/${locale}/`)]);
	for (const e of entries) if (e.listedOn) start.add(e.page);
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

	for (const e of entries) {
		for (const ref of (e.data['related'] as string[] | undefined) ?? []) {
			const target = entries.find((t) => `${t.file.collection}/${t.file.id}` === ref);
			if (target) link(e.page, target.page);
		}
		for (const to of frontMatterLinks(e.data)) link(e.page, to);
		for (const { text } of proseLines(e.file)) {
			for (const m of text.matchAll(LINK)) link(e.page, withSlash((m[1] ?? m[2])!));
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
			where: { file: e.file.path, line: e.file.lineOf([]) },
			message: `No page of the navigation leads to ${e.page}: readers can only find it by search.`,
			hint: 'Give it an `audience` so that its hub lists it, link to it from a hub or a guide, or add it to a sidebar group in src/navigation.ts.',
		});
	}
	return findings;
};
