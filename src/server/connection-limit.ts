/**
 * A cap on open connections per client address, so that one client cannot hold the server's sockets
 * (and their memory) with many slow connections. A connection over the cap is answered 429 at once
 * and closed; the others are untouched.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { rawSecurityHeaders } from './security-headers.ts';

/** Sockets refused by the cap: a request that still arrives on one is not answered. */
export const refusedSockets = new WeakSet<Socket>();

export function limitConnectionsPerClient(server: Server, max: number): void {
	if (max <= 0) return;
	const open = new Map<string, number>();
	server.on('connection', (socket: Socket) => {
		const address = socket.remoteAddress ?? '';
		const count = (open.get(address) ?? 0) + 1;
		if (count > max) {
			refusedSockets.add(socket);
			const body = `Too many connections from your address (at most ${max}); close some and try again.\n`;
			socket.end(
				'HTTP/1.1 429 Too Many Requests\r\nconnection: close\r\nretry-after: 10\r\ncontent-type: text/plain; charset=utf-8\r\n' +
					`content-length: ${Buffer.byteLength(body)}\r\n${rawSecurityHeaders()}\r\n${body}`,
			);
			// A client that does not read its answer does not keep the socket.
			setTimeout(() => socket.destroy(), 1000).unref();
			return;
		}
		open.set(address, count);
		socket.once('close', () => {
			const left = (open.get(address) ?? 1) - 1;
			if (left <= 0) open.delete(address);
			else open.set(address, left);
		});
	});
}
