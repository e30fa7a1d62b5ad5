/**
 * Password hashing with scrypt from node:crypto: a random 16-byte salt per password, OWASP's
 * parameters (N = 2^17, r = 8, p = 1), and the parameters stored with the hash, so that raising
 * them later leaves old hashes verifiable. Hashing runs on libuv's thread pool, never on the event loop.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters. */
export interface ScryptCost {
	N: number;
	r: number;
	p: number;
}

export const defaultCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
	// scrypt needs 128·N·r bytes; allow that (and a little more) instead of Node's 32 MiB default.
	const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r + 1024 * 1024 };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
	);
}

/** Hashes `password` as `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export async function hashPassword(password: string, cost: ScryptCost = defaultCost): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, cost);
	return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
	const salt = Buffer.from(parts[4]!, 'base64url');
	const expected = Buffer.from(parts[5]!, 'base64url');
	if (salt.length < 16 || expected.length !== keyLength) return false;
	const actual = await derive(password, salt, { N, r, p });
	return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/**
 * A hash no password matches, for sign-ins with an unknown email: verifying against it takes as long
 * as a real check, so the answer's timing does not tell which emails have accounts.
 */
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword(randomBytes(24).toString('base64url'));
	return dummy;
}

/** What a team password must be: 12 to 1024 characters. Returns the problem, or null. */
export function passwordProblem(password: string): string | null {
	if (password.length < 12) return 'The password must be at least 12 characters long.';
	if (password.length > 1024) return 'The password must be at most 1024 characters long.';
	return null;
}
