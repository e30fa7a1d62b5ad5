import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { projectRoot } from '../helpers/fixtures.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';

let server: RunningServer;
let base: string;
const client = join(projectRoot, 'dist', 'client');

beforeAll(async () => {
	requireBuild();
	server = await startServer({
		FEEDBACK_DB_PATH: join(tempDir('server'), 'feedback.sqlite'),
		FEEDBACK_RATE_LIMIT: '1000',
	});
	base = server.base;
});
afterAll(() => server?.stop());

interface Raw {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A request with node:http, which (unlike fetch) neither decompresses nor adds Accept-Encoding. */
function raw(path: string, { method = 'GET', headers = {} as Record<string, string> } = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

/** Sends bytes as they are on a fresh connection and returns everything the server writes back. */
function rawSocket(text: string): Promise<string> {
	const { hostname, port } = new URL(base);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => socket.write(text));
		let answer = '';
		socket.on('data', (d) => (answer += d));
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
		socket.setTimeout(5000, () =>
			socket.destroy(new Error(`no answer to ${JSON.stringify(text.slice(0, 30))}: ${answer}`)),
		);
	});
}

const article = '/faq/commissions/';
const articleFile = join(client, 'faq', 'commissions', 'index.html');

describe('the server: routing', () => {
	it('serves the prerendered pages', async () => {
		const response = await fetch(`${base}/faq/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await response.text()).toContain('Frequently asked questions');
	});

	it('answers /api/health/ itself, and redirects a page path without its trailing slash', async () => {
		const response = await fetch(`${base}/api/health/`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
		const redirect = await raw('/faq?x=1');
		expect(redirect.status).toBe(301);
		expect(redirect.headers.location).toBe('/faq/?x=1');
	});

	it('serves static files to GET and HEAD only; other methods never get the file', async () => {
		const file = await fetch(`${base}/favicon.svg`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('image/svg+xml');
		const svg = await file.text();
		expect(svg).toMatch(/^<svg/);
		const head = await raw('/favicon.svg', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.body.byteLength).toBe(0);
		expect(Number(head.headers['content-length'])).toBe(readFileSync(join(client, 'favicon.svg')).byteLength);
		for (const method of ['POST', 'PUT', 'DELETE']) {
			const response = await fetch(`${base}/favicon.svg`, { method, body: method === 'DELETE' ? null : 'x' });
			expect(response.status, method).toBe(404);
			expect(await response.text(), method).not.toContain(svg);
		}
		expect((await fetch(`${base}/faq/`, { method: 'POST', body: 'x' })).status).toBe(404);
	});

	it('answers an unknown path with the 404 page', async () => {
		const response = await fetch(`${base}/no-such-page/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('404');
	});

	it('serves nothing outside dist/client, however the path is written', async () => {
		for (const path of [
			'/../package.json',
			'/%2e%2e/package.json',
			'/..%2fpackage.json',
			'/faq/%2e%2e/%2e%2e/package.json',
			'/%00',
			'/_astro/../../package.json',
		]) {
			const answer = await rawSocket(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
			expect(answer, path).toMatch(/^HTTP\/1\.1 (400|404)/);
			expect(answer, path).not.toContain('"partner-help"');
		}
	});

	it('refuses TRACE and CONNECT with 405, other methods it does not know with 501, with no stack trace in the log', async () => {
		const before = server.log().length;
		const trace = await raw('/faq/', { method: 'TRACE' });
		expect(trace.status).toBe(405);
		expect(trace.headers.allow).toBe('GET, HEAD, POST');
		expect((await raw('/api/feedback/', { method: 'TRACE' })).status).toBe(405);
		expect(await rawSocket('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n')).toMatch(/^HTTP\/1\.1 405 /);
		const propfind = await raw('/faq/', { method: 'PROPFIND' });
		expect(propfind.status).toBe(501);
		expect(propfind.body.toString()).not.toMatch(/at .*\.(js|ts|mjs):\d+/);
		expect(await rawSocket('BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 501 /);
		// The server is still there, and said nothing about any of it.
		expect((await fetch(`${base}/api/health/`)).status).toBe(200);
		expect(server.log().slice(before)).toBe('');
	});

	it('does not offer the on-demand image service', async () => {
		for (const path of ['/_image/?href=%2Ffavicon.svg&w=4000&h=4000&f=avif', '/_image?href=/favicon.svg']) {
			const response = await fetch(`${base}${path}`);
			expect(response.status, path).toBe(404);
			expect(response.headers.get('content-type'), path).not.toMatch(/^image\//);
		}
	});
});

describe('the server: settings', () => {
	it('stops at start-up with a message naming a wrong server setting', async () => {
		await expect(
			startServer({
				FEEDBACK_DB_PATH: join(tempDir('server-bad'), 'x.sqlite'),
				SERVER_BODY_TIMEOUT_MS: 'soon',
				SERVER_MAX_CONNECTIONS_PER_CLIENT: '-1',
			}),
		).rejects.toThrow(
			/SERVER_BODY_TIMEOUT_MS must be a whole number[\s\S]*SERVER_MAX_CONNECTIONS_PER_CLIENT must be at least 0/,
		);
	});
});

describe('the server: compression and caching', () => {
	it('sends an article as brotli, gzip or as it is, as the client accepts, and each decompresses to the file', async () => {
		const file = readFileSync(articleFile);
		const br = await raw(article, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
		expect(br.body.byteLength).toBeLessThan(file.byteLength / 3);
		expect(brotliDecompressSync(br.body).equals(file)).toBe(true);

		const gz = await raw(article, { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(file)).toBe(true);

		for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
			const plain = await raw(article, { headers: accept === undefined ? {} : { 'accept-encoding': accept } });
			expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
			expect(plain.body.equals(file), String(accept)).toBe(true);
		}
		// Quality values count: gzip preferred over brotli when the client says so.
		expect((await raw(article, { headers: { 'accept-encoding': 'br;q=0.5, gzip' } })).headers['content-encoding']).toBe(
			'gzip',
		);
	});

	it('sends Pagefind’s script compressed too', async () => {
		const file = readFileSync(join(client, 'pagefind', 'pagefind.js'));
		const br = await raw('/pagefind/pagefind.js', { headers: { 'accept-encoding': 'br' } });
		expect(br.status).toBe(200);
		expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
		const gz = await raw('/pagefind/pagefind.js', { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(file)).toBe(true);
	});

	it('answers 304 to a matching ETag, per encoding, and a changed one with the file', async () => {
		const first = await raw(article, { headers: { 'accept-encoding': 'br' } });
		const etag = first.headers.etag!;
		expect(etag).toMatch(/^".+"$/);
		const again = await raw(article, { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
		expect(again.headers.etag).toBe(etag);
		// The gzip bytes are other bytes: their own tag, so the brotli tag does not match them.
		const gz = await raw(article, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
		expect(gz.status).toBe(200);
		expect(gz.headers.etag).not.toBe(etag);
		expect((await raw(article, { headers: { 'accept-encoding': 'br', 'if-none-match': '"other"' } })).status).toBe(200);
		expect(
			(await raw(article, { headers: { 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` } })).status,
		).toBe(304);
	});

	it('caches hashed assets for a year and everything else with revalidation', async () => {
		const html = readFileSync(articleFile, 'utf8');
		const script = /src="(\/_astro\/[^"]+\.js)"/.exec(html)![1]!;
		expect((await raw(script)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await raw(article)).headers['cache-control']).toBe('public, max-age=0, must-revalidate');
		expect((await raw('/pagefind/pagefind.js')).headers['cache-control']).toBe('public, max-age=0, must-revalidate');
		const entry = JSON.parse(readFileSync(join(client, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { hash: string }>;
		};
		const hash = Object.values(entry.languages)[0]!.hash;
		const meta = await raw(`/pagefind/pagefind.${hash}.pf_meta`);
		expect(meta.status).toBe(200);
		expect(meta.headers['cache-control']).toBe('public, max-age=31536000, immutable');
	});
});

describe('the server: pages rendered on demand in each language', () => {
	it('answers the German thank-you page in German, with links inside /de/, and no other prefix', async () => {
		const german = await raw('/de/ask/thanks/?ref=FB-AAAA-BBBB&kind=vote');
		expect(german.status).toBe(200);
		const html = german.body.toString();
		expect(html).toMatch(/<html[^>]*\slang="de"/);
		expect(html).toContain('FB-AAAA-BBBB');
		expect(html).toContain('href="/de/"');
		expect((await raw('/xx/ask/thanks/?ref=FB-AAAA-BBBB')).status).toBe(404);
		expect((await raw('/xx/tools/earnings/answer/')).status).toBe(404);
	});
});

describe('the server: security headers', () => {
	const common = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
	};

	it('on pages: a policy with the page’s own script hashes and frame-ancestors none', async () => {
		for (const path of [
			article,
			'/ask/',
			'/search/',
			'/no-such-page/',
			'/ask/thanks/?ref=FB-AAAA-BBBB&kind=question',
			'/de/ask/thanks/?ref=FB-AAAA-BBBB&kind=vote',
		]) {
			const response = await raw(path);
			expect(response.headers, path).toMatchObject(common);
			expect(response.headers['permissions-policy'], path).toContain('camera=()');
			expect(response.headers['x-powered-by'], path).toBeUndefined();
			const csp = response.headers['content-security-policy'] as string;
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(csp, path).toMatch(/script-src 'self'[^;]* 'sha256-/);
			expect(response.body.toString(), path).not.toContain('http-equiv="content-security-policy"');
			// Every inline script of the page is in its policy.
			for (const [, body] of response.body
				.toString()
				.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)) {
				const { createHash } = await import('node:crypto');
				expect(csp, `${path}: ${body!.slice(0, 40)}`).toContain(
					`'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
				);
			}
		}
	});

	it('on the API, files and refusals', async () => {
		const answers = [
			await raw('/api/health/'),
			await raw('/api/feedback/', { method: 'GET' }),
			await raw('/favicon.svg'),
			await raw('/faq/', { method: 'TRACE' }),
		];
		for (const response of answers) {
			expect(response.headers).toMatchObject(common);
			expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
			expect(response.headers['x-powered-by']).toBeUndefined();
		}
		const posted = await fetch(`${base}/api/feedback/`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ kind: 'vote', page: '/faq/', helpful: true }),
		});
		expect(posted.status).toBe(201);
		expect(posted.headers.get('content-security-policy')).toBe(
			"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
		);
		expect(posted.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
