import { describe, expect, it } from 'vitest';
import { feedbackSubmissionSchema } from '../../src/schemas/feedback.ts';
import { mentionsEmail } from '../../src/lib/email-mention.ts';
import { checkOrigin, originAllowed, submissionLimiter } from '../../src/server/guards.ts';
import { ticketHtml, ticketSubject, ticketSubjectHtml } from '../../src/server/helpdesk/ticket-text.ts';
import { StoreBusyError, type StoredSubmission } from '../../src/server/store.ts';
import { table, terminalSafe } from '../../scripts/support/format.ts';
import { csvCell } from '../../src/lib/csv.ts';

const issues = (value: unknown) => {
	const result = feedbackSubmissionSchema.safeParse(value);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const parsed = (value: unknown) => feedbackSubmissionSchema.parse(value) as Record<string, unknown>;
const question = (extra: Record<string, unknown>) => ({
	kind: 'question',
	question: 'How do I exchange a tent?',
	...extra,
});

describe('validation after decoding', () => {
	it('refuses control characters in what a reader typed, naming the field and the character', () => {
		expect(issues(question({ question: 'null\u0000byte question' }))).toEqual([
			'question: The question contains a control character (U+0000); remove it and send again.',
		]);
		expect(issues({ kind: 'vote', page: '/faq/', helpful: 'no', comment: 'see \u001b]52;c;aGk=\u0007' })).toEqual([
			'comment: The comment contains a control character (U+001B); remove it and send again.',
		]);
		expect(issues({ kind: 'vote', page: '/faq/\u0085', helpful: 'no' })).toEqual([
			'page: The page contains a control character (U+0085); remove it and send again.',
		]);
	});

	it('keeps line breaks and tabs in a question', () => {
		expect(feedbackSubmissionSchema.parse(question({ question: 'First line\nsecond\tline' }))).toMatchObject({
			question: 'First line\nsecond\tline',
		});
	});

	it('drops a hidden "from" it cannot use, and never refuses the question for it', () => {
		for (const from of [
			'oops',
			'https://evil.example/',
			'//evil.example/',
			'javascript:alert(1)',
			'/faq/"><img src=x>',
			`/${'x'.repeat(400)}`,
		]) {
			expect(parsed(question({ from }))['from']).toBeUndefined();
		}
		expect(feedbackSubmissionSchema.parse(question({ from: '/faq/payments/' }))).toMatchObject({
			from: '/faq/payments/',
		});
		expect(feedbackSubmissionSchema.parse(question({ from: 'search' }))).toMatchObject({ from: 'search' });
		expect(feedbackSubmissionSchema.parse(question({ from: '/faq/\u0000' }))).toMatchObject({ from: '/faq/' });
	});

	it('cuts a long search query to 200 characters and removes control characters from it', () => {
		const long = parsed(question({ query: `${'tent '.repeat(60)}` }));
		expect(String(long['query']).length).toBeLessThanOrEqual(200);
		expect(String(long['query'])).toMatch(/^tent tent/);
		expect(feedbackSubmissionSchema.parse(question({ query: 'exchange\u001b[2Jtent' }))).toMatchObject({
			query: 'exchange [2Jtent',
		});
		expect(parsed(question({ query: 42 }))['query']).toBeUndefined();
	});

	it('keeps the FAQ question of a vote as the page fragment, and drops one that is not an id', () => {
		expect(
			feedbackSubmissionSchema.parse({ kind: 'vote', page: '/faq/payments/', helpful: 'no', section: 'cookie-window' }),
		).toMatchObject({ section: 'cookie-window' });
		expect(
			parsed({ kind: 'vote', page: '/faq/payments/', helpful: 'no', section: '"><script>' })['section'],
		).toBeUndefined();
	});
});

describe('purge by email', () => {
	it('finds the address as a whole word in any text, ignoring case', () => {
		expect(mentionsEmail('Please write to Ana@Example.com.', 'ana@example.com')).toBe(true);
		expect(mentionsEmail('(ana@example.com)', 'ana@example.com')).toBe(true);
		expect(mentionsEmail('joana@example.com', 'ana@example.com')).toBe(false);
		expect(mentionsEmail('ana@example.community', 'ana@example.com')).toBe(false);
		expect(mentionsEmail('ana@example.com.au', 'ana@example.com')).toBe(false);
	});
});

describe('allowed origins', () => {
	const configured = new Set(['https://help.example.com']);
	it('come from configuration, never from the Host header', () => {
		expect(originAllowed('https://help.example.com', configured, 'anything')).toBe(true);
		// DNS rebinding: the attacker's name in both Host and Origin.
		expect(originAllowed('http://evil.example', configured, 'evil.example')).toBe(false);
		expect(originAllowed('http://evil.example:4321', configured, 'evil.example:4321')).toBe(false);
		expect(checkOrigin(new Headers({ host: 'evil', origin: 'http://evil' }), configured)?.status).toBe(403);
	});

	it('let a loopback address post to itself, for local use', () => {
		expect(originAllowed('http://localhost:4321', configured, 'localhost:4321')).toBe(true);
		expect(originAllowed('http://127.0.0.1:8080', configured, '127.0.0.1:8080')).toBe(true);
		expect(originAllowed('http://evil.example', configured, '127.0.0.1:8080')).toBe(false);
		expect(originAllowed('http://localhost:9999', configured, 'localhost:4321')).toBe(false);
	});
});

describe('submission limits', () => {
	it('apply per client and to all clients together', async () => {
		const limiter = submissionLimiter(2, 3);
		const take = (key: string) => limiter.take(key, 0);
		expect(await take('a')).toBeNull();
		expect(await take('a')).toBeNull();
		expect(await take('a')).toEqual({ scope: 'client', retryAfterSeconds: 30 });
		expect(await take('b')).toBeNull();
		expect(await take('c')).toEqual({ scope: 'site', retryAfterSeconds: 20 });
	});

	it('count in the shared store when it offers windows, and fall back to their own counts when it fails', async () => {
		const counts = new Map<string, number>();
		const bump = (key: string) => {
			const n = (counts.get(key) ?? 0) + 1;
			counts.set(key, n);
			return n;
		};
		const shared = {
			async countInWindow(client: string, windowStart: number, clientLimit: number) {
				const c = bump(`${client}@${windowStart}`);
				return { client: c, site: c <= clientLimit ? bump(`site@${windowStart}`) : null };
			},
		};
		// Two instances, one shared count: the second instance sees the first one's submissions.
		const one = submissionLimiter(2, 100, shared);
		const two = submissionLimiter(2, 100, shared);
		expect(await one.take('a', 1000)).toBeNull();
		expect(await two.take('a', 1000)).toBeNull();
		expect(await two.take('a', 1000)).toEqual({ scope: 'client', retryAfterSeconds: 59 });
		const failing = submissionLimiter(2, 100, { countInWindow: () => Promise.reject(new Error('down')) });
		expect(await failing.take('a', 0)).toBeNull();
		const frozen = submissionLimiter(2, 100, {
			countInWindow: () => Promise.reject(new StoreBusyError('no answer', 3)),
		});
		await expect(frozen.take('a', 0)).rejects.toThrow('no answer');
	});
});

describe('safe output', () => {
	it('strips terminal escape sequences and bidirectional overrides from table cells', () => {
		const osc52 = 'copy \u001b]52;c;ZWNobyBoaQ==\u0007 me';
		expect(terminalSafe(osc52)).toBe('copy \ufffd]52;c;ZWNobyBoaQ==\ufffd me');
		expect(terminalSafe('erase\u001b[2K\rline\u202e')).toBe('erase\ufffd[2K line\ufffd');
		expect(table(['text'], [['\u001b[31mred\u009b']])).not.toMatch(/[\u001b\u009b]/);
	});

	it('quotes every CSV cell and defuses formulas whatever the delimiter', () => {
		expect(csvCell('x;=cmd|calc')).toBe(`"x;'=cmd|calc"`);
		expect(csvCell('a\t+1')).toBe(`"a\t'+1"`);
		expect(csvCell('line\n-2+3')).toBe(`"line\n'-2+3"`);
		expect(csvCell('\t=1')).toBe(`"'\t'=1"`);
		expect(csvCell('a, b')).toBe('"a, b"');
	});

	const stored = (question: string): StoredSubmission => ({
		id: 1,
		reference: 'FB-0000-0001',
		kind: 'question',
		createdAt: 0,
		question,
		email: 'ana@example.com',
		audience: null,
		from: null,
		query: null,
		page: null,
		helpful: null,
		comment: null,
		locale: 'de',
	});

	it('escapes the subject for helpdesks that render it as HTML, and says the address is unverified', () => {
		const s = stored('<img src=x onerror=alert(1)> & "quotes"');
		expect(ticketSubject(s)).toContain('<img');
		expect(ticketSubjectHtml(s)).toBe('[FB-0000-0001] &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
		expect(ticketHtml(s)).toContain('Reply to: ana@example.com (typed by the reader, not verified)');
		// The agent sees which language to answer in.
		expect(ticketHtml(s)).toContain('Language: de (Deutsch)');
	});
});
