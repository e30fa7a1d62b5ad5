import { z } from 'astro/zod';
import { int, unset } from './env.ts';

/**
 * The support side's settings: search events and the team's sign-in. Read once at start-up beside
 * the feedback settings (same database: DATABASE_URL or FEEDBACK_DB_PATH).
 */
export const supportConfigSchema = z
	.object({
		/** `on` (default): the server counts search events at `POST /api/search-events/`. `off`: the endpoint answers 404 and the browser sends nothing more. */
		SEARCH_EVENTS: z.preprocess(
			unset,
			z.enum(['on', 'off'], { error: 'SEARCH_EVENTS must be on or off.' }).default('on'),
		),
		/** Days of search counts kept (default 90); older days are deleted at start-up and every day after. */
		SEARCH_EVENTS_RETENTION_DAYS: int('SEARCH_EVENTS_RETENTION_DAYS', 1, 3650, 90),
		/** Batches of search events allowed per client per minute (default 120). The key lives in memory only. */
		SEARCH_EVENTS_RATE_LIMIT: int('SEARCH_EVENTS_RATE_LIMIT', 1, 1_000_000, 120),
		/**
		 * How the team signs in to /support/: `password` (default: accounts made with
		 * `npm run feedback -- user add EMAIL`), or `proxy`: a reverse proxy in front (an SSO gateway)
		 * has signed the person in and names them in the header SUPPORT_AUTH_HEADER.
		 */
		SUPPORT_AUTH: z.preprocess(
			unset,
			z.enum(['password', 'proxy'], { error: 'SUPPORT_AUTH must be password or proxy.' }).default('password'),
		),
		/** With SUPPORT_AUTH=proxy: the header carrying the signed-in person's email, e.g. X-Forwarded-Email. The proxy must remove it from readers' requests. */
		SUPPORT_AUTH_HEADER: z.preprocess(
			unset,
			z
				.string()
				.regex(/^[A-Za-z0-9-]+$/, 'SUPPORT_AUTH_HEADER must be a header name such as X-Forwarded-Email.')
				.transform((v) => v.toLowerCase())
				.optional(),
		),
		/** A session ends after this many minutes without a request (default 30). */
		SUPPORT_SESSION_IDLE_MINUTES: int('SUPPORT_SESSION_IDLE_MINUTES', 1, 1440, 30),
		/** A session ends this many hours after sign-in, however busy (default 12). */
		SUPPORT_SESSION_MAX_HOURS: int('SUPPORT_SESSION_MAX_HOURS', 1, 720, 12),
		/** Wrong passwords in a row before an account is locked (default 5). */
		SUPPORT_LOCKOUT_FAILURES: int('SUPPORT_LOCKOUT_FAILURES', 1, 100, 5),
		/** How long a locked account stays locked, in minutes (default 15). */
		SUPPORT_LOCKOUT_MINUTES: int('SUPPORT_LOCKOUT_MINUTES', 1, 1440, 15),
		/** Sign-in attempts allowed per client address per minute (default 10), whatever the account. */
		SUPPORT_LOGIN_RATE_LIMIT: int('SUPPORT_LOGIN_RATE_LIMIT', 1, 10_000, 10),
	})
	.superRefine((c, ctx) => {
		if (c.SUPPORT_AUTH === 'proxy' && !c.SUPPORT_AUTH_HEADER) {
			ctx.addIssue({
				code: 'custom',
				path: ['SUPPORT_AUTH_HEADER'],
				message:
					'SUPPORT_AUTH_HEADER is required when SUPPORT_AUTH=proxy (the header your proxy sets, e.g. X-Forwarded-Email).',
			});
		}
	});

export type SupportConfig = z.output<typeof supportConfigSchema>;
