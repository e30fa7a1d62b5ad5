/** Reads the feedback configuration from the environment once, and explains what is wrong when it cannot. */
import { feedbackConfigSchema, type FeedbackConfig } from '../schemas/feedback-config.ts';

/** Thrown at start-up when a setting is wrong; its message lists every wrong setting. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Validates `env` against the configuration schema. */
export function readConfig(env: Record<string, string | undefined> = process.env): FeedbackConfig {
	const result = feedbackConfigSchema.safeParse(env);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => {
		const name = String(issue.path[0] ?? '');
		const value = name ? env[name] : undefined;
		// Secrets are never echoed back, even when wrong.
		const shown = value === undefined ? '' : /TOKEN|KEY|SECRET|DATABASE_URL/.test(name) ? ' (value hidden)' : ` (received ${JSON.stringify(value)})`;
		return `- ${name || '(environment)'}: ${issue.message}${shown}`;
	});
	throw new ConfigError(`The feedback server cannot start: its configuration is invalid.\n${lines.join('\n')}\nHint: the variables are described in the README, section "Feedback".`);
}
