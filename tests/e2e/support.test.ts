/**
 * The support side in Chromium: a reader's search that finds nothing and their question reach the
 * dashboard, grouped; the dashboard opens only with a session; another site's form cannot act on it;
 * and a search never waits for its report.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForErrors, type TestBrowser } from '../helpers/browser.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';
import { addUser, supportUrls } from '../helpers/support.ts';

const dir = tempDir('e2e-support');
const env = { FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite'), FEEDBACK_RATE_LIMIT: '1000' };
let server: RunningServer;
let browser: TestBrowser;
let base: string;
const problems: string[] = [];

async function open(context: BrowserContext, path: string): Promise<Page> {
	const page = await context.newPage();
	const watch = watchForErrors(page);
	page.on('close', () => problems.push(...watch.problems));
	await page.goto(`${base}${path}`);
	return page;
}

/** Searches on /search/ for something no page answers and waits for "No pages match". */
async function searchNothing(page: Page) {
	await expect
		.poll(() => page.locator('#ph-search-status').textContent(), { timeout: 15_000 })
		.toContain('No pages match');
}

beforeAll(async () => {
	requireBuild();
	addUser(env, 'agent@example.com', 'a very long password');
	server = await startServer(env);
	base = server.base;
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('from a reader’s failed search to the support team', () => {
	it('a reader finds nothing, goes on to ask; another searches in similar words', async () => {
		const reader = await browser.context();
		const page = await open(reader, `/search/?q=${encodeURIComponent('flurbix glorptang')}`);
		await searchNothing(page);
		await page.locator('#ph-search-status').getByRole('link', { name: 'ask the support team' }).click();
		await page.waitForURL(/\/ask\/\?/);
		await page.getByLabel('Your question').fill('Can I promote the program from a flurbix glorptang?');
		await page.getByLabel('I am').selectOption('affiliate');
		await page.getByLabel('Email').fill('pilot@example.com');
		await page.getByRole('button', { name: 'Send your question' }).click();
		// Sent: the confirmation panel with the reference takes the form's place.
		await expect
			.poll(() => page.locator('[data-ask-confirm]:not([hidden]) [data-reference]').textContent())
			.toMatch(/FB-[0-9A-Z]{4}-[0-9A-Z]{4}/);
		await page.close();
		await reader.close();

		const another = await browser.context();
		const second = await open(another, `/search/?q=${encodeURIComponent('Flurbix glorptangs')}`);
		await searchNothing(second);
		// Leaving the page sends the batch (sendBeacon on pagehide).
		await second.goto(`${base}/`);
		await second.close();
		await another.close();
	});

	it('a team member signs in and sees the zero-result searches grouped, the question with its email, and the trend chart', async () => {
		const team = await browser.context();
		const page = await open(team, '/support/');
		await page.waitForURL(/\/support\/sign-in\/\?next=/);
		await page.getByLabel('Email address').fill('agent@example.com');
		await page.getByLabel('Password').fill('a very long password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(`${base}/support/`);
		// The beacons may still be on their way: reload until both searches are counted.
		const group = page.locator('[data-view="zero-results"] tr[data-group="flurbix+glorptang"]');
		await expect
			.poll(
				async () => {
					await page.reload();
					return (await group.count()) > 0 ? await group.textContent() : '';
				},
				{ timeout: 15_000 },
			)
			.toContain('flurbix glorptangs');
		const text = (await group.textContent())!;
		expect(text).toContain('flurbix glorptang');
		expect(text).toContain('Can I promote the program from a flurbix glorptang?');
		expect(await group.locator('td').first().textContent()).toBe('2');

		const waiting = page.getByRole('region', { name: 'Questions waiting' });
		const row = waiting.getByRole('row').filter({ hasText: 'flurbix glorptang?' });
		await expect.poll(() => row.textContent()).toContain('pilot@example.com');
		expect(await row.textContent()).toContain('affiliate');
		expect(await row.textContent()).toContain('search for “flurbix glorptang”');

		const asked = page.locator('[data-view="searches-then-asked"]');
		expect(await asked.textContent()).toContain('flurbix glorptang');

		const chart = page.getByRole('img', { name: /Weekly trend/ });
		expect(await chart.count()).toBe(1);
		const thisWeek = page.locator('[data-series="zero-results"]').last();
		expect(Number(await thisWeek.getAttribute('data-value'))).toBe(2);
		expect(Number(await page.locator('[data-series="questions"]').last().getAttribute('data-value'))).toBe(1);
		expect(await page.getByRole('table', { name: /Weekly trend/ }).textContent()).toContain('2');
		await expect.poll(() => page.locator('[data-delivery="off"]').textContent()).toContain('Delivery is off');
		await page.close();
		await team.close();
	});
});

describe('the dashboard for keyboard and screen-reader users', () => {
	const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	it.each(['light', 'dark'] as const)(
		'has no axe-core violation on its pages (%s colour scheme), and a skip link first',
		async (colorScheme) => {
			// axe-core is injected as an inline script, which the pages' policy forbids.
			const team = await browser.context({ colorScheme, bypassCSP: true });
			const page = await open(team, '/support/sign-in/');
			const check = async () => {
				await page.addScriptTag({ content: axeSource });
				return page.evaluate(async () => {
					const axe = (
						window as unknown as {
							axe: {
								run(
									d: Document,
									o: object,
								): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
							};
						}
					).axe;
					return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(
						(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
					);
				});
			};
			expect([page.url(), await check()]).toEqual([page.url(), []]);
			await page.getByLabel('Email address').fill('agent@example.com');
			await page.getByLabel('Password').fill('a very long password');
			await page.getByLabel('Password').press('Enter');
			await page.waitForURL(`${base}/support/`);
			for (const path of ['/support/', '/support/groups/']) {
				await page.goto(`${base}${path}`);
				expect([path, await check()]).toEqual([path, []]);
				await page.keyboard.press('Tab');
				expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
			}
			await page.close();
			await team.close();
		},
	);
});

describe('a browser without a session', () => {
	it('is sent to sign-in from every dashboard page and gets 401 from every data endpoint', async () => {
		const anonymous = await browser.context();
		const urls = supportUrls().filter((u) => u.url !== '/support/sign-in/');
		for (const { url, kind } of urls) {
			if (kind === 'page') {
				const page = await anonymous.newPage();
				await page.goto(`${base}${url}`);
				expect([new URL(page.url()).pathname, url]).toEqual(['/support/sign-in/', url]);
				await page.close();
			} else {
				const response = await anonymous.request.get(`${base}${url}`, { maxRedirects: 0 });
				expect([response.status(), url]).toEqual([401, url]);
			}
		}
		expect(await anonymous.cookies()).not.toContainEqual(expect.objectContaining({ name: 'ph_support' }));
		await anonymous.close();
	});
});

describe('a form on another site', () => {
	let evil: Server;
	let evilBase: string;
	beforeAll(async () => {
		// Another origin (another port) with a page that posts to the dashboard as soon as it opens.
		evil = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end(`<!doctype html><title>Win a prize</title><form id="f" method="post" action="${base}/support/groups/answer/">
				<input name="key" value="flurbix+glorptang"><input name="page" value="/evil/"><input name="csrf" value="guessed"></form>
				<script>document.getElementById('f').submit()</script>`);
		});
		await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done));
		evilBase = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((done) => evil?.close(done));
	});

	it('cannot act on the dashboard, even while a team member is signed in', async () => {
		const team = await browser.context();
		const signIn = await open(team, '/support/sign-in/');
		await signIn.getByLabel('Email address').fill('agent@example.com');
		await signIn.getByLabel('Password').fill('a very long password');
		await signIn.getByRole('button', { name: 'Sign in' }).click();
		await signIn.waitForURL(`${base}/support/`);
		const page = await team.newPage();
		const answered = page.waitForResponse((r) => r.url() === `${base}/support/groups/answer/`);
		await page.goto(evilBase);
		const response = await answered;
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain('cross_site');
		const answers = await (await fetch(`${base}/api/search-events/`)).json();
		expect(answers.answers).toEqual([]);
		await page.close();
		await team.close();
	});
});

