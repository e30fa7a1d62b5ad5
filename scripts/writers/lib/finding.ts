import type { Problem, Where } from '../../../src/lib/errors.ts';

/**
 * One thing a writer should fix (error) or look at (warning): a problem in the one shape the
 * build reports too (src/lib/errors.ts), always with its line.
 */
export interface Finding extends Problem {
	severity: 'error' | 'warning';
	where: Where & { file: string; line: number };
}
