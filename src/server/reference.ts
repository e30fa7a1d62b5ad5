/** New reference numbers for submissions, from the operating system's random source. */
import { randomFillSync } from 'node:crypto';
import { formatReference } from '../lib/feedback-reference.ts';

// One call to the random source per 512 references rather than one per request: each call has a
// fixed cost that showed in the endpoint's profile under load.
const pool = new Uint8Array(4096);
let offset = pool.length;

/** A fresh reference ("FB-7K2M-9QXD"): 8 random bytes, never reused. */
export function newReference(): string {
	if (offset + 8 > pool.length) {
		randomFillSync(pool);
		offset = 0;
	}
	const bytes = pool.subarray(offset, offset + 8);
	offset += 8;
	return formatReference(bytes);
}
