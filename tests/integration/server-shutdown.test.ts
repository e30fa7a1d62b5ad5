import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createServer, request, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { requireBuild } from '../helpers/site.ts';
import { startServer, tempDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let dir: string;

beforeAll(() => {
	requireBuild();
	dir = tempDir('shutdown');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exitCode = (child: import('node:child_process').ChildProcess) =>
	new Promise<number | null>((resolve) =>
		child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
	);

function stored(db: string): Array<{ reference: string; question: string; delivered: boolean }> {
	const sqlite = new DatabaseSync(db, { readOnly: true });
	try {
		return sqlite
			.prepare(
				'SELECT s.reference, s.question, o.delivered_at FROM submissions s LEFT JOIN outbox o ON o.submission_id = s.id',
			)
			.all()
			.map((r) => ({
				reference: String(r['reference']),
				question: String(r['question']),
				delivered: r['delivered_at'] !== null && r['delivered_at'] !== undefined,
			}));
	} finally {
		sqlite.close();
	}
}

/** A JSON POST over `agent` (keep-alive); resolves with the status and body, rejects on a connection error. */
function post(base: string, agent: Agent, body: unknown): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${base}/api/feedback/`,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json' } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode!, body: text }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(JSON.stringify(body));
	});
}

describe('graceful shutdown', () => {
	it('on SIGTERM under load: every 201 is in the store, nothing stored went unanswered, exit 0', async () => {
		const db = join(dir, 'load.sqlite');
		const server = await startServer({
			FEEDBACK_DB_PATH: db,
			FEEDBACK_RATE_LIMIT: '100000',
			FEEDBACK_GLOBAL_RATE_LIMIT: '1000000',
		});
		// Keep-alive connections, as browsers and proxies use: shutdown must close them between requests, not during one.
		const agent = new Agent({ keepAlive: true, maxSockets: 48 });
		const acknowledged = new Map<string, string>();
		const failures: string[] = [];
		let sent = 0;
		let stop = false;
		const client = async () => {
			while (!stop) {
				const question = `How do I change my payout method? (shutdown ${sent++})`;
				try {
					const response = await post(server.base, agent, { kind: 'question', question, audience: 'affiliate' });
					if (response.status === 201)
						acknowledged.set(question, (JSON.parse(response.body) as { reference: string }).reference);
					else failures.push(`HTTP ${response.status}: ${response.body}`);
				} catch (error) {
					// Refused connections once the server stops listening, or a keep-alive connection closed as a
					// request was being sent on it: that request was never read (the checks below prove it).
					failures.push((error as NodeJS.ErrnoException).code ?? (error as Error).message);
					await new Promise((r) => setTimeout(r, 20));
				}
			}
		};
		const clients = Array.from({ length: 48 }, client);
		await waitFor('some submissions to be acknowledged', () => acknowledged.size >= 200);
		const exited = exitCode(server.child);
		server.child.kill('SIGTERM');
		const code = await exited;
		stop = true;
		await Promise.all(clients);
		agent.destroy();

		expect(code).toBe(0);
		expect(server.log()).toContain('SIGTERM');
		const rows = stored(db);
		const storedQuestions = new Map(rows.map((r) => [r.question, r.reference]));
		// Acknowledged → stored, with the same reference.
		for (const [question, reference] of acknowledged) expect(storedQuestions.get(question), question).toBe(reference);
		// Stored → acknowledged: no submission was committed and then cut off before its answer.
		const unanswered = rows.filter((r) => acknowledged.get(r.question) !== r.reference);
		expect(unanswered).toEqual([]);
		// No request was answered with an error while the server drained.
		expect(failures.filter((f) => f.startsWith('HTTP'))).toEqual([]);
		expect(acknowledged.size).toBeGreaterThanOrEqual(200);
		// Nothing in the log but the start, the shutdown and the stop.
		expect(server.log()).not.toMatch(/\n\s+at /);
	}, 60_000);

	it('lets the delivery in progress finish, then commits, closes the store and exits 0', async () => {
		const db = join(dir, 'delivery.sqlite');
		let started = 0;
		let finished = 0;
		// A webhook receiver that takes its time over each delivery.
		const receiver: Server = createServer((req, res) => {
			started++;
			req.resume();
			setTimeout(() => {
				finished++;
				res.writeHead(204).end();
			}, 1500);
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		try {
			const port = (receiver.address() as { port: number }).port;
			const server = await startServer({
				FEEDBACK_DB_PATH: db,
				FEEDBACK_DESTINATION: 'webhook',
				FEEDBACK_WEBHOOK_URL: `http://127.0.0.1:${port}/in`,
				FEEDBACK_WEBHOOK_SECRET: 's3cret',
				FEEDBACK_WORKER_POLL_MS: '100',
			});
			const response = await fetch(`${server.base}/api/feedback/`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ kind: 'vote', page: '/faq/', helpful: true }),
			});
			expect(response.status).toBe(201);
			await waitFor('the delivery to start', () => started === 1);
			const exited = exitCode(server.child);
			server.child.kill('SIGTERM');
			expect(await exited).toBe(0);
			// The server waited for the helpdesk's answer and recorded it before exiting.
			expect(finished).toBe(1);
			expect(stored(db)).toEqual([expect.objectContaining({ delivered: true })]);
		} finally {
			receiver.close();
		}
	}, 30_000);
});
