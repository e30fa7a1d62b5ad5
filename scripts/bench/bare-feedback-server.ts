/**
 * The benchmark's baseline: a bare node:http server that does the same durable insert as the feedback
 * endpoint (the same SQLite store, WAL, synchronous=FULL) and nothing else: no Astro, no validation,
 * no guards. Prints "listening on http://…" like the real server. Usage: node bare-feedback-server.ts DB_PATH [full|normal]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FeedbackSubmission } from '../../src/schemas/feedback.ts';
import { newReference } from '../../src/server/reference.ts';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';

const store = openSqliteStore(process.argv[2] ?? 'bare.sqlite', process.argv[3] === 'normal' ? 'normal' : 'full');
async function save(req: IncomingMessage, res: ServerResponse) {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const submission = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FeedbackSubmission;
	const reference = newReference();
	await store.save(submission, { reference, createdAt: Date.now(), destination: null });
	res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference }));
}
// A request that fails answers 500 with the reason, so that the benchmark counts it instead of the process dying.
const server = createServer((req, res) => {
	save(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
});
server.listen(0, '127.0.0.1', () => {
	const { port } = server.address() as { port: number };
	console.log(`listening on http://127.0.0.1:${port}`);
});
