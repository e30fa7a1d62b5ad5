import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { page, requireBuild } from '../helpers/site.ts';
import { runTool, toolSlugs, toolUrls } from '../../src/lib/tools/index.ts';
import { answerHtml, fieldIds } from '../../src/lib/tools/answer.ts';
import { fieldsOf } from '../../src/lib/tools/index.ts';
import { inZone } from '../../src/lib/tools/time.ts';
import { toolCases } from '../fixtures/tools/cases.ts';
import { loadToolData } from '../fixtures/tools/data.ts';

/**
 * The hand-computed cases of tests/unit/tools.test.ts, sent as a browser without JavaScript sends
 * them: a GET of the form to the tool's on-demand route of the real built server.
 */
let server: RunningServer;
let dir: string;
const data = await loadToolData();

beforeAll(async () => {
	requireBuild();
	dir = tempDir('tools');
	server = await startServer({ FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite') });
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const resultRegion = (html: string) =>
	/<div class="ph-tool-result" id="tool-result" role="status" aria-live="polite" data-tool-result>([\s\S]*?)<\/div><script/.exec(
		html,
	)?.[1] ?? '';
const figures = (html: string) =>
	Object.fromEntries(
		[...html.matchAll(/<dd data-key="([^"]+)"(?: data-value="([^"]*)")?>/g)].map((m) => [
			m[1]!,
			(m[2] ?? '').replace(/&amp;/g, '&'),
		]),
	);
const get = (slug: string, query: Record<string, string>) =>
	fetch(`${server.base}${toolUrls.answer(slug as never)}?${new URLSearchParams(query)}`);

describe.each(toolSlugs)('the %s tool without JavaScript', (slug) => {
	it.each(toolCases[slug].map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const response = await get(slug, c.query);
		const html = await response.text();
		const region = resultRegion(html);
		if (c.errors) {
			expect(response.status).toBe(422);
			for (const [field, start] of Object.entries(c.errors)) {
				const ids = fieldIds(field);
				const error = new RegExp(`<p class="ph-tool-error" id="${ids.error}">([^<]+)</p>`).exec(html)?.[1];
				expect(error, `the ${field} error`).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
				// The control points at its message and is marked invalid.
				const control = new RegExp(`<(?:input|select|textarea)[^>]*id="${ids.control}"[^>]*>`).exec(html)?.[0] ?? '';
				expect(control).toContain('aria-invalid="true"');
				expect(/aria-describedby="([^"]*)"/.exec(control)?.[1]?.split(' ')).toContain(ids.error);
			}
			return;
		}
		expect(response.status).toBe(200);
		const got = figures(region);
		expect(Object.fromEntries(Object.keys(c.expect!).map((k) => [k, got[k]]))).toEqual(c.expect);
		// The route renders exactly what the function answers.
		const today = inZone(Date.now(), data.program.payout.cutoffTimeZone).date;
		expect(region).toBe(answerHtml(runTool(slug, data, c.query, today).answer!));
	});

	it('keeps what was sent in the form', async () => {
		const c = toolCases[slug].find((x) => x.errors)!;
		const html = await (await get(slug, c.query)).text();
		for (const [name, value] of Object.entries(c.query)) {
			if (!value.trim()) continue;
			const escaped = value.trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
			expect(html, name).toMatch(
				new RegExp(`id="${fieldIds(name).control}"[^>]*(value="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"|>)`),
			);
		}
	});
});

describe('the tool pages', () => {
	it.each(toolSlugs)('%s: a GET form to the answer route, a label for every control', (slug) => {
		const html = page(toolUrls.page(slug));
		expect(html).toContain(`<form class="ph-tool-form" method="get" action="${toolUrls.answer(slug)}"`);
		for (const f of fieldsOf(slug, data)) {
			expect(html).toContain(`for="${fieldIds(f.name).control}"`);
			expect(html).toMatch(new RegExp(`<(input|select|textarea)[^>]*id="${fieldIds(f.name).control}"`));
		}
		expect(html).toContain('role="status" aria-live="polite"');
		// The tool's script is a module file; the page adds no inline script to those every page has.
		expect(html).toMatch(/<script type="module" src="\/_astro\/ToolForm[^"]*\.js"><\/script>/);
		const inline = (h: string) =>
			new Set([...h.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]));
		const everyPage = inline(page('/glossary/'));
		expect([...inline(html)].filter((s) => !everyPage.has(s))).toEqual([]);
	});

	it('answers an unknown tool with 404', async () => {
		expect((await fetch(`${server.base}/tools/nope/answer/`)).status).toBe(404);
	});
});
