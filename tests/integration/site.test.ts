import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allPages, clientDir, isNotFoundPage, jsonLd, page, pageLanguage, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { readContent } from '../../scripts/writers/lib/content-files.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import { describeRate, isActive } from '../../src/lib/commission.ts';
import { commissionSchema } from '../../src/schemas/commission.ts';
import { faqTopics } from '../../src/schemas/faq.ts';

const program = loadProgram(new URL('../../', import.meta.url));
const facts = factsFrom(program);
const content = await readContent(projectRoot);
const of = (collection: string) => content.filter((f) => f.collection === collection);
const data = (f: { raw: unknown }) => f.raw as Record<string, any>;

beforeAll(requireBuild);

describe('the built site', () => {
	it('has a page for every hub, collection page and entry', async () => {
		const pages = new Set(allPages());
		const expected = [
			'/',
			'/affiliates/',
			'/customers/',
			'/advertisers/',
			'/faq/',
			'/troubleshooting/',
			'/commission/',
			'/terms/',
			'/terms/changes/',
			'/disclosures/',
			'/glossary/',
			'/404.html',
			...of('troubleshooting').map((t) => `/troubleshooting/${t.id}/`),
			...of('disclosures').map((d) => `/disclosures/${data(d)['channel']}/`),
			...of('terms').map((t) => `/terms/${String(data(t)['version']).replace('.', '-')}/`),
			...new Set(of('faqs').map((f) => `/faq/${data(f)['topic']}/`)),
			...of('docs').map((d) => (d.id === 'index' ? '/' : d.id === '404' ? '/404.html' : `/${d.id}/`)),
		];
		expect(expected.filter((p) => !pages.has(p))).toEqual([]);
	});

	it('has the content the product promises', async () => {
		expect(of('faqs').length).toBeGreaterThanOrEqual(20);
		expect(new Set(of('faqs').map((f) => data(f)['audience']))).toEqual(
			new Set(['affiliate', 'customer', 'advertiser']),
		);
		expect(of('troubleshooting').length).toBeGreaterThanOrEqual(10);
		expect(of('disclosures').length).toBeGreaterThanOrEqual(6);
		expect(of('terms').length).toBeGreaterThanOrEqual(2);
	});

	it('gives every question a deep link on its topic page, with FAQPage JSON-LD that lists it', async () => {
		for (const topic of Object.keys(faqTopics)) {
			const questions = of('faqs').filter((f) => data(f)['topic'] === topic);
			if (questions.length === 0) continue;
			const html = page(`/faq/${topic}/`);
			const [ld] = jsonLd(html);
			expect(ld?.['@type']).toBe('FAQPage');
			const names = (ld!['mainEntity'] as Array<{ name: string; acceptedAnswer: { text: string } }>).map((q) => q.name);
			expect(names.sort()).toEqual(questions.map((q) => data(q)['question']).sort());
			for (const q of questions) expect(html).toContain(`id="${q.id}"`);
			for (const q of ld!['mainEntity'] as Array<{ acceptedAnswer: { text: string } }>) {
				expect(q.acceptedAnswer.text.length).toBeGreaterThan(40);
				expect(q.acceptedAnswer.text).not.toMatch(/<|:fact\[/);
			}
		}
	});

	it('renders troubleshooting guides as symptom, cause and steps, with HowTo JSON-LD', async () => {
		for (const guide of of('troubleshooting')) {
			const html = page(`/troubleshooting/${guide.id}/`);
			const [ld] = jsonLd(html);
			expect(ld?.['@type']).toBe('HowTo');
			expect((ld!['step'] as unknown[]).length).toBe(data(guide)['steps'].length);
			for (const id of ['symptoms', 'causes', 'steps', 'contact-support']) expect(html).toContain(`id="${id}"`);
			expect(html.indexOf('id="symptoms"')).toBeLessThan(html.indexOf('id="causes"'));
			expect(html.indexOf('id="causes"')).toBeLessThan(html.indexOf('id="steps"'));
		}
	});

	it('states program facts as the program file has them, and never the raw directive', async () => {
		expect(page('/affiliates/onboarding/payments/')).toContain(facts.payoutThreshold);
		expect(page('/affiliates/')).toContain(`once your balance reaches ${facts.payoutThreshold}`);
		for (const method of program.payout.methods)
			expect(page('/affiliates/onboarding/payments/')).toContain(method.label);
		for (const path of allPages()) expect(page(path), path).not.toContain(':fact[');
	});

	it('renders every current commission rate from the data files', async () => {
		const html = page('/commission/');
		const dir = join(projectRoot, 'src', 'content', 'commission');
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
			const rule = commissionSchema.parse(parseYaml(readFileSync(join(dir, file), 'utf8')));
			expect(html).toContain(describeRate(rule, program.currency).replace(/&/g, '&amp;'));
			if (isActive(rule, new Date())) expect(html).toContain(`id="${rule.offer}"`);
		}
	});

	it('shows each terms version with its effective date and what changed between versions', async () => {
		const changes = page('/terms/changes/');
		for (const t of of('terms')) {
			const version = String(data(t)['version']);
			expect(page(`/terms/${version.replace('.', '-')}/`)).toContain(`<dd>${version}</dd>`);
			for (const line of (data(t)['changes'] ?? []) as string[])
				expect(changes).toContain(line.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 30));
		}
		expect(changes).toMatch(/<ins>/);
		expect(changes).toMatch(/<del>/);
	});

	it('indexes every page except the 404 and search pages for search', async () => {
		const entry = JSON.parse(readFileSync(join(clientDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
		// Pagefind keeps one index per language (from each page's `lang`).
		const indexed = allPages().filter((p) => !isNotFoundPage(p) && p !== '/search/' && p !== '/de/search/');
		for (const lang of new Set(indexed.map(pageLanguage)))
			expect(entry.languages[lang]?.page_count, lang).toBe(indexed.filter((p) => pageLanguage(p) === lang).length);
		expect(readdirSync(join(clientDir, 'pagefind', 'fragment')).length).toBe(indexed.length);
	});
});
