/**
 * Helpers for the support dashboard's tests: every /support/ address (from the route files, so a
 * new page cannot be forgotten), team accounts made with the real CLI, and a signed-in client.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { viewNames } from '../../src/server/search-events/views.ts';
import { projectRoot } from './fixtures.ts';

/** Every URL the /support/ route files answer, dynamic segments filled with each view. */
export function supportUrls(): Array<{ url: string; kind: 'page' | 'data' }> {
	const root = join(projectRoot, 'src', 'pages', 'support');
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
			d.name.startsWith('_') ? [] : d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
		);
	return walk(root)
		.filter((f) => /\.(astro|ts)$/.test(f))
		.flatMap((file) => {
			const route = `/support/${relative(root, file).split(sep).join('/')}`
				.replace(/\.(astro|ts)$/, '')
				.replace(/(^|\/)index$/, '$1');
			const kind = file.endsWith('.astro') ? ('page' as const) : ('data' as const);
			const urls = route.includes('[view]') ? viewNames.map((v) => route.replace('[view]', v)) : [route];
			return urls.map((u) => ({ url: /\.\w+$/.test(u) || u.endsWith('/') ? u : `${u}/`, kind }));
		});
}

/** Makes a team account with `npm run feedback -- user add`, the password piped in. */
export function addUser(env: Record<string, string>, email: string, password: string): void {
	const result = spawnSync(
		process.execPath,
		[join(projectRoot, 'scripts', 'support', 'feedback.ts'), 'user', 'add', email],
		{
			env: { ...process.env, DATABASE_URL: undefined, ...env },
			input: `${password}\n`,
			encoding: 'utf8',
		},
	);
	if (result.status !== 0) throw new Error(`user add failed (${result.status}): ${result.stderr}${result.stdout}`);
}

/** A tiny cookie-keeping client for one server. */
export class Client {
	readonly jar = new Map<string, string>();
	constructor(readonly base: string) {}

	async fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
		const response = await fetch(`${this.base}${path}`, { redirect: 'manual', ...init, headers });
		for (const c of response.headers.getSetCookie()) {
			const [pair = ''] = c.split(';');
			const [name = '', value = ''] = pair.split('=');
			if (/Max-Age=0/i.test(c)) this.jar.delete(name);
			else this.jar.set(name, value);
		}
		return response;
	}

	/** Posts form fields from this site's own page (Origin set as a browser would). */
	post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
		return this.fetch(path, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: this.base,
				'sec-fetch-site': 'same-origin',
				...headers,
			},
			body: new URLSearchParams(fields).toString(),
		});
	}

	/** The value of the hidden `csrf` field on a page. */
	async csrf(path: string): Promise<string> {
		const html = await (await this.fetch(path)).text();
		const match = /name="csrf" value="([^"]+)"/.exec(html);
		if (!match) throw new Error(`No CSRF field on ${path}:\n${html.slice(0, 500)}`);
		return match[1]!;
	}

	/** Signs in through the form; returns the answer to the form post. */
	async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
		const csrf = await this.csrf('/support/sign-in/');
		return this.post('/support/sign-in/', { csrf, email, password, next: '/support/' }, headers);
	}
}
