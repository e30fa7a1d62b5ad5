import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { rmSync } from 'node:fs';
import { requireBuild } from '../helpers/site.ts';
import { postForm, postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let dir: string;
let dbPath: string;

const rows = () => {
	const db = new DatabaseSync(dbPath, { readOnly: true });
	try {
		return db.prepare('SELECT * FROM submissions ORDER BY id').all() as Array<Record<string, unknown>>;
	} finally {
		db.close();
	}
};

beforeAll(async () => {
	requireBuild();
	dir = tempDir('endpoint');
	dbPath = join(dir, 'feedback.sqlite');
	server = await startServer({
		FEEDBACK_DB_PATH: dbPath,
		FEEDBACK_RATE_LIMIT: '1000',
		FEEDBACK_GLOBAL_RATE_LIMIT: '100000',
		SITE_URL: 'https://help.example.com',
	});
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the feedback endpoint', () => {
	it('stores a question sent as JSON and answers 201 with its reference', async () => {
		const response = await postJson(server.base, {
			kind: 'question',
			question: 'When is the payout threshold reached?',
			email: 'ana@example.com',
			audience: 'affiliate',
			from: 'search',
			query: 'payout threshold',
		});
		expect(response.status).toBe(201);
		const body = (await response.json()) as { reference: string; delivery: string; message: string };
		expect(body.reference).toMatch(/^FB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		// No helpdesk is configured: the reader is told the question is kept, not that a reply will come.
		expect(body.delivery).toBe('store');
		expect(body.message).toContain('not answered by email');
		expect(body.message).not.toContain('has reached the support team');
		const row = rows().find((r) => r['reference'] === body.reference);
		expect(row).toMatchObject({
			kind: 'question',
			question: 'When is the payout threshold reached?',
			email: 'ana@example.com',
			audience: 'affiliate',
			from_page: 'search',
			query: 'payout threshold',
		});
	});

	it('redirects a form posted without JavaScript to the thank-you page, which shows the reference', async () => {
		const response = await postForm(server.base, {
			kind: 'question',
			question: 'Can I promote on TikTok?',
			email: '',
			audience: '',
			from: '',
			query: '',
			website: '',
		});
		expect(response.status).toBe(303);
		const location = response.headers.get('location')!;
		const reference = /ref=(FB-[0-9A-Z-]+)/.exec(location)![1]!;
		const page = await fetch(new URL(location, server.base));
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(`<strong data-reference>${reference}</strong>`);
		expect(rows().some((r) => r['reference'] === reference)).toBe(true);
	});

	it('records where a question came from when the form without JavaScript was opened as /ask/?q=…&from=…', async () => {
		const response = await postForm(
			server.base,
			{ kind: 'question', question: 'Where do I find my sub-IDs?' },
			{ referer: `${server.base}/ask/?q=sub-id&from=search` },
		);
		const reference = /ref=(FB-[0-9A-Z-]+)/.exec(response.headers.get('location')!)![1];
		expect(rows().find((r) => r['reference'] === reference)).toMatchObject({ from_page: 'search', query: 'sub-id' });
	});

	it('stores a page vote from the form, yes/no and comment', async () => {
		const response = await postForm(server.base, {
			kind: 'vote',
			page: '/faq/payments/',
			helpful: 'no',
			comment: 'Nothing about PayPal fees.',
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/ask\/thanks\/\?ref=FB-[0-9A-Z-]+&kind=vote$/);
		expect(rows().at(-1)).toMatchObject({
			kind: 'vote',
			page: '/faq/payments/',
			helpful: 0,
			comment: 'Nothing about PayPal fees.',
		});
	});

	it('names each wrong field in a 422', async () => {
		const response = await postJson(server.base, {
			kind: 'question',
			question: 'hi',
			email: 'not-an-email',
			audience: 'alien',
		});
		expect(response.status).toBe(422);
		const { error } = (await response.json()) as {
			error: { code: string; fields: Array<{ field: string; message: string }> };
		};
		expect(error.code).toBe('invalid_fields');
		expect(error.fields).toEqual([
			{ field: 'question', message: 'The question is too short: write at least 5 characters.' },
			{ field: 'email', message: 'The email address is not valid: write it as name@example.com, or leave it empty.' },
			{ field: 'audience', message: 'Unknown audience "alien": expected one of affiliate, customer, advertiser.' },
		]);
	});

	it('refuses a filled honeypot without storing anything', async () => {
		const before = rows().length;
		const response = await postForm(server.base, {
			kind: 'question',
			question: 'Buy cheap watches now',
			website: 'http://spam.example',
		});
		expect(response.status).toBe(422);
		expect(((await response.json()) as { error: { fields: Array<{ field: string }> } }).error.fields[0]!.field).toBe(
			'website',
		);
		expect(rows().length).toBe(before);
	});

	it('refuses posts from another site, by Origin or by Sec-Fetch-Site', async () => {
		const byOrigin = await postForm(
			server.base,
			{ kind: 'vote', page: '/faq/', helpful: 'yes' },
			{ origin: 'https://evil.example' },
		);
		expect(byOrigin.status).toBe(403);
		expect(((await byOrigin.json()) as { error: { code: string } }).error.code).toBe('cross_site');
		const byFetchSite = await postJson(
			server.base,
			{ kind: 'vote', page: '/faq/', helpful: true },
			{ 'sec-fetch-site': 'cross-site' },
		);
		expect(byFetchSite.status).toBe(403);
	});

	it('accepts posts from its own origin and from the public SITE_URL', async () => {
		const own = await postJson(
			server.base,
			{ kind: 'vote', page: '/faq/', helpful: true },
			{ origin: server.base, 'sec-fetch-site': 'same-origin' },
		);
		expect(own.status).toBe(201);
		const publicSite = await postJson(
			server.base,
			{ kind: 'vote', page: '/faq/', helpful: true },
			{ origin: 'https://help.example.com' },
		);
		expect(publicSite.status).toBe(201);
	});

	it('answers other methods with 405 and Allow: POST', async () => {
		const response = await fetch(`${server.base}/api/feedback/`);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});

	it('shows only a well-formed reference on the thank-you page, never other text from the address', async () => {
		const html = await (await fetch(`${server.base}/ask/thanks/?ref=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`)).text();
		expect(html).not.toContain('onerror=alert');
		expect(html).not.toContain('data-reference');
	});
});

describe('the forms in the built site', () => {
	it('puts a "Was this page helpful?" form that works without JavaScript on articles', async () => {
		const html = await (await fetch(`${server.base}/affiliates/onboarding/payments/`)).text();
		expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/api\/feedback\/"[^>]*data-feedback-form="vote"/);
		expect(html).toContain('<input type="hidden" name="page" value="/affiliates/onboarding/payments/">');
		expect(html).toMatch(/<button type="submit" name="helpful" value="yes"/);
		expect(html).toMatch(/<button type="submit" name="helpful" value="no"/);
	});

	it('turns /ask/ into the question form and keeps the support channels below it', async () => {
		const html = await (await fetch(`${server.base}/ask/`)).text();
		const form = html.indexOf('data-feedback-form="question"');
		expect(form).toBeGreaterThan(0);
		expect(html.indexOf('<caption>Support channels</caption>')).toBeGreaterThan(form);
		expect(html).toMatch(/<textarea[^>]*name="question"[^>]*required/);
		expect(html).not.toContain('data-feedback-form="vote"');
	});

	it('rate-limits a client with 429 and Retry-After', async () => {
		const limited = await startServer({ FEEDBACK_DB_PATH: join(dir, 'limited.sqlite'), FEEDBACK_RATE_LIMIT: '3' });
		try {
			const statuses: number[] = [];
			let retryAfter: string | null = null;
			for (let i = 0; i < 5; i++) {
				const r = await postJson(limited.base, { kind: 'vote', page: '/faq/', helpful: true });
				statuses.push(r.status);
				if (r.status === 429) retryAfter = r.headers.get('retry-after');
			}
			expect(statuses).toEqual([201, 201, 201, 429, 429]);
			expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		} finally {
			await limited.stop();
		}
	});

	it('stops at start-up with a message naming a wrong setting', async () => {
		await expect(
			startServer({
				FEEDBACK_DB_PATH: join(dir, 'x.sqlite'),
				FEEDBACK_DESTINATION: 'zendesk',
				ZENDESK_URL: 'acme.zendesk.com',
			}),
		).rejects.toThrow(
			/ZENDESK_URL: ZENDESK_URL must be an absolute http\(s\) URL, for example https:\/\/acme\.zendesk\.com\. \(received "acme\.zendesk\.com"\)/,
		);
	});
});
