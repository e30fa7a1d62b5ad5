/**
 * Reports finished searches to the server, batched, with `navigator.sendBeacon`: fire and forget,
 * never awaited, no cookie (the endpoint sets none and reads none), no identifier. A query typed
 * letter by letter is one search: a report that extends or shortens the previous query within a
 * couple of seconds replaces it. Reports for the same query merge (opening a result, going on to
 * ask). The batch goes out when the page is hidden or left, or when it is full.
 *
 *   reportSearch({ query, results: outcome.total, filters });
 *   reportSearch({ query, results, filters, opened: link.pathname + link.hash });
 *   reportSearch({ query, results, filters, asked: true });
 *
 * With no server half (a static-only deployment) the endpoint answers 404 and nothing else
 * happens: the search never waits for it.
 */

/** One search as the search pipeline knows it. */
export interface SearchReport {
	query: string;
	/** How many pages matched. */
	results: number;
	/** The filters used, e.g. { audience: 'customer', type: 'faq' }; empty values are left out. */
	filters?: { audience?: string; type?: string } | Record<string, string | undefined>;
	/** The path (and #section) of the result the reader opened. */
	opened?: string;
	/** The reader went on to the ask form. */
	asked?: boolean;
}

const endpoint = '/api/search-events/';
/** Events per beacon: well under the endpoint's limit of 50 and the browser's 64 KiB for beacons. */
const batchSize = 20;
/** Reports closer than this, with one query a prefix of the other, are one search being typed. */
const typingMs = 2000;

type Queued = { report: SearchReport; key: string; at: number };
let queue: Queued[] = [];
let listening = false;
/** The search reported last, which a click on a result or on the ask link belongs to. */
let lastReport: SearchReport | undefined;

const clean = (filters: SearchReport['filters']) =>
	Object.fromEntries(
		Object.entries(filters ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
	);
const fold = (q: string) => q.trim().replace(/\s+/g, ' ').toLowerCase();

function send(): void {
	if (queue.length === 0) return;
	const events = queue.map(({ report }) => ({
		query: report.query,
		results: report.results,
		...(Object.keys(clean(report.filters)).length ? { filters: clean(report.filters) } : {}),
		...(report.opened ? { opened: report.opened } : {}),
		...(report.asked ? { asked: true } : {}),
	}));
	queue = [];
	try {
		// A string is sent as text/plain: no preflight, and the page may close right after.
		navigator.sendBeacon(endpoint, JSON.stringify({ events }));
	} catch {
		// A browser that refuses the beacon loses this batch; the search goes on.
	}
}

function listen(): void {
	if (listening) return;
	listening = true;
	addEventListener('pagehide', send);
	document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && send());
}

/** Queues one search report; returns at once. */
export function reportSearch(report: SearchReport): void {
	if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return;
	const query = fold(report.query ?? '');
	if (!query) return;
	listen();
	lastReport = report;
	const key = `${query}\u0000${JSON.stringify(clean(report.filters))}`;
	const now = Date.now();
	const same = queue.find((q) => q.key === key);
	if (same) {
		const opened = report.opened ?? same.report.opened;
		same.report = {
			...same.report,
			...report,
			...(opened ? { opened } : {}),
			...(report.asked || same.report.asked ? { asked: true } : {}),
		};
		same.at = now;
	} else {
		const last = queue[queue.length - 1];
		const lastQuery = last ? fold(last.report.query) : '';
		const typing =
			last &&
			!last.report.opened &&
			!last.report.asked &&
			now - last.at < typingMs &&
			(query.startsWith(lastQuery) || lastQuery.startsWith(query));
		if (typing) queue[queue.length - 1] = { report, key, at: now };
		else queue.push({ report, key, at: now });
	}
	if (queue.length >= batchSize) send();
}

/** Sends what waits now (for a page about to navigate by script). */
export const flushSearchReports = send;

/**
 * Reports, for the search last reported, the result the reader opens or that they went on to the
 * ask form, from clicks on links inside `root` (one delegated listener; it never stops the click).
 *
 *   watchSearchLinks(document.querySelector('main')!);
 */
export function watchSearchLinks(root: Element, askPath = '/ask/'): void {
	root.addEventListener('click', (event) => {
		const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
		const last = lastReport;
		if (!link || !last || link.origin !== location.origin) return;
		if (link.pathname === askPath) reportSearch({ ...last, asked: true });
		else if (link.pathname !== location.pathname) reportSearch({ ...last, opened: `${link.pathname}${link.hash}` });
	});
}

let answers: Promise<Array<{ key: string; page: string; words?: string }>> | undefined;
/**
 * The groups the support team marked as answered (GET /api/search-events/, fetched once per page;
 * an empty list without a server half). Use with answerFor() from src/lib/question-groups.ts:
 *
 *   const answer = answerFor(query, await loadAnswers());   // { key, page, words } | undefined
 */
export function loadAnswers(): Promise<Array<{ key: string; page: string; words?: string }>> {
	answers ??= fetch(endpoint, { headers: { accept: 'application/json' } })
		.then((r) => (r.ok ? r.json() : { answers: [] }))
		.then((body: { answers?: unknown }) => (Array.isArray(body.answers) ? body.answers : []))
		.catch(() => []);
	return answers;
}
