import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { fixturePageTypes, pageTypes } from '../../scripts/lib/page-types.ts';
import { startPaginatedSite, type PaginatedSite } from '../helpers/paginated-site.ts';

// axe-core's browser bundle, injected into each page as it is.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const germanPages = {
	home: '/de/',
	hub: '/de/customers/',
	guide: '/de/affiliates/onboarding/payments/',
	glossary: '/de/glossary/',
	untranslated: '/de/privacy/',
	// The site's own pages: German and English questions side by side, the terms with their binding notice,
	// a translated troubleshooting guide and an untranslated disclosure rule.
	faq: '/de/faq/payments/',
	terms: '/de/terms/',
	troubleshooting: '/de/troubleshooting/refund-or-return/',
	'untranslated disclosure rule': '/de/disclosures/blog/',
	'untranslated tool': '/de/tools/earnings/',
	ask: '/de/ask/',
};

let site: E2eSite;
let fixture: PaginatedSite;
const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
	site = await startE2e('axe');
	fixture = await startPaginatedSite();
	for (const theme of ['light', 'dark'] as const) {
		// Both ways a theme is chosen: the system preference and Starlight's stored choice.
		// axe-core goes in as an inline script, which each page's Content-Security-Policy would block.
		const context = await site.browser.context({ colorScheme: theme, bypassCSP: true });
		await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		context.setDefaultTimeout(15_000);
		contexts[theme] = context;
	}
}, 300_000); // the fixture site is built first: minutes on a busy machine
afterAll(async () => {
	for (const context of Object.values(contexts)) await context?.close();
	await site?.stop();
	await fixture?.stop();
});

/** Runs axe-core on a page in a theme and returns its violations, one readable line per node. */
async function violationsOf(base: string, path: string, theme: 'light' | 'dark'): Promise<string[]> {
	const page = await contexts[theme]!.newPage();
	try {
		await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
		expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
		if (path.startsWith('/search/')) await page.locator('#ph-search-results > li').first().waitFor();
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const axe = (
				window as unknown as {
					axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
				}
			).axe;
			const result = await axe.run(document, { resultTypes: ['violations'] });
			return result.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
			}));
		});
		return violations.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
		);
	} finally {
		await page.close();
	}
}

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	it.each(Object.entries(pageTypes))('finds no violation on the %s page (%s)', async (_kind, path) => {
		expect(await violationsOf(site.base, path, theme)).toEqual([]);
	});

	// German pages: a translated home page, hub, guide and glossary, and an English page served under /de/ with its notice.
	it.each(Object.entries(germanPages))('finds no violation on the German %s page (%s)', async (_kind, path) => {
		expect(await violationsOf(site.base, path, theme)).toEqual([]);
	});

	it.each(Object.entries(fixturePageTypes))(
		'finds no violation on the %s page (%s of a site with a long topic)',
		async (_kind, path) => {
			expect(await violationsOf(fixture.server.base, path, theme)).toEqual([]);
		},
	);
});
