import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { requireBuild } from '../helpers/site.ts';
import { fastDeliveryEnv, postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { FakeHelpdesk, freshdeskApiKey, zendeskCredentials } from '../helpers/fake-helpdesk.ts';
import { waitFor } from '../helpers/wait.ts';
import { webhookClient } from '../../src/server/helpdesk/webhook.ts';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';
import { startWorker } from '../../src/server/worker.ts';

let dir: string;
let helpdesk: FakeHelpdesk;
let server: RunningServer | undefined;

const fast = fastDeliveryEnv;
const zendesk = () => ({
	FEEDBACK_DESTINATION: 'zendesk',
	ZENDESK_URL: helpdesk.base,
	ZENDESK_EMAIL: zendeskCredentials.email,
	ZENDESK_API_TOKEN: zendeskCredentials.token,
});
const freshdesk = () => ({
	FEEDBACK_DESTINATION: 'freshdesk',
	FRESHDESK_URL: helpdesk.base,
	FRESHDESK_API_KEY: freshdeskApiKey,
});

function outbox(dbPath: string) {
	const db = new DatabaseSync(dbPath, { readOnly: true });
	try {
		return db
			.prepare('SELECT o.*, s.reference FROM outbox o JOIN submissions s ON s.id = o.submission_id')
			.all() as Array<Record<string, unknown>>;
	} finally {
		db.close();
	}
}

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<string> {
	const response = await postJson(server!.base, { kind: 'question', question, ...extra });
	expect(response.status).toBe(201);
	return ((await response.json()) as { reference: string }).reference;
}

beforeAll(() => {
	requireBuild();
	dir = tempDir('delivery');
});
afterEach(async () => {
	await server?.stop();
	server = undefined;
	await helpdesk?.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('delivery to Zendesk', () => {
	it('retries after 429 (honouring Retry-After) and 5xx, and a lost answer does not make a second ticket', async () => {
		helpdesk = await new FakeHelpdesk().start();
		helpdesk.script.zendesk.push(
			{ status: 429, headers: { 'retry-after': '1' } },
			{ status: 503 },
			{ status: 502, createThenFail: true },
		);
		const db = join(dir, 'zendesk.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fast, ...zendesk() });
		const reference = await ask('How long does the cookie last?', { email: 'reader@example.com' });

		await waitFor('the delivery to be recorded', () => outbox(db)[0]?.['delivered_at']);
		const attempts = helpdesk.seen.filter((s) => s.route === 'zendesk');
		expect(attempts.map((a) => a.status)).toEqual([429, 503, 502, 201]);
		expect(attempts.every((a) => a.idempotencyKey === reference)).toBe(true);
		expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
		expect(helpdesk.ticketsFor(reference)).toHaveLength(1);
		const request = helpdesk.ticketsFor(reference)[0]!.body['request'] as Record<string, any>;
		expect(request['requester']).toEqual({
			name: 'reader',
			email: 'reader@example.com',
			verified: false,
			locale_id: 1,
		});
		expect(request['comment'].body).toContain('Reply to: reader@example.com (typed by the reader, not verified)');
		expect(request['comment'].body).toContain('How long does the cookie last?');
		expect(outbox(db)[0]).toMatchObject({ attempts: 4, external_id: String(helpdesk.ticketsFor(reference)[0]!.id) });
	});

	it('does not retry a request the helpdesk refuses (wrong credentials) and keeps the submission', async () => {
		helpdesk = await new FakeHelpdesk().start();
		const db = join(dir, 'zendesk-401.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fast, ...zendesk(), ZENDESK_API_TOKEN: 'wrong' });
		await ask('Why is my payout on hold?');
		const row = await waitFor('the delivery to be given up', () => outbox(db).find((r) => r['failed_at']));
		expect(row['last_error']).toMatch(/^Zendesk answered 401/);
		await new Promise((r) => setTimeout(r, 400));
		expect(helpdesk.seen.filter((s) => s.route === 'zendesk')).toHaveLength(1);
		expect(server.log()).toMatch(/zendesk refused it \(Zendesk answered 401/);
	});
});

describe('delivery to Freshdesk', () => {
	it('looks the ticket up by its tag before trying again, so a lost answer does not make a second ticket', async () => {
		helpdesk = await new FakeHelpdesk().start();
		helpdesk.script.freshdesk.push({ status: 500 }, { status: 504, createThenFail: true });
		const db = join(dir, 'freshdesk.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fast, ...freshdesk() });
		const reference = await ask('Is <script>alert(1)</script> allowed in my bio?');
		await waitFor('the delivery to be recorded', () => outbox(db)[0]?.['delivered_at']);
		expect(helpdesk.seen.map((s) => `${s.route} ${s.status}`)).toEqual([
			'freshdesk 500',
			'search 200',
			'freshdesk 504',
			'search 200',
		]);
		const tickets = helpdesk.ticketsFor(reference);
		expect(tickets).toHaveLength(1);
		expect(tickets[0]!.body).toMatchObject({ email: 'feedback@example.com', status: 2, priority: 1 });
		expect(tickets[0]!.body['tags']).toContain(`feedback-${reference.toLowerCase()}`);
		// Freshdesk renders descriptions as HTML: the reader's text arrives escaped.
		expect(tickets[0]!.body['description']).toContain('&lt;script&gt;');
		expect(tickets[0]!.body['description']).not.toContain('<script>');
		// And so does the subject.
		expect(tickets[0]!.body['subject']).toBe(
			`[${reference}] Is &lt;script&gt;alert(1)&lt;/script&gt; allowed in my bio?`,
		);
	});
});

describe('delivery to a webhook', () => {
	it('signs each body and sends the reference as Idempotency-Key', async () => {
		helpdesk = await new FakeHelpdesk().start();
		helpdesk.script.webhook.push({ status: 500, createThenFail: true });
		const db = join(dir, 'webhook.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: db,
			...fast,
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
			FEEDBACK_WEBHOOK_SECRET: 's3cret',
		});
		const response = await postJson(server.base, {
			kind: 'vote',
			page: '/faq/payments/',
			helpful: false,
			comment: 'Missing fees',
		});
		const { reference } = (await response.json()) as { reference: string };
		await waitFor('the delivery to be recorded', () => outbox(db)[0]?.['delivered_at']);
		expect(helpdesk.ticketsFor(reference)).toHaveLength(1);
		const body = helpdesk.ticketsFor(reference)[0]!.body as { submission: Record<string, unknown> };
		expect(body.submission).toMatchObject({
			reference,
			kind: 'vote',
			page: '/faq/payments/',
			helpful: false,
			comment: 'Missing fees',
			unverifiedEmail: null,
		});
		expect(body.submission).not.toHaveProperty('email');
		expect(helpdesk.seen.map((s) => s.status)).toEqual([500, 200]);
	});

	it('verifies: the signature is the HMAC-SHA256 of the exact body', async () => {
		const { createServer } = await import('node:http');
		let received: { signature: string | undefined; body: string } | undefined;
		const receiver = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				received = { signature: req.headers['x-feedback-signature'] as string | undefined, body };
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		try {
			const port = (receiver.address() as { port: number }).port;
			const db = join(dir, 'webhook-signed.sqlite');
			server = await startServer({
				FEEDBACK_DB_PATH: db,
				...fast,
				FEEDBACK_DESTINATION: 'webhook',
				FEEDBACK_WEBHOOK_URL: `http://127.0.0.1:${port}/in`,
				FEEDBACK_WEBHOOK_SECRET: 's3cret',
			});
			await ask('What counts as brand bidding?');
			await waitFor('the webhook call', () => received);
			expect(received!.signature).toBe(`sha256=${createHmac('sha256', 's3cret').update(received!.body).digest('hex')}`);
		} finally {
			receiver.close();
		}
	});
});

describe('when the helpdesk is down', () => {
	it('acknowledges and keeps submissions, then delivers each once when the helpdesk is back', async () => {
		helpdesk = await new FakeHelpdesk().start();
		const port = Number(new URL(helpdesk.base).port);
		await helpdesk.stop();
		const db = join(dir, 'down.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fast, ...zendesk() });
		const references = [
			await ask('First question while the helpdesk is down'),
			await ask('Second question while the helpdesk is down'),
		];
		await waitFor('a failed attempt to be recorded', () =>
			outbox(db).every((r) => Number(r['attempts']) >= 2 && r['last_error']),
		);
		expect(outbox(db).every((r) => r['delivered_at'] === null && r['failed_at'] === null)).toBe(true);
		expect(String(outbox(db)[0]!['last_error'])).toMatch(/Failed to reach Zendesk/);

		helpdesk = await new FakeHelpdesk().start(port);
		await waitFor('both deliveries', () => outbox(db).every((r) => r['delivered_at']), 30_000);
		for (const reference of references) expect(helpdesk.ticketsFor(reference)).toHaveLength(1);
	});
});

describe('a helpdesk call that hangs', () => {
	it('holds up no other delivery, and is given up after the timeout and tried again', async () => {
		helpdesk = await new FakeHelpdesk().start();
		helpdesk.hangIf = (body) => body.includes('This call hangs');
		const db = join(dir, 'hang.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: db,
			...fast,
			FEEDBACK_RETRY_BASE_MS: '60000',
			FEEDBACK_DELIVERY_TIMEOUT_MS: '6000',
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
		});
		const hanging = await ask('This call hangs: where is my invoice?');
		await waitFor('the hanging call to arrive', () => helpdesk.hanging === 1);
		const others: string[] = [];
		for (let i = 0; i < 5; i++) others.push(await ask(`An ordinary question number ${i}`));
		// Delivered while the first call still hangs, far within its 6 s timeout.
		await waitFor('the other deliveries', () => others.every((r) => helpdesk.ticketsFor(r).length === 1), 4000);
		expect(outbox(db).find((r) => r['reference'] === hanging)!['delivered_at']).toBeNull();
		// Then the hanging call is abandoned and scheduled again, with the reason.
		const row = await waitFor(
			'the hanging delivery to time out',
			() => outbox(db).find((r) => r['reference'] === hanging && r['last_error']),
			15_000,
		);
		expect(row['last_error']).toBe('no answer within 6000 ms');
		expect(row['delivered_at']).toBeNull();
	});

	it('stop() waits for the delivery in flight, at most its timeout, and starts no other', async () => {
		helpdesk = await new FakeHelpdesk().start();
		helpdesk.hangIf = (body) => body.includes('This call hangs');
		const store = openSqliteStore(join(dir, 'stop.sqlite'));
		const log: string[] = [];
		try {
			await store.save(
				{ kind: 'question', question: 'This call hangs, then the server stops' },
				{ reference: 'FB-STOP-0001', createdAt: Date.now(), destination: 'webhook' },
			);
			const worker = startWorker({
				store,
				client: webhookClient({ url: `${helpdesk.base}/hook` }),
				pollMs: 50,
				retryBaseMs: 60_000,
				retryMaxMs: 60_000,
				timeoutMs: 1500,
				log: (m) => log.push(m),
			});
			await waitFor('the hanging call to arrive', () => helpdesk.hanging === 1);
			const started = Date.now();
			await worker.stop();
			const waited = Date.now() - started;
			// It waited for the hanging call to time out (its outcome is recorded), not longer.
			expect(waited).toBeGreaterThan(500);
			expect(waited).toBeLessThan(5000);
			expect(log.join('\n')).toContain('FB-STOP-0001: attempt 1 to webhook failed (no answer within 1500 ms)');
			// A stopped worker claims nothing more.
			await store.save(
				{ kind: 'question', question: 'Saved after the worker stopped' },
				{ reference: 'FB-STOP-0002', createdAt: Date.now(), destination: 'webhook' },
			);
			await new Promise((r) => setTimeout(r, 300));
			expect(helpdesk.tickets).toHaveLength(0);
			expect(helpdesk.hanging).toBe(1);
			expect(await store.outboxStatus()).toMatchObject({ pending: 2, delivered: 0 });
		} finally {
			await store.close();
		}
	});
});

describe("the reader's address", () => {
	it('reaches Freshdesk as contact data in the description, never as the requester', async () => {
		helpdesk = await new FakeHelpdesk().start();
		const db = join(dir, 'freshdesk-email.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: db,
			...fast,
			...freshdesk(),
			FRESHDESK_FALLBACK_EMAIL: 'support@acme.example',
		});
		const reference = await ask('Who can change my payout currency?', { email: 'ceo@bigcustomer.example' });
		await waitFor('the delivery', () => helpdesk.ticketsFor(reference).length === 1);
		const ticket = helpdesk.ticketsFor(reference)[0]!.body;
		expect(ticket['email']).toBe('support@acme.example');
		expect(ticket['description']).toContain('Reply to: ceo@bigcustomer.example (typed by the reader, not verified)');
	});

	it('reaches a webhook named as unverified', async () => {
		helpdesk = await new FakeHelpdesk().start();
		const db = join(dir, 'webhook-email.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: db,
			...fast,
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
		});
		const reference = await ask('Can I move my account to another email?', { email: 'reader@example.com' });
		await waitFor('the delivery', () => helpdesk.ticketsFor(reference).length === 1);
		const body = helpdesk.ticketsFor(reference)[0]!.body as { submission: Record<string, unknown> };
		expect(body.submission['unverifiedEmail']).toBe('reader@example.com');
		expect(body.submission).not.toHaveProperty('email');
	});
});
