/** Reads a configuration from the environment once, and explains what is wrong when it cannot. */
import type { z } from 'astro/zod';
import { feedbackConfigSchema, type FeedbackConfig } from '../schemas/feedback-config.ts';
import { fieldOf, ProblemError, type Problem } from '../lib/errors.ts';

/**
 * Thrown at start-up when a setting is wrong: the problem shape the build uses (src/lib/errors.ts),
 * one problem per setting; its message lists every one, then the hint, as the server prints it.
 */
export class ConfigError extends ProblemError {
	override name = 'ConfigError';
	constructor(summary: string, problems: readonly Problem[], hint: string) {
		super(
			`${summary}\n${problems.map((p) => `- ${fieldOf(p.where) || '(environment)'}: ${p.message}`).join('\n')}\nHint: ${hint}`,
			hint,
			problems,
		);
	}
}

/** One wrong setting as a problem: its name as the path, the value shown unless it may be a secret. */
export function settingProblem(
	issue: { path: ReadonlyArray<PropertyKey>; message: string },
	env: Record<string, string | undefined>,
	hide = /TOKEN|KEY|SECRET|DATABASE_URL/,
): Problem {
	const name = String(issue.path[0] ?? '');
	const value = name ? env[name] : undefined;
	// Secrets are never echoed back, even when wrong.
	const shown = value === undefined ? '' : hide.test(name) ? ' (value hidden)' : ` (received ${JSON.stringify(value)})`;
	return { message: `${issue.message}${shown}`, where: { path: name ? [name] : [] } };
}

/**
 * Validates `env` against `schema`. When it fails, the ConfigError names every wrong variable with
 * what it received (never a secret's value), which part cannot start, and the README section.
 */
export function readSettings<T>(
	schema: z.ZodType<T>,
	env: Record<string, string | undefined>,
	part: string,
	section: string,
	hide?: RegExp,
): T {
	const result = schema.safeParse(env);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => settingProblem(issue, env, hide));
	throw new ConfigError(
		`${part} cannot start: its configuration is invalid.`,
		problems,
		`the variables are described in the README, section "${section}".`,
	);
}

/** The feedback server's settings. */
export const readConfig = (env: Record<string, string | undefined> = process.env): FeedbackConfig =>
	readSettings(feedbackConfigSchema, env, 'The feedback server', 'Feedback');
