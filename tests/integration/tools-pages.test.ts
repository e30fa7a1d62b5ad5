import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { page, requireBuild } from '../helpers/site.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { computeEarnings } from '../../src/lib/tools/earnings.ts';
import { computePayout } from '../../src/lib/tools/payout.ts';
import { termsInForce } from '../../src/lib/tools/terms-on-date.ts';
import { formatMoney } from '../../src/lib/facts.ts';
import { toUtcDate } from '../../src/lib/tools/time.ts';
import { loadToolData } from '../fixtures/tools/data.ts';

/**
 * The commission page, the terms pages and the payments guide show figures the tools' functions
 * compute, and no other code does the arithmetic.
 */
const data = await loadToolData();
requireBuild();

describe('pages built from the tools’ functions', () => {
	it('the payments guide’s worked example is what the payout function answers for each order', async () => {
		const html = page('/affiliates/onboarding/payments/');
		const table = /<caption>Worked example[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
		const rows = [...table.matchAll(/<tr><td><time datetime="([\d-]+)">[\s\S]*?<\/tr>/g)];
		expect(rows).toHaveLength(3);
		for (const row of rows) {
			const r = computePayout(data, {
				offer: '',
				orderDate: row[1]!,
				orderTime: '12:00',
				zone: data.program.payout.cutoffTimeZone,
			});
			const times = [...row[0].matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]);
			expect(times).toEqual([r.order.date, r.approved.date, r.paid]);
		}
		// The last two orders are a day apart and fall either side of a cut-off.
		const months = rows.map((row) => /<td>([A-Z][a-z]+ \d{4})<\/td>/.exec(row[0])?.[1]);
		expect(months[1]).not.toBe(months[2]);
	});

	it('the commission page’s example column is the earnings calculator’s answer for a $100 sale', async () => {
		const html = page('/commission/');
		const examples = [...html.matchAll(/<td data-example="([^"]+)">([^<]*)<\/td>/g)];
		expect(examples.length).toBeGreaterThanOrEqual(3);
		const day = new Date().toISOString().slice(0, 10);
		for (const [, offer, shown] of examples) {
			const r = computeEarnings(data, {
				offer: offer!,
				date: day,
				total: 100,
				tax: 0,
				shipping: 0,
				returned: 0,
				monthSales: 0,
			});
			expect(shown, offer).toBe(r.kind === 'earned' ? formatMoney(r.commission, data.program.currency) : '–');
		}
	});

	it('the terms pages call "in force" the version the terms-on-a-date function finds', async () => {
		const inForce = termsInForce(data.terms, toUtcDate(new Date().toISOString().slice(0, 10)))!;
		expect(page('/terms/')).toContain(`<dd>${inForce.version}</dd>`);
		for (const t of data.terms) {
			const html = page(`/terms/${t.version.replace('.', '-')}/`);
			expect(html.includes('<dd>In force</dd>'), t.version).toBe(t === inForce);
		}
	});
});

describe('one copy of the arithmetic', () => {
	const files = (dir: string): string[] =>
		readdirSync(dir).flatMap((f) => {
			const full = join(dir, f);
			return statSync(full).isDirectory()
				? f === 'content'
					? []
					: files(full)
				: /\.(ts|astro|mjs)$/.test(f)
					? [full]
					: [];
		});
	const owners = ['src/lib/tools/', 'src/lib/commission.ts'];
	// Code (not articles): rate percentages, day arithmetic on lock periods and payment days, cookie windows in milliseconds, tier lookups.
	const arithmetic =
		/\brate\s*[*/]|[*/]\s*[\w.]*\brate\b|\/\s*100\b|lockPeriodDays\s*[-+*]|[-+*]\s*[\w.]*lockPeriodDays|paymentDay\s*[-+]|(?:cookieWindowDays|windowDays)\s*\*|\.tiers\.find\(/;
	it('lives in src/lib/tools and src/lib/commission.ts only', async () => {
		const offenders = files(join(projectRoot, 'src'))
			.map((f) => relative(projectRoot, f).split(sep).join('/'))
			.filter((f) => !owners.some((o) => f.startsWith(o)))
			.flatMap((f) =>
				readFileSync(join(projectRoot, f), 'utf8')
					.split('\n')
					.flatMap((line, i) => (arithmetic.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
			);
		expect(offenders).toEqual([]);
		// The pattern does find the arithmetic where it lives.
		for (const f of ['src/lib/tools/earnings.ts', 'src/lib/tools/status.ts', 'src/lib/tools/payout.ts'])
			expect(readFileSync(join(projectRoot, f), 'utf8'), f).toMatch(arithmetic);
	});

	it('the pages that show rates and dates import the tools', async () => {
		for (const f of [
			'src/pages/[...locale]/commission/index.astro',
			'src/components/TermsVersion.astro',
			'src/pages/[...locale]/terms/index.astro',
			'src/components/tools/PayoutExample.astro',
		]) {
			expect(readFileSync(join(projectRoot, f), 'utf8'), f).toMatch(/from '(\.\.\/)+lib\/tools\//);
		}
		expect(readFileSync(join(projectRoot, 'src/content/docs/affiliates/onboarding/payments.mdx'), 'utf8')).toContain(
			'<PayoutExample />',
		);
	});
});
