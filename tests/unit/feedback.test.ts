import { describe, expect, it } from 'vitest';
import { feedbackSubmissionSchema } from '../../src/schemas/feedback.ts';
import { readConfig } from '../../src/server/config.ts';
import { checkOrigin, clientKey, RateLimiter } from '../../src/server/guards.ts';
import { parseRetryAfter, retryDelay } from '../../src/lib/backoff.ts';
import { formatReference, referencePattern } from '../../src/lib/feedback-reference.ts';
import { frequentQuestions, normalizeQuestion, unhelpfulPages } from '../../src/lib/content-gaps.ts';
import { parseSince } from '../../scripts/support/format.ts';
import { csvCell } from '../../src/lib/csv.ts';

const issues = (value: unknown) => {
	const result = feedbackSubmissionSchema.safeParse(value);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the feedback payload schema', () => {
	it('accepts a form-encoded question, treating empty optional fields as not given', () => {
		expect(
			feedbackSubmissionSchema.parse({
				kind: 'question',
				question: '  How are refunds handled?  ',
				email: '',
				audience: '',
				from: '',
				query: '',
				locale: '',
				website: '',
			}),
		).toEqual({
			kind: 'question',
			question: 'How are refunds handled?',
			// The page's language when the form leaves it empty: the root language.
			locale: 'en',
		});
	});

	it('takes the page’s language on both kinds, cleans a slip in it, and names the field for any other value', () => {
		const question = (locale: unknown) =>
			feedbackSubmissionSchema.safeParse({ kind: 'question', question: 'Wann werde ich bezahlt?', locale });
		expect(question('de')).toMatchObject({ success: true, data: { locale: 'de' } });
		expect(question(' de-AT ')).toMatchObject({ success: true, data: { locale: 'de' } });
		expect(question('EN_gb')).toMatchObject({ success: true, data: { locale: 'en' } });
		expect(question(undefined)).toMatchObject({ success: true, data: { locale: 'en' } });
		expect(
			feedbackSubmissionSchema.parse({ kind: 'vote', page: '/de/faq/', helpful: 'yes', locale: 'de' }),
		).toMatchObject({ locale: 'de' });
		for (const [value, received] of [
			['fr', '"fr"'],
			['deutsch', '"deutsch"'],
			[8, 'a number'],
			[['de'], 'a list'],
		] as const) {
			const result = question(value);
			expect(result.success).toBe(false);
			expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
				['locale', `Expected locale to be the page's language, one of "en", "de"; received ${received}.`],
			]);
		}
	});

	it('reads helpful as yes/no from forms and as a boolean from JSON', () => {
		expect(feedbackSubmissionSchema.parse({ kind: 'vote', page: '/faq/', helpful: 'no' })).toMatchObject({
			helpful: false,
		});
		expect(feedbackSubmissionSchema.parse({ kind: 'vote', page: '/faq/', helpful: true })).toMatchObject({
			helpful: true,
		});
	});

	it('names every wrong field with a message a reader can act on', () => {
		expect(issues({ kind: 'question', question: 'hi', email: 'x@', from: 'https://evil.example/', website: 'bot' }))
			.toMatchInlineSnapshot(`
			[
			  "question: The question is too short: write at least 5 characters.",
			  "email: The email address is not valid: write it as name@example.com, or leave it empty.",
			  "website: This field must stay empty; it is there to catch automated spam.",
			]
		`);
		expect(issues({ kind: 'vote', page: 'faq', helpful: 'maybe' })).toMatchInlineSnapshot(`
			[
			  "page: page must be a path on this site starting with "/", for example "/faq/payments/".",
			  "helpful: Expected helpful to be "yes" or "no" (or true/false in JSON), received "maybe".",
			]
		`);
		expect(issues([])).toEqual([': Expected an object with a kind field, received a list.']);
		expect(issues({ kind: 'rant' })).toEqual(['kind: Expected kind to be "question" or "vote", received "rant".']);
	});
});

describe('the feedback configuration', () => {
	it('needs nothing: SQLite at .data/feedback.sqlite, no destination', () => {
		expect(readConfig({})).toMatchObject({
			FEEDBACK_DB_PATH: '.data/feedback.sqlite',
			FEEDBACK_DESTINATION: 'none',
			FEEDBACK_RATE_LIMIT: 10,
			FEEDBACK_SQLITE_SYNC: 'full',
		});
	});

	it('lists every wrong setting, hiding secrets', () => {
		expect(() =>
			readConfig({ FEEDBACK_RATE_LIMIT: '0', DATABASE_URL: 'mysql://u:secret@h/db', FEEDBACK_DESTINATION: 'jira' }),
		).toThrowErrorMatchingInlineSnapshot(`
			[ConfigError: The feedback server cannot start: its configuration is invalid.
			- DATABASE_URL: DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database. (value hidden)
			- FEEDBACK_RATE_LIMIT: FEEDBACK_RATE_LIMIT must be at least 1. (received "0")
			- FEEDBACK_DESTINATION: FEEDBACK_DESTINATION must be one of none, webhook, zendesk, freshdesk. (received "jira")
			Hint: the variables are described in the README, section "Feedback".]
		`);
	});

	it('asks for the settings the chosen destination needs', () => {
		expect(() =>
			readConfig({ FEEDBACK_DESTINATION: 'freshdesk', FRESHDESK_URL: 'https://acme.freshdesk.com' }),
		).toThrow('- FRESHDESK_API_KEY: FRESHDESK_API_KEY is required when FEEDBACK_DESTINATION=freshdesk.');
	});
});

