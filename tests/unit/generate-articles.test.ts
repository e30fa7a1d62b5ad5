import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
	generateArticles,
	reviewedUpTo,
	starlightSlug,
	toContentFile,
	toStarlightFile,
} from '../../scripts/bench/generate-articles.ts';
import { checkContent, formatFinding } from '../../scripts/writers/lib/check.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const articles = generateArticles(400, 3);

describe('synthetic benchmark articles', () => {
	it('are the same for the same seed and differ for another seed', async () => {
		expect(generateArticles(400, 3)).toEqual(articles);
		expect(generateArticles(400, 4).map((a) => a.id)).not.toEqual(articles.map((a) => a.id));
	});

	it('spread over docs guides, troubleshooting guides and FAQ entries, for every audience', async () => {
		const count = (collection: string) => articles.filter((a) => a.collection === collection).length;
		expect([count('docs'), count('troubleshooting'), count('faqs')]).toEqual([160, 120, 120]);
		expect(new Set(articles.map((a) => a.data['audience']))).toEqual(new Set(['affiliate', 'customer', 'advertiser']));
	});

	it('pass the content check: schemas, related references and facts', async () => {
		mkdirSync(join(projectRoot, '.fixture-builds'), { recursive: true });
		const root = mkdtempSync(join(projectRoot, '.fixture-builds', 'synthetic-'));
		roots.push(root);
		// Beside the real content, as the benchmark builds them: its hubs are how readers reach generated guides.
		cpSync(join(projectRoot, 'src', 'content'), join(root, 'src', 'content'), { recursive: true });
		cpSync(join(projectRoot, 'content-check.yaml'), join(root, 'content-check.yaml'));
		for (const article of articles) {
			const file = toContentFile(article);
			mkdirSync(dirname(join(root, file.path)), { recursive: true });
			writeFileSync(join(root, file.path), file.text);
		}
		expect((await checkContent(root, { today: reviewedUpTo })).map(formatFinding)).toEqual([]);
		expect(articles.filter((a) => (a.data['related'] as string[]).length > 0).length).toBeGreaterThan(300);
	});

	it('become plain Starlight pages with facts filled in and links to pages that exist', async () => {
		const facts = factsFrom(loadProgram(pathToFileURL(projectRoot)));
		const all = new Map(articles.map((a) => [`${a.collection}/${a.id}`, a]));
		const slugs = new Set(articles.map((a) => `/${starlightSlug(a)}/`));
		const pages = articles.map((a) => toStarlightFile(a, all, facts));
		expect(new Set(pages.map((p) => p.path)).size).toBe(articles.length);
		for (const page of pages) {
			expect(page.text).not.toContain(':fact[');
			expect(page.text).toMatch(/^---\ntitle: .+\ndescription: .+\n---\n/);
			for (const [, href] of page.text.matchAll(/\]\((\/[^)]*)\)/g)) expect(slugs).toContain(href);
		}
		const withFact = articles.find((a) => a.body.includes(':fact[cookieWindow]'))!;
		expect(toStarlightFile(withFact, all, facts).text).toContain(facts.cookieWindow);
	});
});
