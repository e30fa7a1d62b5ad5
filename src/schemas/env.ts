/** Building blocks for settings read from environment variables (feedback, server, support). */
import { z } from 'astro/zod';

/** Environment variables are text; "" counts as unset so that `FOO= npm start` means the default. */
export const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A whole number between `min` and `max`, `fallback` when unset; errors name the variable. */
export const int = (name: string, min: number, max: number, fallback: number) =>
	z.preprocess(
		unset,
		z.coerce
			.number({ error: `${name} must be a whole number.` })
			.int(`${name} must be a whole number.`)
			.min(min, `${name} must be at least ${min}.`)
			.max(max, `${name} must be at most ${max}.`)
			.default(fallback),
	);
