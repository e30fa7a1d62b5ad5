/**
 * Runs Lighthouse against a page in an already running Chromium (its DevTools port) and returns
 * the parts the tests and the page benchmark read: category scores, failing audits and the
 * performance metrics.
 */
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';

/** Scores 0–100 by category id, and the audits that did not pass. */
export interface LighthouseSummary {
	url: string;
	scores: Record<string, number>;
	/** Audits with a score below 1 in the categories run: id, title and what Lighthouse says failed. */
	failures: Array<{ id: string; category: string; title: string; score: number | null; items: string[] }>;
	/** Largest Contentful Paint (ms), Cumulative Layout Shift, Total Blocking Time (ms). */
	metrics: { lcp: number; cls: number; tbt: number; fcp: number };
	/** The elements that moved most (Lighthouse's layout-shifts audit): selector and shift score. */
	shifts: Array<{ element: string; score: number }>;
}

/** Which categories and device: `desktop` (no throttling) or Lighthouse's default mobile run. */
export interface LighthouseOptions {
	port: number;
	categories: Array<'performance' | 'accessibility' | 'best-practices' | 'seo'>;
	preset: 'desktop' | 'mobile';
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

/** Audits one URL; throws with Lighthouse's own message when the page could not be loaded. */
export async function runLighthouse(
	url: string,
	{ port, categories, preset }: LighthouseOptions,
): Promise<LighthouseSummary> {
	const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: categories };
	const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
	const lhr = result?.lhr;
	if (!lhr) throw new Error(`Lighthouse returned no result for ${url}.`);
	if (lhr.runtimeError)
		throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
	const scores = Object.fromEntries(
		Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
	);
	const failures: LighthouseSummary['failures'] = [];
	for (const [category, c] of Object.entries(lhr.categories)) {
		if (category === 'performance') continue;
		for (const ref of c.auditRefs) {
			const audit = lhr.audits[ref.id];
			if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
			const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
			const items = (details?.items ?? []).slice(0, 5).map((item) => {
				const node = item['node'] as { selector?: string; snippet?: string } | undefined;
				return node?.selector ?? node?.snippet ?? JSON.stringify(item).slice(0, 200);
			});
			failures.push({ id: ref.id, category, title: audit.title, score: audit.score, items });
		}
	}
	const shiftItems =
		(
			lhr.audits['layout-shifts']?.details as
				{ items?: Array<{ score?: number; node?: { selector?: string } }> } | undefined
		)?.items ?? [];
	const shifts = shiftItems.map((i) => ({ element: i.node?.selector ?? '(unattributed)', score: i.score ?? 0 }));
	return {
		url,
		shifts,
		scores,
		failures,
		metrics: {
			lcp: numeric(lhr, 'largest-contentful-paint'),
			cls: numeric(lhr, 'cumulative-layout-shift'),
			tbt: numeric(lhr, 'total-blocking-time'),
			fcp: numeric(lhr, 'first-contentful-paint'),
		},
	};
}
