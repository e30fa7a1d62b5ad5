/** Team sign-in: password hashing, sessions (expiry, rotation), lockout; over a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/password.ts';
import { authStore, authTables, type AuthStore } from '../../src/server/auth/store.ts';
import { openSqliteDb, type SqlDb } from '../../src/server/search-events/database.ts';

const quick = { N: 2 ** 10, r: 8, p: 1 };
const minute = 60_000;

// scrypt at its real cost takes a while on a busy machine.
describe('password hashing', { timeout: 60_000 }, () => {
	it('hashes with scrypt, a fresh salt each time, and verifies only the right password', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(await verifyPassword('', a)).toBe(false);
	});

	it('verifies hashes made with other costs, and never a malformed one', async () => {
		const h = await hashPassword('another long secret', quick);
		expect(await verifyPassword('another long secret', h)).toBe(true);
		expect(await verifyPassword('another long secret', h.replace(/\$[\w-]+$/, '$AAAA'))).toBe(false);
		expect(await verifyPassword('x', 'plain-text')).toBe(false);
		expect(
			await verifyPassword(
				'x',
				'scrypt$99999999$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
			),
		).toBe(false);
	});
});

describe('sessions and lockout', { timeout: 60_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'partner-help-auth-'));
	let db: SqlDb;
	let auth: AuthStore;
	const t0 = Date.UTC(2026, 11, 1, 9);
	beforeAll(async () => {
		db = openSqliteDb(join(dir, 'feedback.sqlite'), [authTables]);
		auth = authStore(db, {
			SUPPORT_SESSION_IDLE_MINUTES: 30,
			SUPPORT_SESSION_MAX_HOURS: 12,
			SUPPORT_LOCKOUT_FAILURES: 3,
			SUPPORT_LOCKOUT_MINUTES: 15,
		});
		await auth.addUser('Agent@Example.com', await hashPassword('a very long password', quick), t0);
		await auth.addUser('other@example.com', await hashPassword('another long password', quick), t0);
	});
	afterAll(async () => {
		await db.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a second account for the same email, whatever its case', async () => {
		await expect(auth.addUser('agent@EXAMPLE.com', 'x')).rejects.toThrow(/exists already/);
	});

	it('signs in with the right password only, and stores no session id', async () => {
		expect(await auth.signIn('agent@example.com', 'wrong password!', undefined, t0)).toEqual({
			ok: false,
			reason: 'invalid',
		});
		const ok = await auth.signIn(' AGENT@example.com ', 'a very long password', undefined, t0);
		expect(ok.ok).toBe(true);
		if (!ok.ok) return;
		expect(ok.id).toMatch(/^[\w-]{43}$/);
		expect((await auth.session(ok.id, t0 + minute))?.email).toBe('agent@example.com');
		expect(JSON.stringify(await db.all('SELECT * FROM support_sessions'))).not.toContain(ok.id);
	});

	it('ends a session after the idle time, and after the absolute limit however busy', async () => {
		const s = await auth.signIn('agent@example.com', 'a very long password', undefined, t0);
		if (!s.ok) throw new Error('sign-in failed');
		expect(await auth.session(s.id, t0 + 29 * minute)).not.toBeNull();
		expect(await auth.session(s.id, t0 + 29 * minute + 31 * minute)).toBeNull();
		// Gone for good, even if asked at an earlier time again.
		expect(await auth.session(s.id, t0 + 30 * minute)).toBeNull();

		const busy = await auth.signIn('agent@example.com', 'a very long password', undefined, t0);
		if (!busy.ok) throw new Error('sign-in failed');
		let at = t0;
		for (; at < t0 + 12 * 60 * minute; at += 20 * minute) expect(await auth.session(busy.id, at)).not.toBeNull();
		expect(await auth.session(busy.id, t0 + 12 * 60 * minute + minute)).toBeNull();
	});

	it('gives a new session id at sign-in and ends the one the browser had', async () => {
		const first = await auth.signIn('agent@example.com', 'a very long password', undefined, t0);
		if (!first.ok) throw new Error('sign-in failed');
		const second = await auth.signIn('agent@example.com', 'a very long password', first.id, t0 + minute);
		if (!second.ok) throw new Error('sign-in failed');
		expect(second.id).not.toBe(first.id);
		expect(second.session.csrf).not.toBe(first.session.csrf);
		expect(await auth.session(first.id, t0 + 2 * minute)).toBeNull();
		expect(await auth.session(second.id, t0 + 2 * minute)).not.toBeNull();
	});

	it('locks an account after repeated wrong passwords, even against the right one, until the lock runs out', async () => {
		const at = t0 + 60 * minute;
		expect((await auth.signIn('other@example.com', 'guess one', undefined, at)).ok).toBe(false);
		expect((await auth.signIn('other@example.com', 'guess two', undefined, at)).ok).toBe(false);
		expect(await auth.signIn('other@example.com', 'guess three', undefined, at)).toEqual({
			ok: false,
			reason: 'locked',
			until: at + 15 * minute,
		});
		expect(await auth.signIn('other@example.com', 'another long password', undefined, at + 14 * minute)).toMatchObject({
			ok: false,
			reason: 'locked',
		});
		expect((await auth.signIn('other@example.com', 'another long password', undefined, at + 16 * minute)).ok).toBe(
			true,
		);
		// A success clears the count: two more wrong guesses do not lock again.
		expect(await auth.signIn('other@example.com', 'guess four', undefined, at + 17 * minute)).toEqual({
			ok: false,
			reason: 'invalid',
		});
	});

	it('locks an unknown email the same way, so a lock does not reveal which emails have accounts', async () => {
		const at = t0 + 120 * minute;
		for (const guess of ['a', 'b'])
			expect(await auth.signIn('nobody@example.com', guess, undefined, at)).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn('nobody@example.com', 'c', undefined, at)).toMatchObject({ ok: false, reason: 'locked' });
	});

	it('ends every session of an account whose password changes or which is removed', async () => {
		const s = await auth.signIn('agent@example.com', 'a very long password', undefined, t0);
		if (!s.ok) throw new Error('sign-in failed');
		expect(await auth.setPassword('agent@example.com', await hashPassword('a new long password', quick))).toBe(true);
		expect(await auth.session(s.id, t0 + minute)).toBeNull();
		expect(await auth.removeUser('agent@example.com')).toBe(true);
		expect((await auth.signIn('agent@example.com', 'a new long password', undefined, t0)).ok).toBe(false);
	});
});
