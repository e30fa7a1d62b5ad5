import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { requireBuild } from '../helpers/site.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
	requireBuild();
	dir = tempDir('limits');
	server = await startServer({
		FEEDBACK_DB_PATH: join(dir, 'feedback.sqlite'),
		FEEDBACK_RATE_LIMIT: '100000',
		SERVER_MAX_CONNECTIONS_PER_CLIENT: '8',
	});
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** A raw connection to the server: what it has written so far, and when it closed. */
interface Conn {
	socket: Socket;
	received: () => string;
	closed: Promise<number>;
}

function open(base = server.base): Promise<Conn> {
	const { hostname, port } = new URL(base);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname);
		let text = '';
		socket.setEncoding('utf8');
		socket.on('data', (d: string) => (text += d));
		socket.on('error', () => {});
		const closed = new Promise<number>((done) => socket.once('close', () => done(performance.now())));
		socket.once('connect', () => resolve({ socket, received: () => text, closed }));
		socket.once('error', reject);
	});
}

/** Writes `text` one byte a second until the socket closes. */
function trickle(conn: Conn, text: string): void {
	let i = 0;
	const timer = setInterval(() => {
		if (conn.socket.destroyed || i >= text.length) return clearInterval(timer);
		conn.socket.write(text[i++]!);
	}, 1000);
	conn.socket.once('close', () => clearInterval(timer));
}

const body = JSON.stringify({
	kind: 'question',
	question: 'How do I change my payout method, slowly?',
	audience: 'affiliate',
});

describe('timeouts and limits', () => {
	it('cuts off a body trickled at 1 byte/s with 408 within the 10 s deadline, and a trickled header too', async () => {
		const [slowBody, slowHeaders] = await Promise.all([open(), open()]);
		const started = performance.now();
		slowBody.socket.write(
			`POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
		);
		trickle(slowBody, body);
		trickle(slowHeaders, 'GET /faq/ HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100));
		const [bodyClosed, headersClosed] = await Promise.all([slowBody.closed, slowHeaders.closed]);

		expect(slowBody.received()).toMatch(/^HTTP\/1\.1 408 /);
		expect(slowBody.received()).toContain('"code":"request_timeout"');
		expect((bodyClosed - started) / 1000).toBeGreaterThan(9);
		expect((bodyClosed - started) / 1000).toBeLessThan(13);
		expect(slowHeaders.received()).toMatch(/^HTTP\/1\.1 408 /);
		expect((headersClosed - started) / 1000).toBeLessThan(13);
		// Nothing was stored from the unfinished body.
		const db = new DatabaseSync(join(dir, 'feedback.sqlite'), { readOnly: true });
		try {
			expect(db.prepare('SELECT count(*) AS n FROM submissions').get()!['n']).toBe(0);
		} finally {
			db.close();
		}
	}, 30_000);

	it('refuses connections from one address beyond the cap with 429, and takes them again once some close', async () => {
		const held = await Promise.all(Array.from({ length: 8 }, () => open()));
		// Each held connection is a slow client partway through its headers.
		for (const conn of held) conn.socket.write('GET /faq/ HTTP/1.1\r\nHost: x\r\n');
		const refused = await Promise.all(Array.from({ length: 3 }, () => open()));
		for (const conn of refused) {
			await conn.closed;
			expect(conn.received()).toMatch(/^HTTP\/1\.1 429 /);
			expect(conn.received()).toContain('Too many connections from your address');
		}
		// The held ones are still served.
		held[0]!.socket.write('Connection: close\r\n\r\n');
		await held[0]!.closed;
		expect(held[0]!.received()).toMatch(/^HTTP\/1\.1 200 /);
		for (const conn of held.slice(1)) conn.socket.destroy();
		await Promise.all(held.map((c) => c.closed));
		// Room again.
		await waitFor(
			'a connection to be taken again',
			async () => (await fetch(`${server.base}/api/health/`)).status === 200,
		);
	});

	it('logs nothing for requests whose clients went away mid-body or mid-answer', async () => {
		const before = server.log().length;
		const aborts = [];
		for (let i = 0; i < 20; i++) {
			aborts.push(
				(async () => {
					const conn = await open();
					conn.socket.write(
						`POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
					);
					await new Promise((r) => setTimeout(r, 50));
					conn.socket.destroy();
				})(),
				(async () => {
					const conn = await open();
					conn.socket.write('GET /pagefind/pagefind-ui.js HTTP/1.1\r\nHost: x\r\n\r\n');
					conn.socket.once('data', () => conn.socket.destroy());
					await conn.closed;
				})(),
				(async () => {
					const conn = await open();
					conn.socket.write(
						`POST /api/feedback/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{"kin`,
					);
					await new Promise((r) => setTimeout(r, 50));
					conn.socket.resetAndDestroy();
				})(),
			);
			if (aborts.length >= 6) await Promise.all(aborts.splice(0));
		}
		await Promise.all(aborts);
		await new Promise((r) => setTimeout(r, 300));
		expect((await fetch(`${server.base}/api/health/`)).status).toBe(200);
		const logged = server.log().slice(before);
		expect(logged.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
		expect(logged).not.toMatch(/\n\s+at /);
	});
});