describe('a search and its report', () => {
	it('never waits for the report: the search finishes while the endpoint has not answered', async () => {
		const reader = await browser.context();
		const held: Route[] = [];
		await reader.route('**/api/search-events/', (route) => void held.push(route));
		const page = await open(reader, `/search/?q=${encodeURIComponent('payout threshold')}`);
		await expect
			.poll(() => page.locator('#ph-search-status').textContent(), { timeout: 15_000 })
			.toMatch(/pages? match/);
		// Hide the page: the batch goes out now, and the endpoint holds it.
		await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
		await expect.poll(() => held.length).toBe(1);
		expect(JSON.parse(held[0]!.request().postData()!)).toEqual({
			events: [{ query: 'payout threshold', results: expect.any(Number) }],
		});
		// With that report unanswered, the next search runs and shows its results.
		await page.locator('#ph-search-q').fill('cookie window');
		await expect
			.poll(() => page.locator('#ph-search-status').textContent(), { timeout: 15_000 })
			.toContain('cookie window');
		expect(held).toHaveLength(1);
		await Promise.all(held.map((r) => r.fulfill({ status: 204 })));
		await page.close();
		await reader.close();
	});

	it('reports a query typed letter by letter as one search, with the result the reader opened', async () => {
		const reader = await browser.context();
		const page = await open(reader, '/search/');
		await page.locator('#ph-search-q').pressSequentially('payout threshold', { delay: 120 });
		await expect
			.poll(() => page.locator('#ph-search-status').textContent(), { timeout: 15_000 })
			.toContain('“payout threshold”');
		const first = page.locator('#ph-search-results > li a.ph-search-title').first();
		const href = new URL((await first.getAttribute('href'))!, base);
		await first.click();
		await page.waitForURL((url) => !url.pathname.startsWith('/search/'));
		// The beacon goes out as the page is left; read what the server counted.
		const counted = () => {
			const db = new DatabaseSync(env.FEEDBACK_DB_PATH, { readOnly: true });
			try {
				return {
					days: db
						.prepare("SELECT query, searches, zero_results FROM search_days WHERE query LIKE 'pay%' OR query LIKE 'p'")
						.all(),
					opens: db.prepare("SELECT query, page, opens FROM search_opens WHERE query LIKE 'pay%'").all(),
				};
			} finally {
				db.close();
			}
		};
		await expect.poll(() => counted().opens.length, { timeout: 10_000 }).toBe(1);
		expect(counted()).toEqual({
			days: [{ query: 'payout threshold', searches: 1, zero_results: 0 }],
			opens: [{ query: 'payout threshold', page: `${href.pathname}${href.hash}`, opens: 1 }],
		});
		await page.close();
		await reader.close();
	});

	it('left no console errors or failed requests', () => {
		expect(
			problems.filter((p) => !p.includes('/support/groups/answer/') && !p.includes('/api/search-events/')),
		).toEqual([]);
	});
});
