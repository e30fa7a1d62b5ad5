/** Reads a configuration from the environment once, and explains what is wrong when it cannot. */
import type { z } from 'astro/zod';
import { feedbackConfigSchema, type FeedbackConfig } from '../schemas/feedback-config.ts';

/** Thrown at start-up when a setting is wrong; its message lists every wrong setting. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/**
 * Validates `env` against `schema`. When it fails, the ConfigError names every wrong variable with
 * what it received (never a secret's value), which part cannot start, and the README section.
 */
export function readSettings<T>(schema: z.ZodType<T>, env: Record<string, string | undefined>, part: string, section: string): T {
	const result = schema.safeParse(env);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => {
		const name = String(issue.path[0] ?? '');
		const value = name ? env[name] : undefined;
		const shown = value === undefined ? '' : /TOKEN|KEY|SECRET|DATABASE_URL/.test(name) ? ' (value hidden)' : ` (received ${JSON.stringify(value)})`;
		return `- ${name || '(environment)'}: ${issue.message}${shown}`;
	});
	throw new ConfigError(`${part} cannot start: its configuration is invalid.\n${lines.join('\n')}\nHint: the variables are described in the README, section "${section}".`);
}

/** The feedback server's settings. */
export const readConfig = (env: Record<string, string | undefined> = process.env): FeedbackConfig => readSettings(feedbackConfigSchema, env, 'The feedback server', 'Feedback');
