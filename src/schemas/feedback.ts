import { z } from 'astro/zod';
import { locales } from '../i18n/locales.ts';
import { audienceSchema } from './common.ts';

/** The language tags a submission may carry: the site's languages ('en', 'de'), English first. */
export const feedbackLocales = [...new Set(Object.values(locales).map((l) => l.lang))] as [string, ...string[]];
/** One of the site's language tags. */
export type FeedbackLocale = (typeof locales)[keyof typeof locales]['lang'];
/** The language of a submission that does not say: the site's root language. */
export const defaultFeedbackLocale: FeedbackLocale = locales.root.lang;
/** Whether a value is one of the site's language tags. */
export const isFeedbackLocale = (value: unknown): value is FeedbackLocale =>
	typeof value === 'string' && (feedbackLocales as string[]).includes(value);

/** Limits a submission must respect; the form's `maxlength` attributes use the same numbers. */
export const feedbackLimits = {
	question: { min: 5, max: 2000 },
	comment: { max: 1000 },
	email: { max: 254 },
	page: { max: 300 },
	query: { max: 200 },
} as const;

/**
 * Control characters no reader types: C0 (except tab and line breaks), DEL and C1. They are checked
 * after JSON or form decoding (a form's `%00` is a NUL only once decoded), and they are what a
 * terminal escape sequence is made of.
 */
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** The same, with tab and line breaks too: for one-line fields. */
const lineControlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

