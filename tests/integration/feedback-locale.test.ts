/**
 * Feedback in the reader's language, end to end over real stores and the built server: the
 * endpoint takes the page's `locale` (English when absent, a clear 422 for a language the site
 * does not have), both stores keep it (and add the column to a database made before it), every
 * destination carries it, and the team's tool and dashboard show it and filter by it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { FeedbackStore } from '../../src/server/store.ts';
import { openPostgresStore } from '../../src/server/stores/postgres.ts';
import { openSqliteStore } from '../../src/server/stores/sqlite.ts';
import { FakeHelpdesk, freshdeskApiKey, zendeskCredentials } from '../helpers/fake-helpdesk.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { fastDeliveryEnv, postForm, postJson, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { requireBuild } from '../helpers/site.ts';
import { addUser, Client } from '../helpers/support.ts';
import { waitFor } from '../helpers/wait.ts';

let dir: string;
let postgres: TestPostgres;

beforeAll(async () => {
	dir = tempDir('locale');
	postgres = await startPostgres();
});
afterAll(async () => {
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** The tables as the first release created them, before submissions recorded a language. */
const tablesBeforeLocale = (s: string, o: string, key: string, integer: string, boolean: string) => `
CREATE TABLE ${s} (
	id ${key} PRIMARY KEY,
	reference TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('question', 'vote')),
	created_at ${integer} NOT NULL,
	question TEXT, email TEXT, audience TEXT, from_page TEXT, query TEXT,
	page TEXT, helpful ${boolean}, comment TEXT
);
CREATE INDEX ${s}_created ON ${s} (created_at);
CREATE TABLE ${o} (
	id ${key} PRIMARY KEY,
	submission_id ${integer} NOT NULL REFERENCES ${s} (id) ON DELETE CASCADE,
	destination TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at ${integer} NOT NULL,
	lease_owner TEXT, lease_until ${integer},
	delivered_at ${integer}, failed_at ${integer},
	external_id TEXT, last_error TEXT
);
INSERT INTO ${s} (reference, kind, created_at, question) VALUES ('FB-OLD0-0001', 'question', 1000, 'Asked before languages');
INSERT INTO ${o} (submission_id, destination, next_attempt_at) VALUES (1, 'webhook', 1000);
`;

