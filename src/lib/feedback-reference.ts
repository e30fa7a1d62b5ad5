/**
 * Reference numbers handed to readers ("FB-7K2M-9QXD"): short enough to read over the phone,
 * without the letters that look like digits (Crockford's base 32 alphabet).
 */
export const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Matches a well-formed reference; the thank-you page shows only what matches. */
export const referencePattern = /^FB-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;

/** Builds a reference from 8 random bytes (one alphabet letter per byte; 40 bits of randomness). */
export function formatReference(bytes: Uint8Array): string {
	if (bytes.length < 8) throw new Error(`A reference needs 8 random bytes, received ${bytes.length}.`);
	const letters = Array.from(bytes.subarray(0, 8), (b) => referenceAlphabet[b % 32]).join('');
	return `FB-${letters.slice(0, 4)}-${letters.slice(4)}`;
}