describe('the guards', () => {
	const own = new Set(['https://help.example.com']);
	it('refuses other origins and cross-site fetch metadata, and lets non-browser clients through', () => {
		expect(
			checkOrigin(new Headers({ origin: 'https://help.example.com', 'sec-fetch-site': 'same-origin' }), own),
		).toBeNull();
		expect(checkOrigin(new Headers(), own)).toBeNull();
		expect(checkOrigin(new Headers({ origin: 'https://evil.example' }), own)?.status).toBe(403);
		expect(checkOrigin(new Headers({ origin: 'null' }), own)?.status).toBe(403);
		expect(checkOrigin(new Headers({ 'sec-fetch-site': 'same-site' }), own)?.status).toBe(403);
	});

	it('believes X-Forwarded-For only as far as the trusted proxies', () => {
		const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' });
		expect(clientKey(headers, '10.0.0.1', 0)).toBe('10.0.0.1');
		expect(clientKey(headers, '10.0.0.1', 1)).toBe('10.0.0.2');
		expect(clientKey(headers, '10.0.0.1', 2)).toBe('203.0.113.9');
	});

	it('allows the configured rate per client and says how long to wait', () => {
		const limiter = new RateLimiter(2);
		expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0), limiter.take('b', 0)]).toEqual([
			0, 0, 30, 0,
		]);
		expect(limiter.take('a', 30_000)).toBe(0);
	});
});

describe('retries', () => {
	const options = { baseMs: 1000, maxMs: 60_000, jitter: 1 };
	it('doubles the delay per attempt up to the maximum', () => {
		expect([1, 2, 3, 4, 10].map((a) => retryDelay(a, options))).toEqual([1000, 2000, 4000, 8000, 60_000]);
		expect(retryDelay(1, { ...options, jitter: 0 })).toBe(500);
	});

	it('waits at least as long as Retry-After asks, in seconds or as a date', () => {
		expect(retryDelay(1, options, parseRetryAfter('120', 0))).toBe(120_000);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
		expect(parseRetryAfter('soon', 0)).toBeUndefined();
		expect(retryDelay(1, options, 10 * 86_400_000)).toBe(86_400_000);
	});
});

describe('references and reports', () => {
	it('formats references from random bytes in an unambiguous alphabet', () => {
		const reference = formatReference(new Uint8Array([0, 1, 2, 31, 32, 33, 254, 255]));
		expect(reference).toBe('FB-012Z-01YZ');
		expect(referencePattern.test(reference)).toBe(true);
		expect(referencePattern.test('FB-012Z-01YZ<script>')).toBe(false);
	});

	it('counts questions that differ only in case, punctuation and spacing together', () => {
		expect(normalizeQuestion('How do I  get PAID?')).toBe('how do i get paid');
		expect(
			frequentQuestions(
				[
					{ question: 'how do i get paid', createdAt: 1 },
					{ question: 'Refund?', createdAt: 5 },
					{ question: 'How do I get paid?', createdAt: 3 },
				],
				5,
			),
		).toEqual([
			{ question: 'How do I get paid?', count: 2, lastAskedAt: 3 },
			{ question: 'Refund?', count: 1, lastAskedAt: 5 },
		]);
	});

	it('ranks pages by "not helpful" votes and leaves out pages nobody found unhelpful', () => {
		const votes = [
			{ page: '/a/', helpful: false },
			{ page: '/b/', helpful: false, comment: 'No fees listed.' },
			{ page: '/b/', helpful: false },
			{ page: '/c/', helpful: true, comment: 'Great' },
		];
		expect(unhelpfulPages(votes, 5)).toEqual([
			{ page: '/b/', notHelpful: 2, helpful: 0, comments: ['No fees listed.'] },
			{ page: '/a/', notHelpful: 1, helpful: 0, comments: [] },
		]);
	});

	it('quotes CSV cells and defuses spreadsheet formulas', () => {
		expect(csvCell('plain')).toBe('"plain"');
		expect(csvCell('a, "b"')).toBe('"a, ""b"""');
		expect(csvCell('=1+1')).toBe(`"'=1+1"`);
		expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvCell(false)).toBe('"no"');
		expect(csvCell(null)).toBe('');
	});

	it('reads ages and dates for --since', () => {
		expect(parseSince('2d', 3 * 86_400_000)).toBe(86_400_000);
		expect(parseSince('2026-01-02')).toBe(Date.parse('2026-01-02T00:00:00Z'));
		expect(() => parseSince('last week')).toThrow(
			'Expected an age such as 30d, 12h or 2w, or a date YYYY-MM-DD; received "last week".',
		);
	});
});