/** A PostgreSQL database of its own, for a test that needs the tables as they once were. */
async function freshDatabase(name: string): Promise<string> {
	const client = new pg.Client({ connectionString: postgres.url });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${name}`);
		await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(postgres.url);
	url.pathname = `/${name}`;
	return url.href;
}

const stores: Array<{
	name: string;
	open: (tag: string) => Promise<FeedbackStore>;
	/** Makes a store in the old layout, with one question and its pending delivery; returns how to open it. */
	old: (tag: string) => Promise<() => Promise<FeedbackStore>>;
}> = [
	{
		name: 'SQLite',
		open: async (tag) => openSqliteStore(join(dir, `${tag}.sqlite`)),
		old: async (tag) => {
			const path = join(dir, `${tag}.sqlite`);
			const db = new DatabaseSync(path);
			db.exec(tablesBeforeLocale('submissions', 'outbox', 'INTEGER', 'INTEGER', 'INTEGER'));
			db.close();
			return async () => openSqliteStore(path, 'full', { create: false });
		},
	},
	{
		name: 'PostgreSQL',
		open: async (tag) => openPostgresStore(await freshDatabase(`fresh_${tag}`)),
		old: async (tag) => {
			const url = await freshDatabase(`old_${tag}`);
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			try {
				await client.query(
					tablesBeforeLocale('feedback_submissions', 'feedback_outbox', 'BIGSERIAL', 'BIGINT', 'BOOLEAN'),
				);
			} finally {
				await client.end();
			}
			return () => openPostgresStore(url);
		},
	},
];

describe.each(stores)('the $name store', ({ open, old }) => {
	it('keeps each submission’s language, English when none is given, and lists one language on request', async () => {
		const store = await open('roundtrip');
		try {
			const meta = (n: number) => ({ reference: `FB-LANG-000${n}`, createdAt: 1000 + n, destination: 'webhook' });
			await store.save({ kind: 'question', question: 'Wann werde ich bezahlt?', locale: 'de' }, meta(1));
			await store.save({ kind: 'vote', page: '/de/faq/payments/', helpful: false, locale: 'de' }, meta(2));
			await store.save({ kind: 'question', question: 'When do I get paid?' }, meta(3));
			expect((await store.list({})).map((s) => [s.reference, s.locale])).toEqual([
				['FB-LANG-0003', 'en'],
				['FB-LANG-0002', 'de'],
				['FB-LANG-0001', 'de'],
			]);
			expect((await store.list({ locale: 'de', kind: 'question' })).map((s) => s.reference)).toEqual(['FB-LANG-0001']);
			expect((await store.list({ locale: 'en' })).map((s) => s.reference)).toEqual(['FB-LANG-0003']);
			// The worker gets it with the submission it delivers.
			const claimed = await store.claim('w', 10_000, 1000, 10);
			expect(Object.fromEntries(claimed.map((c) => [c.submission.reference, c.submission.locale]))).toEqual({
				'FB-LANG-0001': 'de',
				'FB-LANG-0002': 'de',
				'FB-LANG-0003': 'en',
			});
		} finally {
			await store.close();
		}
	});

	it('adds the language column to a database made before it: old rows are English, nothing is lost', async () => {
		const reopen = await old('migrate');
		const first = await reopen();
		try {
			const [before] = await first.list({});
			expect(before).toMatchObject({ reference: 'FB-OLD0-0001', question: 'Asked before languages', locale: 'en' });
			// Its delivery, pending from before the upgrade, still goes out, with the language.
			const [pending] = await first.claim('w', 5000, 1000, 10);
			expect(pending?.submission).toMatchObject({ reference: 'FB-OLD0-0001', locale: 'en' });
			await first.save(
				{ kind: 'question', question: 'Nach dem Update gefragt', locale: 'de' },
				{ reference: 'FB-NEW0-0001', createdAt: 2000, destination: null },
			);
		} finally {
			await first.close();
		}
		// Opening again finds the column there and leaves it (and the rows) alone.
		const second = await reopen();
		try {
			expect((await second.list({})).map((s) => [s.reference, s.locale])).toEqual([
				['FB-NEW0-0001', 'de'],
				['FB-OLD0-0001', 'en'],
			]);
			expect((await second.list({ locale: 'de' })).map((s) => s.reference)).toEqual(['FB-NEW0-0001']);
		} finally {
			await second.close();
		}
	});
});

describe('the endpoint and the deliveries', () => {
	let helpdesk: FakeHelpdesk;
	let server: RunningServer | undefined;
	const fast = fastDeliveryEnv;
	const rows = (path: string) => {
		const db = new DatabaseSync(path, { readOnly: true });
		try {
			return db.prepare('SELECT reference, locale FROM submissions ORDER BY id').all() as Array<{
				reference: string;
				locale: string;
			}>;
		} finally {
			db.close();
		}
	};
	const ask = async (body: Record<string, unknown>) => {
		const response = await postJson(server!.base, { kind: 'question', ...body });
		expect(response.status).toBe(201);
		return ((await response.json()) as { reference: string }).reference;
	};

	beforeAll(() => requireBuild());
	afterEach(async () => {
		await server?.stop();
		server = undefined;
		await helpdesk?.stop();
	});

	it('stores the page’s language, cleans a slip in it, and refuses a language the site does not have', async () => {
		const db = join(dir, 'endpoint.sqlite');
		server = await startServer({ FEEDBACK_DB_PATH: db, ...fast });
		const german = await ask({ question: 'Wann werde ich bezahlt?', locale: 'de' });
		const slip = await ask({ question: 'Wie lange gilt das Cookie?', locale: ' DE-de ' });
		const none = await ask({ question: 'When do I get paid?' });
		const refused = await postJson(server.base, { kind: 'question', question: 'Quand suis-je payé ?', locale: 'fr' });
		expect(refused.status).toBe(422);
		expect((await refused.json()).error).toEqual({
			code: 'invalid_fields',
			message: expect.stringContaining('locale:'),
			fields: [
				{
					field: 'locale',
					message: 'Expected locale to be the page\'s language, one of "en", "de"; received "fr".',
				},
			],
		});
		const vote = await postJson(server.base, { kind: 'vote', page: '/de/faq/payments/', helpful: 'no', locale: 'de' });
		expect(vote.status).toBe(201);
		const voted = ((await vote.json()) as { reference: string }).reference;
		// Without JavaScript the form posts the hidden field; the thank-you page learns the language too.
		const form = await postForm(
			server.base,
			{ kind: 'question', question: 'Frage ohne JavaScript', locale: 'de' },
			{ accept: 'text/html' },
		);
		expect(form.status).toBe(303);
		expect(form.headers.get('location')).toMatch(
			/^\/ask\/thanks\/\?ref=FB-[0-9A-Z-]+&kind=question&delivery=store&locale=de$/,
		);
		const plain = new URL(form.headers.get('location')!, server.base).searchParams.get('ref')!;
		expect(rows(db)).toEqual([
			{ reference: german, locale: 'de' },
			{ reference: slip, locale: 'de' },
			{ reference: none, locale: 'en' },
			{ reference: voted, locale: 'de' },
			{ reference: plain, locale: 'de' },
		]);
	});

	it('gives Zendesk the requester’s language and a language tag, and says it in the ticket', async () => {
		helpdesk = await new FakeHelpdesk().start();
		const db = join(dir, 'zendesk.sqlite');
		server = await startServer({
			FEEDBACK_DB_PATH: db,
			...fast,
			FEEDBACK_DESTINATION: 'zendesk',
			ZENDESK_URL: helpdesk.base,
			ZENDESK_EMAIL: zendeskCredentials.email,
			ZENDESK_API_TOKEN: zendeskCredentials.token,
		});
		const withEmail = await ask({ question: 'Wann werde ich bezahlt?', email: 'leserin@example.de', locale: 'de' });
		const anonymous = await ask({ question: 'Wo ist meine Auszahlung?', locale: 'de' });
		const english = await ask({ question: 'Where is my payout?', email: 'reader@example.com' });
		await waitFor('three tickets', () => helpdesk.tickets.length === 3);
		const request = (reference: string) =>
			helpdesk.ticketsFor(reference)[0]!.body['request'] as {
				requester?: unknown;
				tags: string[];
				comment: { body: string };
			};
		expect(request(withEmail).requester).toEqual({
			name: 'leserin',
			email: 'leserin@example.de',
			verified: false,
			locale_id: 8,
		});
		expect(request(withEmail).tags).toContain('lang-de');
		expect(request(withEmail).comment.body).toContain('Language: de (Deutsch)');
		// Without an address there is no requester to give a language: the tag and the text carry it.
		expect(request(anonymous).requester).toBeUndefined();
		expect(request(anonymous).tags).toContain('lang-de');
		expect(request(english).requester).toMatchObject({ locale_id: 1 });
		expect(request(english).tags).toContain('lang-en');
	});

	it('tags the Freshdesk ticket with the language', async () => {
		helpdesk = await new FakeHelpdesk().start();
		server = await startServer({
			FEEDBACK_DB_PATH: join(dir, 'freshdesk.sqlite'),
			...fast,
			FEEDBACK_DESTINATION: 'freshdesk',
			FRESHDESK_URL: helpdesk.base,
			FRESHDESK_API_KEY: freshdeskApiKey,
		});
		const reference = await ask({ question: 'Wie reiche ich das W-8BEN ein?', locale: 'de' });
		await waitFor('the ticket', () => helpdesk.ticketsFor(reference).length === 1);
		const ticket = helpdesk.ticketsFor(reference)[0]!.body;
		expect(ticket['tags']).toEqual([
			'partner-help',
			'feedback-question',
			`feedback-${reference.toLowerCase()}`,
			'lang:de',
		]);
		expect(ticket['description']).toContain('Language: de (Deutsch)');
	});

	it('sends the language as submission.locale in the webhook payload', async () => {
		helpdesk = await new FakeHelpdesk().start();
		server = await startServer({
			FEEDBACK_DB_PATH: join(dir, 'webhook.sqlite'),
			...fast,
			FEEDBACK_DESTINATION: 'webhook',
			FEEDBACK_WEBHOOK_URL: `${helpdesk.base}/hook`,
		});
		const question = await ask({ question: 'Darf ich auf Tallwood bieten?', locale: 'de' });
		const vote = await postJson(server.base, { kind: 'vote', page: '/de/faq/account/', helpful: 'yes', locale: 'de' });
		const voted = ((await vote.json()) as { reference: string }).reference;
		await waitFor('both deliveries', () => helpdesk.tickets.length === 2);
		for (const reference of [question, voted]) {
			const payload = helpdesk.ticketsFor(reference)[0]!.body as { submission: Record<string, unknown> };
			expect(payload.submission).toMatchObject({ reference, locale: 'de' });
		}
	});
});

describe('the team’s tool and dashboard', () => {
	const env = { FEEDBACK_DB_PATH: join(tempDir('locale-support'), 'feedback.sqlite'), FEEDBACK_RATE_LIMIT: '1000' };
	let server: RunningServer;
	const references: Record<string, string> = {};

	const cli = (...args: string[]) => {
		const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'support', 'feedback.ts'), ...args], {
			env: { ...process.env, DATABASE_URL: undefined, ...env },
			encoding: 'utf8',
		});
		return { code: result.status, out: result.stdout, err: result.stderr };
	};

	beforeAll(async () => {
		requireBuild();
		addUser(env, 'agent@example.com', 'a very long password');
		server = await startServer(env);
		for (const [key, body] of Object.entries({
			german: { question: 'Wann werde ich bezahlt?', locale: 'de' },
			english: { question: 'When do I get paid?', locale: 'en' },
		})) {
			const response = await postJson(server.base, { kind: 'question', ...body });
			references[key] = ((await response.json()) as { reference: string }).reference;
		}
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('lists the language of each submission, filters by it, and names a wrong one', () => {
		const all = cli('list');
		expect(all.code).toBe(0);
		expect(all.out.split('\n')[0]).toMatch(/^reference\s+received\s+kind\s+lang\s+email/);
		expect(all.out).toMatch(new RegExp(`${references['german']}.+question\\s+de\\s`));
		const german = cli('list', '--locale', 'de');
		expect(german.out).toContain(references['german']);
		expect(german.out).not.toContain(references['english']);
		expect(german.out).toContain('1 submission.');
		const wrong = cli('list', '--locale', 'fr');
		expect(wrong.code).toBe(2);
		expect(wrong.err).toContain('--locale must be one of en, de; received "fr".');
		const csv = cli('export', '--format', 'csv', '--locale', 'de').out.split('\r\n');
		expect(csv[0]).toBe('reference,kind,createdAt,question,email,audience,from,query,page,helpful,comment,locale');
		expect(csv.filter((line) => line.includes('FB-'))).toEqual([expect.stringMatching(/,"de"$|,de$/)]);
	});

	it('shows each waiting question’s language on the dashboard and filters by it with a plain form', async () => {
		const c = new Client(server.base);
		await c.signIn('agent@example.com', 'a very long password');
		const all = await (await c.fetch('/support/')).text();
		// A GET form with a select and a button: it works without JavaScript.
		expect(all).toMatch(/<form method="get" action="\/support\/"[^>]*data-filter="locale"/);
		expect(all).toMatch(/<select id="filter-locale" name="locale">/);
		expect(all).toMatch(/<label for="filter-locale">Language<\/label>/);
		expect(all).toContain('<td data-locale="de">German (de)</td>');
		expect(all).toContain('<td data-locale="en">English (en)</td>');
		// The question is marked in its language, for screen readers.
		expect(all).toContain('<td lang="de">Wann werde ich bezahlt?</td>');

		const german = await c.fetch('/support/?locale=de');
		expect(german.status).toBe(200);
		const page = await german.text();
		expect(page).toContain('Wann werde ich bezahlt?');
		expect(page).not.toContain('When do I get paid?');
		expect(page).toMatch(/<option value="de" selected[^>]*>/);
		expect(page).toContain('href="/support/export/questions.csv?locale=de"');

		const wrong = await c.fetch('/support/?locale=fr');
		expect(wrong.status).toBe(400);
		const shown = await wrong.text();
		expect(shown).toContain('The locale parameter must be one of en, de (or left out for every language); received');
		expect(shown).toContain('When do I get paid?');
	});

	it('exports the questions with their language, one language when asked, and refuses a wrong one', async () => {
		const c = new Client(server.base);
		await c.signIn('agent@example.com', 'a very long password');
		const all = (await (await c.fetch('/support/export/questions.csv')).text()).split('\r\n');
		expect(all[0]).toBe('reference,received,question,email,audience,from,query,locale');
		expect(all.filter((l) => l.includes(references['german']!))).toEqual([expect.stringMatching(/de"?$/)]);
		const german = await (await c.fetch('/support/export/questions.csv?locale=de')).text();
		expect(german).toContain(references['german']);
		expect(german).not.toContain(references['english']);
		const json = await (await c.fetch('/support/data/questions.json?locale=en')).json();
		expect(json.rows.map((r: { reference: string; locale: string }) => [r.reference, r.locale])).toEqual([
			[references['english'], 'en'],
		]);
		const wrong = await c.fetch('/support/export/questions.csv?locale=xx');
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('The locale parameter must be one of en, de');
		const wrongJson = await c.fetch('/support/data/questions.json?locale=xx');
		expect(wrongJson.status).toBe(400);
		expect((await wrongJson.json()).error).toMatchObject({ code: 'bad_filter', fields: [{ field: 'locale' }] });
	});
});
