import { describe, expect, it } from 'vitest';
import { referencePattern } from '../../src/lib/feedback-reference.ts';
import { newReference } from '../../src/server/reference.ts';

describe('new reference numbers', () => {
	it('are well formed and do not repeat across refills of the random pool', () => {
		// 5,000 references span ten refills of the 512-reference pool.
		const references = Array.from({ length: 5000 }, newReference);
		expect(references.filter((r) => !referencePattern.test(r))).toEqual([]);
		// 40 random bits: among 5,000 a repeat has a chance of about 1 in 88,000; a reused pool repeats at once.
		expect(new Set(references).size).toBe(references.length);
	});
});
