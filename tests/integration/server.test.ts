import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../helpers/fixtures.ts';
import { requireBuild } from '../helpers/site.ts';

let server: ChildProcess;
let base: string;

/** Starts the built standalone server on a free port of 127.0.0.1 and waits until it listens. */
function start(): Promise<string> {
	return new Promise((resolve, reject) => {
		server = spawn(process.execPath, [join(projectRoot, 'dist', 'server', 'entry.mjs')], {
			env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let log = '';
		const onData = (chunk: Buffer) => {
			log += chunk;
			const match = /listening on (http:\/\/[^\s]+)/i.exec(log);
			if (match) resolve(match[1]!.replace(/\/$/, ''));
		};
		server.stdout!.on('data', onData);
		server.stderr!.on('data', onData);
		server.on('exit', (code) => reject(new Error(`The server stopped (exit ${code}) before listening:\n${log}`)));
	});
}

beforeAll(async () => {
	requireBuild();
	base = await start();
});
afterAll(() => {
	server?.kill();
});

describe('the standalone server', () => {
	it('serves the prerendered pages', async () => {
		const response = await fetch(`${base}/faq/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/text\/html/);
		expect(await response.text()).toContain('Frequently asked questions');
	});

	it('answers on-demand routes beside them', async () => {
		const response = await fetch(`${base}/api/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('serves static files to GET and HEAD only; other methods go to the on-demand routes', async () => {
		const file = await fetch(`${base}/favicon.svg`);
		expect(file.status).toBe(200);
		const svg = await file.text();
		expect(svg).toMatch(/^<svg/);
		expect((await fetch(`${base}/favicon.svg`, { method: 'HEAD' })).status).toBe(200);
		for (const method of ['POST', 'PUT', 'DELETE']) {
			const response = await fetch(`${base}/favicon.svg`, { method, body: method === 'DELETE' ? null : 'x' });
			expect(response.status, method).toBe(404);
			expect(await response.text(), method).not.toContain(svg);
		}
		const page = await fetch(`${base}/faq/`, { method: 'POST', body: 'x' });
		expect(page.status).toBe(404);
	});

	it('answers an unknown path with the 404 page', async () => {
		const response = await fetch(`${base}/no-such-page/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('404');
	});
});
