import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { xmlErrors } from '../helpers/xml.ts';
import { allPages, clientDir, isNotFoundPage, page, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { pngSize } from '../helpers/png.ts';
import { readContent } from '../../scripts/writers/lib/content-files.ts';
import { attributes, metaTags } from '../helpers/html-meta.ts';

beforeAll(requireBuild);

const site = 'https://help.tallwood.example';
const content = await readContent(projectRoot);
const of = (collection: string) =>
	content.filter((f) => f.collection === collection).map((f) => ({ id: f.id, data: f.raw as Record<string, any> }));
const meta = (html: string) => {
	const tags = metaTags(html);
	return {
		get: (key: string) => tags.find(([k]) => k === key)?.[1],
		all: (key: string) => tags.filter(([k]) => k === key).map(([, v]) => v),
	};
};
const links = (html: string) => [...html.matchAll(/<link\b[^>]*>/g)].map((m) => attributes(m[0]));
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('share cards on the built site', () => {
	const pages = allPages();

	it('gives every page a 1200×630 PNG that exists, with its size, alt text and Twitter tags', async () => {
		expect(pages.length).toBeGreaterThan(40);
		const seen = new Set<string>();
		for (const path of pages) {
			const m = meta(page(path));
			const image = m.get('og:image');
			expect(image, path).toMatch(new RegExp(`^${site}/og/.+\\.png$`));
			expect(seen.has(image!), `${path} shares its image with another page`).toBe(false);
			seen.add(image!);
			const file = join(clientDir, new URL(image!).pathname);
			expect(existsSync(file), `${path}: ${file} is missing`).toBe(true);
			expect(pngSize(readFileSync(file)), path).toEqual({ width: 1200, height: 630 });
			expect([m.get('og:image:width'), m.get('og:image:height'), m.get('og:image:type')], path).toEqual([
				'1200',
				'630',
				'image/png',
			]);
			expect(m.get('og:image:alt'), path).toContain(m.get('og:title'));
			expect(m.get('twitter:card'), path).toBe('summary_large_image');
			expect(m.get('twitter:image'), path).toBe(image);
			expect(m.get('twitter:image:alt'), path).toBe(m.get('og:image:alt'));
			expect(m.get('article:section'), path).toBeTruthy();
			expect(m.all('og:image'), `${path} has more than one og:image`).toHaveLength(1);
		}
	});

	it('says what the page is and who it is for', async () => {
		const home = meta(page('/'));
		expect(home.get('og:type')).toBe('website');
		const guide = meta(page('/troubleshooting/link-not-tracking/'));
		expect(guide.get('og:type')).toBe('article');
		expect(guide.get('article:section')).toBe('Troubleshooting');
		expect(guide.all('article:tag')).toEqual(['Affiliates']);
		expect(meta(page('/404.html')).get('article:section')).toBe('Page not found');
		const commission = meta(page('/commission/'));
		expect(commission.all('article:tag')).toEqual(['Affiliates', 'Advertisers']);
		expect(commission.get('og:image:alt')).toBe(
			'Tallwood Partners Help: Commission rates. Commission rates for affiliates and advertisers.',
		);
	});
});

describe('what each built page says it is', () => {
	const audienceLabel: Record<string, string> = {
		affiliate: 'Affiliates',
		customer: 'Customers',
		advertiser: 'Advertisers',
	};
	const groups = (html: string) =>
		[
			...html.matchAll(
				/<details( open)?[^>]*><summary[^>]*><span class="group-label[^"]*"><span class="large[^"]*">([^<]+)<\/span>/g,
			),
		]
			.map((m) => ({ label: m[2]!, open: Boolean(m[1]) }))
			.filter((g) => Object.values(audienceLabel).includes(g.label));

	it('files every page of an FAQ topic under the audiences of all its questions, on its card and in search', () => {
		const byTopic = new Map<string, Set<string>>();
		for (const f of of('faqs'))
			byTopic.set(
				String(f.data['topic']),
				(byTopic.get(String(f.data['topic'])) ?? new Set()).add(String(f.data['audience'])),
			);
		const topicPages = allPages().filter((p) => /^\/faq\/[^/]+\/(\d+\/)?$/.test(p));
		expect(topicPages.length).toBeGreaterThanOrEqual(byTopic.size);
		for (const path of topicPages) {
			const audiences = [...byTopic.get(path.split('/')[2]!)!].sort();
			const html = page(path);
			expect(meta(html).get('article:section'), path).toBe('FAQ');
			expect(meta(html).all('article:tag'), path).toEqual(audiences.map((a) => audienceLabel[a]));
			for (const a of audiences) expect(html, path).toContain(`data-pagefind-filter="audience:${a}"`);
			expect(html, path).toContain('data-pagefind-filter="type:faq"');
		}
	});

	it("opens the sidebar group of the page's one audience first, a hub's own included, and keeps the order elsewhere", () => {
		expect(groups(page('/customers/'))).toEqual([
			{ label: 'Customers', open: true },
			{ label: 'Affiliates', open: false },
			{ label: 'Advertisers', open: false },
		]);
		expect(groups(page('/troubleshooting/link-not-tracking/'))[0]).toEqual({ label: 'Affiliates', open: true });
		expect(groups(page('/advertisers/cpa-tracking/'))[0]).toEqual({ label: 'Advertisers', open: true });
		expect(groups(page('/faq/'))).toEqual(Object.values(audienceLabel).map((label) => ({ label, open: false })));
	});
});

describe('the program changes feed', () => {
	const xml = readFileSync(join(clientDir, 'changes.xml'), 'utf8');
	const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(
		xml,
	).feed;
	const entries: Array<Record<string, any>> = feed.entry;

	it('is well-formed Atom with the required elements', async () => {
		expect(xmlErrors(xml)).toEqual([]);
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeTruthy();
		expect(feed.link.find((l: any) => l['@_rel'] === 'self')['@_href']).toBe(`${site}/changes.xml`);
		expect(feed.updated).toMatch(rfc3339);
		for (const e of entries) {
			for (const key of ['id', 'title', 'updated', 'summary']) expect(e[key], `${e.id} ${key}`).toBeTruthy();
			expect(e.updated).toMatch(rfc3339);
			expect(e.link[0]['@_href']).toMatch(new RegExp(`^${site}/`));
		}
		expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
	});

	it('lists every terms version, commission rule and reviewed disclosure rule, newest first', async () => {
		const ids = entries.map((e) => e.id as string);
		for (const t of of('terms'))
			expect(
				ids.some((id) => id.endsWith(`:terms/${t.data['version']}`)),
				t.id,
			).toBe(true);
		for (const c of of('commission'))
			expect(
				ids.some((id) => id.endsWith(`:commission/${c.id}`)),
				c.id,
			).toBe(true);
		for (const d of of('disclosures').filter((d) => d.data['lastReviewed'])) {
			expect(
				ids.some((id) => id.endsWith(`:disclosures/${d.data['channel']}`)),
				d.id,
			).toBe(true);
		}
		const dates = entries.map((e) => Date.parse(e.updated));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		expect(feed.updated).toBe(entries[0]!.updated);
	});

	it('links to pages that exist', async () => {
		for (const e of entries) {
			const { pathname } = new URL(e.link[0]['@_href']);
			expect(existsSync(join(clientDir, pathname, 'index.html')), pathname).toBe(true);
		}
	});

	it('is announced in the head of every page and linked from the terms pages', async () => {
		for (const path of allPages()) {
			expect(
				links(page(path)).some(
					(l) => l['rel'] === 'alternate' && l['type'] === 'application/atom+xml' && l['href'] === '/changes.xml',
				),
				path,
			).toBe(true);
		}
		for (const path of [
			'/terms/',
			...of('terms').map((t) => `/terms/${String(t.data['version']).replace('.', '-')}/`),
		]) {
			expect(page(path), path).toMatch(/<a href="\/changes\.xml"[^>]*>Follow program changes<\/a>/);
		}
	});
});

describe('the sitemap', () => {
	it('lists every page but the 404 page, once, at its canonical address', async () => {
		const index = readFileSync(join(clientDir, 'sitemap-index.xml'), 'utf8');
		expect(xmlErrors(index)).toEqual([]);
		const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
		const listed = parts.flatMap((p) =>
			[...readFileSync(join(clientDir, p), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
		);
		// A page whose canonical is another address (the terms version in force is /terms/) is listed there.
		const canonical = (p: string) => links(page(p)).find((l) => l['rel'] === 'canonical')?.['href'] ?? `${site}${p}`;
		const expected = allPages()
			.filter((p) => !isNotFoundPage(p))
			.map(canonical);
		expect(listed.length).toBe(new Set(listed).size);
		expect(new Set(listed)).toEqual(new Set(expected));
		// The version in force and /terms/ are the same text: one of them, /terms/, is indexed.
		const versions = of('terms').map((t) => `/terms/${String(t.data['version']).replace('.', '-')}/`);
		const inForce = versions.filter((p) => canonical(p) === `${site}/terms/`);
		expect(inForce).toHaveLength(1);
		expect(listed).not.toContain(`${site}${inForce[0]}`);
		for (const path of ['/', '/terms/'])
			expect(
				links(page(path)).some((l) => l['rel'] === 'sitemap' && l['href'] === '/sitemap-index.xml'),
				path,
			).toBe(true);
	});
});
