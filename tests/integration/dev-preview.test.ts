import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { freePort, startAstroDev } from '../helpers/astro-dev.ts';
import { materializeFixture, removeFixture } from '../helpers/fixtures.ts';

let root: string;
let server: ChildProcess;
let base: string;
let log = '';

/** Waits until the dev server serves `url` (it answers 404 while the content is first synced), or fails with its log. */
async function ready(url: string, timeoutMs = 150_000) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (server.exitCode !== null) throw new Error(`astro dev exited with ${server.exitCode}:\n${log}`);
		try {
			const res = await fetch(url);
			await res.arrayBuffer();
			if (res.status === 200) return;
			await new Promise((r) => setTimeout(r, 250));
		} catch {
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	throw new Error(`astro dev did not answer within ${timeoutMs} ms:\n${log}`);
}

// `npm run dev` on a site where one FAQ links to an article that does not exist: a build stops
// on it, the preview shows it on that FAQ's page and serves every other page as usual.
describe('the dev preview with one broken entry', () => {
	beforeAll(async () => {
		root = materializeFixture('dev-broken-entry', { withProject: true });
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		// As `npm run dev` runs it, NODE_ENV included (the test runner's is "test").
		server = startAstroDev(root, port, { NODE_ENV: 'development', OG_IMAGES: 'off' });
		server.stdout!.on('data', (d) => (log += d));
		server.stderr!.on('data', (d) => (log += d));
		await ready(`${base}/`);
	});

	afterAll(async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			server.kill('SIGTERM');
			await exited;
		}
		if (root) removeFixture(root);
	});

	it("shows the broken entry's problem on its own page", async () => {
		const res = await fetch(`${base}/faq/account/`);
		const html = await res.text();
		expect(res.status, log).toBe(200);
		expect(html).toContain('data-content-problems');
		expect(html).toContain('src/content/faqs/broken-link.md');
		expect(html).toContain('&quot;troubleshooting/payment-gone-missing&quot; does not match any article.');
		// The broken link itself is marked where it stands instead of failing the page.
		expect(html).toContain('Broken link: troubleshooting/payment-gone-missing');
	});

	it('serves the other pages without the note', async () => {
		for (const path of ['/', '/faq/payments/', '/faq/']) {
			const res = await fetch(`${base}${path}`);
			const html = await res.text();
			expect(res.status, `${path}\n${log}`).toBe(200);
			expect(html, path).not.toContain('data-content-problems');
		}
	});
});
