/**
 * The dashboard over the real built server and SQLite: nothing without a session, sign-in with
 * lockout and rotation, CSRF and Origin on every form, cookies, proxy mode, exports, and nothing
 * of it prerendered.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { clientDir, requireBuild } from '../helpers/site.ts';
import { addUser, Client, supportUrls } from '../helpers/support.ts';

const dir = tempDir('support');
const env = {
	FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite'),
	SUPPORT_LOCKOUT_FAILURES: '3',
	SUPPORT_LOGIN_RATE_LIMIT: '100',
	FEEDBACK_TRUSTED_PROXIES: '1',
};
let server: RunningServer;

beforeAll(async () => {
	requireBuild();
	addUser(env, 'agent@example.com', 'a very long password');
	addUser(env, 'locked@example.com', 'another long password');
	server = await startServer(env);
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('without a session', () => {
	const urls = supportUrls().filter((u) => u.url !== '/support/sign-in/');
	it('knows every dashboard address', () => {
		expect(urls.map((u) => u.url)).toEqual(
			expect.arrayContaining([
				'/support/',
				'/support/groups/',
				'/support/data/questions.json',
				'/support/export/trend.csv',
				'/support/groups/answer/',
				'/support/sign-out/',
			]),
		);
	});
	it('sends pages to sign-in and refuses data with 401, for GET and POST', async () => {
		const anonymous = new Client(server.base);
		for (const { url, kind } of urls) {
			for (const method of ['GET', 'POST']) {
				const response = await anonymous.fetch(url, {
					method,
					headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' },
					...(method === 'POST' ? { body: 'csrf=x' } : {}),
				});
				const body = await response.text();
				if (kind === 'page') {
					expect([response.status, url, method]).toEqual([303, url, method]);
					expect(response.headers.get('location')).toBe(`/support/sign-in/?next=${encodeURIComponent(url)}`);
				} else {
					expect([response.status, url, method]).toEqual([401, url, method]);
					expect(JSON.parse(body).error.code).toBe('not_signed_in');
				}
				expect(response.headers.get('cache-control')).toBe('no-store');
			}
		}
	});
	it('refuses a forged or expired session cookie', async () => {
		const forged = new Client(server.base);
		forged.jar.set('ph_support', 'x'.repeat(43));
		expect((await forged.fetch('/support/data/trend.json')).status).toBe(401);
	});
	it('prerenders nothing of the dashboard', () => {
		expect(existsSync(join(clientDir, 'support'))).toBe(false);
		const walk = (d: string): string[] =>
			readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
		const leaks = walk(clientDir).filter(
			(f) => /\.(html|js|css|json)$/.test(f) && /Support dashboard|ph_support/.test(readFileSync(f, 'utf8')),
		);
		expect(leaks).toEqual([]);
		expect(readFileSync(join(clientDir, 'sitemap-0.xml'), 'utf8')).not.toMatch(/<loc>https?:\/\/[^/<]+\/support\//);
	});
});

describe('signing in', () => {
	it('refuses a wrong password, then signs in with a fresh HttpOnly, SameSite=Lax session cookie', async () => {
		const c = new Client(server.base);
		const wrong = await c.signIn('agent@example.com', 'not the password');
		expect(wrong.status).toBe(401);
		expect(await wrong.text()).toContain('The email address or the password is wrong.');
		const ok = await c.signIn('agent@example.com', 'a very long password');
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/support/');
		const set = ok.headers.getSetCookie().find((s) => s.startsWith('ph_support='))!;
		expect(set).toMatch(/; Path=\/support\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
		expect((await c.fetch('/support/')).status).toBe(200);
	});

	it('marks the cookie Secure when a trusted proxy says the browser used HTTPS', async () => {
		const c = new Client(server.base);
		const ok = await c.signIn('agent@example.com', 'a very long password', { 'x-forwarded-proto': 'https' });
		expect(ok.headers.getSetCookie().find((s) => s.startsWith('ph_support='))).toMatch(/; Secure$/);
	});

	it('gives a new session id at every sign-in; the old one no longer opens anything', async () => {
		const c = new Client(server.base);
		await c.signIn('agent@example.com', 'a very long password');
		const old = c.jar.get('ph_support')!;
		await c.signIn('agent@example.com', 'a very long password');
		expect(c.jar.get('ph_support')).not.toBe(old);
		const stale = new Client(server.base);
		stale.jar.set('ph_support', old);
		expect((await stale.fetch('/support/data/questions.json')).status).toBe(401);
	});

	it('locks an account after repeated wrong passwords, even for the right one', async () => {
		const c = new Client(server.base);
		for (let i = 0; i < 2; i++) expect((await c.signIn('locked@example.com', `guess ${i}`)).status).toBe(401);
		const third = await c.signIn('locked@example.com', 'guess 3');
		expect(third.status).toBe(429);
		expect(await third.text()).toContain('it is locked until');
		expect((await c.signIn('locked@example.com', 'another long password')).status).toBe(429);
	});

	it('refuses a sign-in form without its token, or posted from another site', async () => {
		const c = new Client(server.base);
		await c.fetch('/support/sign-in/');
		expect(
			(
				await c.post('/support/sign-in/', {
					csrf: 'made-up',
					email: 'agent@example.com',
					password: 'a very long password',
				})
			).status,
		).toBe(403);
		const csrf = await c.csrf('/support/sign-in/');
		const cross = await c.post(
			'/support/sign-in/',
			{ csrf, email: 'agent@example.com', password: 'a very long password' },
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
		);
		expect(cross.status).toBe(403);
		expect(c.jar.has('ph_support')).toBe(false);
	});

	it('never sends anyone to another site after sign-in', async () => {
		const c = new Client(server.base);
		const csrf = await c.csrf('/support/sign-in/');
		const ok = await c.post('/support/sign-in/', {
			csrf,
			email: 'agent@example.com',
			password: 'a very long password',
			next: '//evil.example/support/',
		});
		expect(ok.headers.get('location')).toBe('/support/');
	});
});

describe('forms of a signed-in team member', () => {
	let c: Client;
	beforeAll(async () => {
		c = new Client(server.base);
		await c.signIn('agent@example.com', 'a very long password');
	});

	it('refuse a post without the session’s CSRF token', async () => {
		const r = await c.post('/support/groups/answer/', { key: 'exchang', page: '/faq/' });
		expect(r.status).toBe(403);
		expect((await r.json()).error.code).toBe('csrf');
		const wrong = await c.post('/support/groups/answer/', { csrf: 'A'.repeat(43), key: 'exchang', page: '/faq/' });
		expect(wrong.status).toBe(403);
	});

	it('refuse a cross-site post even with the right token', async () => {
		const csrf = await c.csrf('/support/groups/');
		const r = await c.post(
			'/support/groups/answer/',
			{ csrf, key: 'exchang', page: '/faq/' },
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
		);
		expect(r.status).toBe(403);
		expect((await r.json()).error.code).toBe('cross_site');
		const noOrigin = await c.fetch('/support/groups/answer/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ csrf, key: 'exchang', page: '/faq/' }).toString(),
		});
		expect(noOrigin.status).toBe(403);
	});

	it('mark a group as answered, which the public list of answers then holds', async () => {
		const csrf = await c.csrf('/support/groups/');
		const bad = await c.post('/support/groups/answer/', { csrf, key: 'exchang', page: 'https://evil.example/' });
		expect(bad.status).toBe(422);
		expect((await bad.json()).error.fields[0].field).toBe('page');
		const r = await c.post('/support/groups/answer/', {
			csrf,
			key: 'exchang',
			words: 'exchange',
			page: '/faq/returns/',
		});
		expect(r.status).toBe(303);
		const answers = await (await fetch(`${server.base}/api/search-events/`)).json();
		expect(answers.answers).toEqual([
			expect.objectContaining({ key: 'exchang', words: 'exchange', page: '/faq/returns/' }),
		]);
	});

	it('export CSV with formula cells neutralised', async () => {
		const posted = await fetch(`${server.base}/api/search-events/`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain;charset=UTF-8', origin: server.base },
			body: JSON.stringify({
				events: [
					{ query: "=HYPERLINK('http://evil.example')", results: 0 },
					{ query: '@sum(a1)', results: 0 },
				],
			}),
		});
		expect(posted.status).toBe(204);
		const csv = await (await c.fetch('/support/export/zero-results.csv')).text();
		expect(csv.split('\r\n')[0]).toBe('group,groupKey,groupSize,answeredBy,kind,text,count');
		expect(csv).toContain(`"'=hyperlink('http://evil.example')"`.replace(/^"|"$/g, ''));
		expect(csv).toContain("'@sum(a1)");
		expect(csv).not.toMatch(/(^|,)[=@]/m);
	});

	it('refuse an unknown view in the format of the endpoint, and a method other than GET or HEAD', async () => {
		const json = await c.fetch('/support/data/nothing.json');
		expect(json.status).toBe(404);
		expect((await json.json()).error).toMatchObject({
			code: 'unknown_view',
			message: expect.stringMatching(/^There is no view "nothing"; the views are .*questions/),
		});
		const csv = await c.fetch('/support/export/nothing.csv');
		expect(csv.status).toBe(404);
		expect(csv.headers.get('content-type')).toContain('text/plain');
		expect(await csv.text()).toMatch(/^There is no view "nothing"; the views are .+\.\n$/);
		for (const path of ['/support/data/questions.json', '/support/export/trend.csv']) {
			const posted = await c.fetch(path, { method: 'DELETE' });
			expect(posted.status, path).toBe(405);
			expect(posted.headers.get('allow'), path).toBe('GET, HEAD');
		}
	});

	it('sign out with the token, which ends the session', async () => {
		const other = new Client(server.base);
		await other.signIn('agent@example.com', 'a very long password');
		const csrf = await other.csrf('/support/');
		const r = await other.post('/support/sign-out/', { csrf });
		expect(r.status).toBe(303);
		expect((await other.fetch('/support/')).status).toBe(303);
	});
});

describe('behind a sign-in proxy (SUPPORT_AUTH=proxy)', () => {
	let proxied: RunningServer;
	beforeAll(async () => {
		proxied = await startServer({
			...env,
			FEEDBACK_DB_PATH: join(dir, 'proxy.sqlite'),
			SUPPORT_AUTH: 'proxy',
			SUPPORT_AUTH_HEADER: 'X-Forwarded-Email',
		});
	});
	afterAll(async () => {
		await proxied?.stop();
	});

	it('lets in whom the trusted header names, with a session for the forms, and nobody else', async () => {
		const c = new Client(proxied.base);
		expect((await c.fetch('/support/')).status).toBe(303);
		expect((await c.fetch('/support/data/trend.json')).status).toBe(401);
		const page = await c.fetch('/support/', { headers: { 'x-forwarded-email': 'lead@example.com' } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Signed in as lead@example.com');
		// The session cookie alone is not enough: the proxy must vouch for every request.
		expect((await c.fetch('/support/data/trend.json')).status).toBe(401);
		expect(
			(await c.fetch('/support/data/trend.json', { headers: { 'x-forwarded-email': 'lead@example.com' } })).status,
		).toBe(200);
		// The password form is not offered.
		expect(await (await c.fetch('/support/sign-in/')).text()).toContain('sign-in gateway');
	});
});
