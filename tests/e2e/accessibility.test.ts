import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { startE2e, type E2eSite } from '../helpers/e2e.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';

// axe-core's browser bundle, injected into each page as it is.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: Array<{ target: string[]; failureSummary?: string }>;
}

let site: E2eSite;
const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
	site = await startE2e('axe');
	for (const theme of ['light', 'dark'] as const) {
		// Both ways a theme is chosen: the system preference and Starlight's stored choice.
		// axe-core goes in as an inline script, which each page's Content-Security-Policy would block.
		const context = await site.browser.context({ colorScheme: theme, bypassCSP: true });
		await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		context.setDefaultTimeout(15_000);
		contexts[theme] = context;
	}
});
afterAll(async () => {
	for (const context of Object.values(contexts)) await context?.close();
	await site?.stop();
});

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	it.each(Object.entries(pageTypes))('finds no violation on the %s page (%s)', async (_kind, path) => {
		const page = await contexts[theme]!.newPage();
		try {
			await page.goto(`${site.base}${path}`, { waitUntil: 'networkidle' });
			expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
			if (path.startsWith('/search/')) await page.locator('#ph-search-results > li').first().waitFor();
			await page.addScriptTag({ content: axeSource });
			const violations = await page.evaluate(async () => {
				const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
				const result = await axe.run(document, { resultTypes: ['violations'] });
				return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
			});
			const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
			expect(report).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
