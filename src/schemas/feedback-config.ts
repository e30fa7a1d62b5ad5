import { z } from 'astro/zod';
import { int, unset } from './env.ts';

const url = (name: string, example: string) =>
	z.preprocess(
		unset,
		z
			.url({ error: `${name} must be an absolute http(s) URL, for example ${example}.` })
			.refine((v) => /^https?:\/\//.test(v), `${name} must start with http:// or https://, for example ${example}.`)
			.optional(),
	);
const secret = () => z.preprocess(unset, z.string().optional());

/**
 * Everything the feedback server reads from the environment, read once at start-up.
 * A wrong value stops the server with the variable's name, the value and what was expected.
 */
export const feedbackConfigSchema = z
	.object({
		/** SQLite file for the embedded store; default `.data/feedback.sqlite` (relative to the working directory). */
		FEEDBACK_DB_PATH: z.preprocess(unset, z.string().default('.data/feedback.sqlite')),
		/**
		 * SQLite durability: `full` (default) syncs the log to disk on every commit, so an acknowledged
		 * submission survives a power cut; `normal` syncs at checkpoints only: it still survives a crash or
		 * kill of the server process, and a commit costs microseconds instead of an fsync.
		 */
		FEEDBACK_SQLITE_SYNC: z.preprocess(
			unset,
			z.enum(['full', 'normal'], { error: 'FEEDBACK_SQLITE_SYNC must be full or normal.' }).default('full'),
		),
		/** PostgreSQL connection string; when set, PostgreSQL replaces SQLite so that several instances share one store. */
		DATABASE_URL: z.preprocess(
			unset,
			z
				.string()
				.regex(
					/^postgres(ql)?:\/\//,
					'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database.',
				)
				.optional(),
		),
		/**
		 * The site's public address; its origin is the one allowed to post. Without it only loopback
		 * addresses (http://localhost:4321, http://127.0.0.1:…) may post, for trying the site locally.
		 */
		SITE_URL: url('SITE_URL', 'https://help.example.com'),
		/** More origins allowed to post, comma-separated (for example a staging host). Default: none. */
		FEEDBACK_ALLOWED_ORIGINS: z.preprocess(
			unset,
			z
				.string()
				.default('')
				.transform((v, ctx) =>
					v
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean)
						.map((s) => {
							try {
								return new URL(s).origin;
							} catch {
								ctx.addIssue({
									code: 'custom',
									message: `FEEDBACK_ALLOWED_ORIGINS holds "${s}", which is not an origin such as https://help.example.com.`,
								});
								return s;
							}
						}),
				),
		),
		/** Largest request body accepted, in bytes (default 16384; 1 KiB–1 MiB). Larger bodies get 413. */
		FEEDBACK_MAX_BODY_BYTES: int('FEEDBACK_MAX_BODY_BYTES', 1024, 1_048_576, 16_384),
		/** Submissions allowed per client per minute (default 10; 1–100000). More get 429 with Retry-After. */
		FEEDBACK_RATE_LIMIT: int('FEEDBACK_RATE_LIMIT', 1, 100_000, 10),
		/**
		 * Submissions allowed per minute from all clients together (default 300; 1–1000000): bounds how fast the
		 * store can grow however many addresses send. With DATABASE_URL both limits are counted in the shared
		 * database, so they hold across instances.
		 */
		FEEDBACK_GLOBAL_RATE_LIMIT: int('FEEDBACK_GLOBAL_RATE_LIMIT', 1, 1_000_000, 300),
		/** Submissions older than this many days are deleted, hourly (default 0: kept until purged by hand; 0–3650). */
		FEEDBACK_RETENTION_DAYS: int('FEEDBACK_RETENTION_DAYS', 0, 3650, 0),
		/**
		 * Longest a submission waits for the store, in milliseconds (default 3000; 100–60000): for SQLite's write
		 * lock, a PostgreSQL connection or statement. Beyond it the sender gets 503 with Retry-After.
		 */
		FEEDBACK_STORE_TIMEOUT_MS: int('FEEDBACK_STORE_TIMEOUT_MS', 100, 60_000, 3000),
		/** PostgreSQL: connections per instance (default 10; 1–100). */
		FEEDBACK_PG_POOL_SIZE: int('FEEDBACK_PG_POOL_SIZE', 1, 100, 10),
		/** PostgreSQL: requests that may wait for a connection (default 100; 0–10000); more get 503 at once. */
		FEEDBACK_PG_QUEUE: int('FEEDBACK_PG_QUEUE', 0, 10_000, 100),
		/**
		 * How many reverse proxies in front of the server append to X-Forwarded-For (default 0: the header is
		 * ignored and the connection's address identifies the client). Set it only when such proxies exist,
		 * or clients could pick their own rate-limit key.
		 */
		FEEDBACK_TRUSTED_PROXIES: int('FEEDBACK_TRUSTED_PROXIES', 0, 10, 0),
		/** Where submissions are routed: none (kept in the store only), webhook, zendesk or freshdesk. Default none. */
		FEEDBACK_DESTINATION: z.preprocess(
			unset,
			z
				.enum(['none', 'webhook', 'zendesk', 'freshdesk'], {
					error: 'FEEDBACK_DESTINATION must be one of none, webhook, zendesk, freshdesk.',
				})
				.default('none'),
		),
		/** Webhook: the URL that receives each submission as JSON. */
		FEEDBACK_WEBHOOK_URL: url('FEEDBACK_WEBHOOK_URL', 'https://hooks.example.com/feedback'),
		/** Webhook: shared secret; when set, each delivery carries an HMAC-SHA256 signature of its body. */
		FEEDBACK_WEBHOOK_SECRET: secret(),
		/** Zendesk: the account's address, for example https://acme.zendesk.com. */
		ZENDESK_URL: url('ZENDESK_URL', 'https://acme.zendesk.com'),
		/** Zendesk: the agent email the API token belongs to. */
		ZENDESK_EMAIL: z.preprocess(
			unset,
			z.email({ error: 'ZENDESK_EMAIL must be the email address of the agent that owns the API token.' }).optional(),
		),
		/** Zendesk: API token (Admin Center → Apps and integrations → Zendesk API). */
		ZENDESK_API_TOKEN: secret(),
		/** Freshdesk: the account's address, for example https://acme.freshdesk.com. */
		FRESHDESK_URL: url('FRESHDESK_URL', 'https://acme.freshdesk.com'),
		/** Freshdesk: API key (Profile settings → Your API key). */
		FRESHDESK_API_KEY: secret(),
		/** Freshdesk needs a requester: tickets without the reader's email are filed under this address. */
		FRESHDESK_FALLBACK_EMAIL: z.preprocess(
			unset,
			z.email({ error: 'FRESHDESK_FALLBACK_EMAIL must be an email address.' }).default('feedback@example.com'),
		),
		/** Delivery worker: how often it looks for due deliveries, in milliseconds (default 1000). */
		FEEDBACK_WORKER_POLL_MS: int('FEEDBACK_WORKER_POLL_MS', 10, 600_000, 1000),
		/** Delivery worker: first retry delay in milliseconds, doubled per attempt (default 2000). */
		FEEDBACK_RETRY_BASE_MS: int('FEEDBACK_RETRY_BASE_MS', 1, 3_600_000, 2000),
		/** Delivery worker: longest delay between retries in milliseconds (default 3600000, one hour). */
		FEEDBACK_RETRY_MAX_MS: int('FEEDBACK_RETRY_MAX_MS', 1, 86_400_000, 3_600_000),
		/** Delivery worker: time allowed for one helpdesk request, in milliseconds (default 10000). */
		FEEDBACK_DELIVERY_TIMEOUT_MS: int('FEEDBACK_DELIVERY_TIMEOUT_MS', 100, 120_000, 10_000),
	})
	.superRefine((c, ctx) => {
		const need = (names: Array<keyof typeof c>) => {
			for (const name of names) {
				if (c[name] === undefined)
					ctx.addIssue({
						code: 'custom',
						path: [name],
						message: `${name} is required when FEEDBACK_DESTINATION=${c.FEEDBACK_DESTINATION}.`,
					});
			}
		};
		if (c.FEEDBACK_DESTINATION === 'webhook') need(['FEEDBACK_WEBHOOK_URL']);
		if (c.FEEDBACK_DESTINATION === 'zendesk') need(['ZENDESK_URL', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN']);
		if (c.FEEDBACK_DESTINATION === 'freshdesk') need(['FRESHDESK_URL', 'FRESHDESK_API_KEY']);
		if (c.FEEDBACK_RETRY_MAX_MS < c.FEEDBACK_RETRY_BASE_MS) {
			ctx.addIssue({
				code: 'custom',
				path: ['FEEDBACK_RETRY_MAX_MS'],
				message: 'FEEDBACK_RETRY_MAX_MS must not be smaller than FEEDBACK_RETRY_BASE_MS.',
			});
		}
	});

export type FeedbackConfig = z.output<typeof feedbackConfigSchema>;
