import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, isNotFoundPage, page, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { readContent } from '../../scripts/writers/lib/content-files.ts';
import { editBaseUrl } from '../../src/integrations/repository.ts';
import { lastCommitDate } from '../../src/data/page-source.ts';
import { urls } from '../../src/lib/urls.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(requireBuild);

const content = await readContent(projectRoot);
const of = (collection: string) => content.filter((f) => f.collection === collection);
const raw = (f: { raw: unknown }) => f.raw as Record<string, string | Date>;
const day = (value: string | Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** "Edit this page" in each language the site has (src/content/i18n/<lang>.json). */
const editLabels = readdirSync(join(projectRoot, 'src/content/i18n')).map((f) =>
	String(JSON.parse(readFileSync(join(projectRoot, 'src/content/i18n', f), 'utf8'))['page.editLink']),
);
/** The targets of "Edit this page" on a page (Starlight's link, with its pencil icon), in the page's language. */
const pageEditLinks = (html: string) =>
	[...html.matchAll(/<a href="([^"]+)"[^>]*>\s*<svg[\s\S]*?<\/svg>\s*([^<]*?)\s*<\/a>/g)]
		.filter((m) => editLabels.includes(m[2]!))
		.map((m) => m[1]!);
/** The "Last updated" date of a page, as its datetime attribute. */
const lastUpdated = (html: string) => /Last updated:?\s*<time datetime="([^"]+)"/.exec(html)?.[1];
const pageOf = (f: { collection: string; id: string; raw: unknown }) =>
	({
		docs: urls.doc(f.id),
		troubleshooting: `/troubleshooting/${f.id}/`,
		disclosures: `/disclosures/${raw(f)['channel']}/`,
		terms: `/terms/${String(raw(f)['version']).replace('.', '-')}/`,
	})[f.collection]!;

/** The home page and the audience hubs are not articles: readers see no edit link or date there. */
const landings = of('docs')
	.filter((f) => ['home', 'hub'].includes(String(raw(f)['pageType'])) && f.id !== '404')
	.map((f) => urls.doc(f.id));

describe('edit links and last-updated dates', () => {
	it('shows no edit link and no last-updated date on the home page and the hubs', async () => {
		expect(landings).toEqual(expect.arrayContaining(['/', '/affiliates/', '/customers/', '/advertisers/']));
		for (const p of landings) {
			expect(pageEditLinks(page(p)), p).toEqual([]);
			expect(lastUpdated(page(p)), p).toBeUndefined();
		}
	});

	it('every article links "Edit this page" to a source file that exists in the repository', async () => {
		const problems = allPages()
			.filter((p) => !isNotFoundPage(p) && !landings.includes(p))
			.flatMap((p) => {
				const links = pageEditLinks(page(p));
				if (links.length !== 1) return [`${p}: ${links.length} edit links`];
				const file = links[0]!.startsWith(editBaseUrl) ? links[0]!.slice(editBaseUrl.length) : undefined;
				return file && existsSync(join(projectRoot, decodeURIComponent(file))) ? [] : [`${p}: ${links[0]}`];
			});
		expect(problems).toEqual([]);
	});

	it('a page built from one entry links to that entry’s file', async () => {
		// The 404 page is not an article: it offers no edit link on purpose.
		const single = [
			...of('docs').filter((f) => !/(^|\/)404$/.test(f.id) && !landings.includes(urls.doc(f.id))),
			...of('troubleshooting'),
			...of('disclosures'),
			...of('terms'),
		];
		const wrong = single
			.filter((f) => pageEditLinks(page(pageOf(f)))[0] !== `${editBaseUrl}${f.path}`)
			.map((f) => f.path);
		expect(wrong).toEqual([]);
	});

	it('every FAQ answer and commission rule has an edit link of its own, named for screen readers', async () => {
		for (const faq of of('faqs')) {
			// Any further attributes (the link is kept out of search snippets) may follow the address.
			expect(page(`/faq/${raw(faq)['topic']}/`)).toMatch(
				new RegExp(
					`<a class="ph-edit" href="${escapeRegExp(`${editBaseUrl}${faq.path}`)}"[^>]*>Edit this answer<span class="sr-only">: `,
				),
			);
		}
		const rates = page('/commission/');
		for (const rule of of('commission'))
			expect(rates).toMatch(new RegExp(`href="${escapeRegExp(`${editBaseUrl}${rule.path}`)}"[^>]*>Edit this rule`));
	});

	it.skipIf(!lastCommitDate('src/content.config.ts'))('shows the date of the last commit of the source file', () => {
		for (const f of [...of('troubleshooting'), ...of('disclosures'), ...of('terms')]) {
			const committed = lastCommitDate(f.path);
			if (committed) expect(lastUpdated(page(pageOf(f))), f.path).toBe(committed.toISOString());
		}
		const newestFaq = of('faqs')
			.filter((f) => raw(f)['topic'] === 'payments')
			.map((f) => lastCommitDate(f.path))
			.reduce((a, b) => (b && (!a || b > a) ? b : a));
		if (newestFaq) expect(lastUpdated(page('/faq/payments/'))).toBe(newestFaq.toISOString());
	});

	it('terms pages show their effective date and commission rules their validity dates', async () => {
		for (const terms of of('terms')) {
			expect(page(pageOf(terms))).toMatch(
				new RegExp(`<dt>Effective date</dt>\\s*<dd><time datetime="${day(raw(terms)['effectiveDate']!)}">`),
			);
		}
		expect(page('/terms/')).toMatch(/<dt>Effective date<\/dt>\s*<dd><time datetime="\d{4}-\d{2}-\d{2}">/);
		const rates = page('/commission/');
		for (const rule of of('commission'))
			expect(rates, rule.path).toContain(`from <time datetime="${day(raw(rule)['validFrom']!)}">`);
	});
});