/** "U+001B" for the first control character in a text, for messages. */
const firstControl = (value: string, pattern: RegExp) => {
	const c = new RegExp(pattern.source).exec(value)?.[0] ?? '';
	return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Form fields arrive as strings; an empty optional field means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

const text = (field: string, min: number, max: number, controls: RegExp = controlCharacters) =>
	z.preprocess(
		trimmed,
		z
			.string({ error: (issue) => `Expected ${field} as text, received ${describe(issue.input)}.` })
			.min(min, `The ${field} is too short: write at least ${min} characters.`)
			.max(max, `The ${field} is too long: at most ${max} characters.`)
			.refine((value) => !new RegExp(controls.source).test(value), {
				error: (issue) =>
					`The ${field} contains a control character (${firstControl(String(issue.input), controls)}); remove it and send again.`,
			}),
	);

const optionalText = (field: string, max: number) => z.preprocess(blankToUndefined, text(field, 1, max).optional());

/** A site path such as `/faq/payments/`: where a reader was when they asked or voted. */
const sitePath = (field: string) =>
	text(field, 1, feedbackLimits.page.max, lineControlCharacters).refine(
		(value) => /^\/(?!\/)[^\s<>"'\\]*$/.test(value),
		{
			message: `${field} must be a path on this site starting with "/", for example "/faq/payments/".`,
		},
	);

/** Whether a value is a path `sitePath` accepts. */
const isSitePath = (value: string) => value.length <= feedbackLimits.page.max && /^\/(?!\/)[^\s<>"'\\]*$/.test(value);

/**
 * A hidden field the page fills from its own address or the Referer (`from`, `q`): the reader can
 * neither see nor fix it, so it is cleaned (control characters removed, cut to length) or dropped,
 * never a reason to refuse the submission.
 */
const hidden = (clean: (value: string) => string | undefined) =>
	z.preprocess(
		(value) =>
			typeof value === 'string'
				? clean(value.replace(lineControlCharacters, ' ').replace(/\s+/g, ' ').trim()) || undefined
				: undefined,
		z.string().optional(),
	);

function describe(input: unknown): string {
	if (input === undefined) return 'nothing';
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'a list';
	return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/**
 * The page's language (`locale`), a hidden field the page fills from its own language. Absent or
 * empty means the root language. A slip the reader cannot see or fix is cleaned, like every hidden
 * field: case, surrounding space and control characters, a region (`de-DE`, `de_AT`). A language the
 * site does not have is refused (422 naming the field), never stored under the wrong language.
 */
const localeField = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		const cleaned = value.replace(lineControlCharacters, '').trim().toLowerCase();
		if (cleaned === '') return undefined;
		const primary = cleaned.split(/[-_]/)[0] ?? cleaned;
		return isFeedbackLocale(primary) ? primary : cleaned;
	},
	z
		.enum(feedbackLocales, {
			error: (issue) =>
				`Expected locale to be the page's language, one of ${feedbackLocales.map((l) => `"${l}"`).join(', ')}; received ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : describe(issue.input)}.`,
		})
		.optional()
		.transform((value) => (value ?? defaultFeedbackLocale) as FeedbackLocale),
);

/**
 * The honeypot: a field hidden from people (visually and from screen readers) that form-filling
 * bots fill in. Anything but an empty value refuses the submission.
 */
const honeypot = z.preprocess(
	blankToUndefined,
	z.undefined({ error: 'This field must stay empty; it is there to catch automated spam.' }).optional(),
);

/** An unresolved question: what a reader could not find an answer to. */
export const questionSubmissionSchema = z.object({
	kind: z.literal('question'),
	/** The question in the reader's words; 5–2000 characters after trimming. */
	question: text('question', feedbackLimits.question.min, feedbackLimits.question.max),
	/** Where to answer, if the reader wants an answer; optional. */
	email: z.preprocess(
		blankToUndefined,
		z
			.email({
				error: (issue) =>
					typeof issue.input === 'string'
						? 'The email address is not valid: write it as name@example.com, or leave it empty.'
						: `Expected the email as text, received ${describe(issue.input)}.`,
			})
			.max(feedbackLimits.email.max, `The email is too long: at most ${feedbackLimits.email.max} characters.`)
			.optional(),
	),
	/** Who is asking (affiliate, customer or advertiser); optional. */
	audience: z.preprocess(blankToUndefined, audienceSchema.optional()),
	/**
	 * The page the reader came from, or "search" when they came from the search box; optional. Anything
	 * else (a full URL, markup, a typo in a link) is dropped rather than refused: see `hidden`.
	 */
	from: hidden((v) => (v === 'search' || isSitePath(v) ? v : undefined)),
	/** The search query that found nothing useful; optional; cut to 200 characters rather than refused. */
	query: hidden((v) => [...v].slice(0, feedbackLimits.query.max).join('').trim()),
	/** The language of the page the question was asked on ('en', 'de'); optional, 'en' when not given. */
	locale: localeField,
	/** Honeypot; must be empty. */
	website: honeypot,
});

/** "Was this helpful?" on an article, with an optional comment. */
export const voteSubmissionSchema = z.object({
	kind: z.literal('vote'),
	/** The article voted on, as a site path. */
	page: sitePath('page'),
	/**
	 * On a page of several questions (an FAQ topic), the question the reader was on: its anchor, the id
	 * after `#` in the address; optional. Not an id (letters, digits, `-`, `_`, up to 100): dropped.
	 */
	section: hidden((v) => {
		const id = v.replace(/^#/, '');
		return /^[\p{L}\p{N}_-]{1,100}$/u.test(id) ? id : undefined;
	}),
	/** The answer: yes or no (true/false in JSON). */
	helpful: z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], {
		error: (issue) =>
			`Expected helpful to be "yes" or "no" (or true/false in JSON), received ${issue.input === undefined ? 'nothing' : JSON.stringify(issue.input)}.`,
	}),
	/** What was missing or wrong; optional. */
	comment: optionalText('comment', feedbackLimits.comment.max),
	/** The language of the page voted on ('en', 'de'); optional, 'en' when not given. */
	locale: localeField,
	/** Honeypot; must be empty. */
	website: honeypot,
});

/** Either kind of submission, told apart by `kind`. */
export const feedbackSubmissionSchema = z.discriminatedUnion('kind', [questionSubmissionSchema, voteSubmissionSchema], {
	error: (issue) => {
		const input = issue.input;
		if (typeof input !== 'object' || input === null || Array.isArray(input))
			return `Expected an object with a kind field, received ${describe(input)}.`;
		const kind = (input as { kind?: unknown }).kind;
		return `Expected kind to be "question" or "vote", received ${kind === undefined ? 'nothing' : JSON.stringify(kind)}.`;
	},
});

export type QuestionSubmission = z.output<typeof questionSubmissionSchema>;
export type VoteSubmission = z.output<typeof voteSubmissionSchema>;
export type FeedbackSubmission = z.output<typeof feedbackSubmissionSchema>;
