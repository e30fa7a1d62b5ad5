/**
 * Team accounts, sessions, failed sign-ins and groups marked as answered, in the feedback
 * database. A session id is random (32 bytes) and only its SHA-256 is stored, so a copy of the
 * database does not hold usable sessions. Failed sign-ins are counted per email whether or not the
 * account exists, so a lockout does not tell which emails have accounts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SupportConfig } from '../../schemas/support-config.ts';
import type { SqlDb, Tables } from '../search-events/database.ts';
import { dummyHash, verifyPassword } from './password.ts';

export const authTables: Tables = ({ bigint }) => `
CREATE TABLE IF NOT EXISTS support_users (email TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at ${bigint} NOT NULL);
CREATE TABLE IF NOT EXISTS support_sessions (
	id_hash TEXT PRIMARY KEY, email TEXT NOT NULL, csrf TEXT NOT NULL, created_at ${bigint} NOT NULL, seen_at ${bigint} NOT NULL
);
CREATE INDEX IF NOT EXISTS support_sessions_email ON support_sessions (email);
CREATE TABLE IF NOT EXISTS support_login_failures (email TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until ${bigint} NOT NULL);
CREATE TABLE IF NOT EXISTS support_answers (group_key TEXT PRIMARY KEY, words TEXT NOT NULL, page TEXT NOT NULL, marked_by TEXT NOT NULL, marked_at ${bigint} NOT NULL);`;

/** A live session. */
export interface Session {
	email: string;
	/** The token every state-changing form of this session must carry. */
	csrf: string;
	createdAt: number;
	seenAt: number;
}

/** The outcome of a sign-in. */
export type SignIn =
	| { ok: true; id: string; session: Session }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; until: number };

/** A group of questions the team marked as answered by a page. */
export interface AnsweredGroup {
	/** The group's key: its shared word stems joined by "+". */
	key: string;
	/** The words a reader would type, for people. */
	words: string;
	page: string;
	markedAt: number;
}

export interface AuthStore {
	addUser(email: string, passwordHash: string, now?: number): Promise<void>;
	setPassword(email: string, passwordHash: string): Promise<boolean>;
	removeUser(email: string): Promise<boolean>;
	users(): Promise<Array<{ email: string; createdAt: number }>>;
	/**
	 * Checks the password and opens a new session. `previous` (the session id the browser already
	 * had, if any) is ended: the id changes at every sign-in.
	 */
	signIn(email: string, password: string, previous?: string, now?: number): Promise<SignIn>;
	/** Opens a session without a password, for a person a trusted proxy has signed in. */
	openSession(email: string, previous?: string, now?: number): Promise<{ id: string; session: Session }>;
	/** The live session for an id, or null when unknown, idle too long or too old; marks it as seen. */
	session(id: string, now?: number): Promise<Session | null>;
	signOut(id: string): Promise<void>;
	/** Marks a group as answered by `page` (replacing an earlier mark). */
	markAnswered(group: Omit<AnsweredGroup, 'markedAt'>, by: string, now?: number): Promise<void>;
	unmarkAnswered(key: string): Promise<boolean>;
	answeredGroups(): Promise<AnsweredGroup[]>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Emails compare case-insensitively. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Whether two tokens are equal, in constant time. */
export function sameToken(a: string, b: string): boolean {
	const [x, y] = [Buffer.from(a), Buffer.from(b)];
	return x.length === y.length && timingSafeEqual(x, y);
}

export function authStore(
	db: SqlDb,
	config: Pick<
		SupportConfig,
		| 'SUPPORT_SESSION_IDLE_MINUTES'
		| 'SUPPORT_SESSION_MAX_HOURS'
		| 'SUPPORT_LOCKOUT_FAILURES'
		| 'SUPPORT_LOCKOUT_MINUTES'
	>,
): AuthStore {
	const idleMs = config.SUPPORT_SESSION_IDLE_MINUTES * 60_000;
	const maxMs = config.SUPPORT_SESSION_MAX_HOURS * 3_600_000;
	const lockMs = config.SUPPORT_LOCKOUT_MINUTES * 60_000;

	async function open(email: string, previous: string | undefined, now: number) {
		const id = randomBytes(32).toString('base64url');
		const session: Session = { email, csrf: randomBytes(32).toString('base64url'), createdAt: now, seenAt: now };
		await db.batch([
			...(previous ? ([['DELETE FROM support_sessions WHERE id_hash = ?', [sha256(previous)]]] as const) : []),
			// Sessions that expired are removed as new ones open, so the table does not grow.
			['DELETE FROM support_sessions WHERE seen_at < ? OR created_at < ?', [now - idleMs, now - maxMs]],
			[
				'INSERT INTO support_sessions (id_hash, email, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)',
				[sha256(id), email, session.csrf, now, now],
			],
		]);
		return { id, session };
	}

	return {
		async addUser(email, passwordHash, now = Date.now()) {
			const rows = await db.all('SELECT email FROM support_users WHERE email = ?', [normaliseEmail(email)]);
			if (rows.length)
				throw new Error(
					`An account for ${normaliseEmail(email)} exists already; use "user password" to change its password.`,
				);
			await db.run('INSERT INTO support_users (email, password_hash, created_at) VALUES (?, ?, ?)', [
				normaliseEmail(email),
				passwordHash,
				now,
			]);
		},
		async setPassword(email, passwordHash) {
			const [changed = 0] = await db.batch([
				['UPDATE support_users SET password_hash = ? WHERE email = ?', [passwordHash, normaliseEmail(email)]],
				// A new password ends every session opened with the old one.
				['DELETE FROM support_sessions WHERE email = ?', [normaliseEmail(email)]],
			]);
			return changed > 0;
		},
		async removeUser(email) {
			const [removed = 0] = await db.batch([
				['DELETE FROM support_users WHERE email = ?', [normaliseEmail(email)]],
				['DELETE FROM support_sessions WHERE email = ?', [normaliseEmail(email)]],
			]);
			return removed > 0;
		},
		async users() {
			return (await db.all('SELECT email, created_at FROM support_users ORDER BY email')).map((r) => ({
				email: String(r['email']),
				createdAt: Number(r['created_at']),
			}));
		},
		async signIn(rawEmail, password, previous, now = Date.now()) {
			const email = normaliseEmail(rawEmail);
			const [failure] = await db.all('SELECT failures, locked_until FROM support_login_failures WHERE email = ?', [
				email,
			]);
			const lockedUntil = Number(failure?.['locked_until'] ?? 0);
			if (lockedUntil > now) return { ok: false, reason: 'locked', until: lockedUntil };
			const [user] = await db.all('SELECT password_hash FROM support_users WHERE email = ?', [email]);
			const matches = await verifyPassword(password, user ? String(user['password_hash']) : await dummyHash());
			if (user && matches) {
				await db.run('DELETE FROM support_login_failures WHERE email = ?', [email]);
				return { ok: true, ...(await open(email, previous, now)) };
			}
			// A lock that ran out starts the count again.
			const failures = (lockedUntil > 0 ? 0 : Number(failure?.['failures'] ?? 0)) + 1;
			const locks = failures >= config.SUPPORT_LOCKOUT_FAILURES;
			await db.run(
				'INSERT INTO support_login_failures (email, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
				[email, locks ? 0 : failures, locks ? now + lockMs : 0],
			);
			return locks ? { ok: false, reason: 'locked', until: now + lockMs } : { ok: false, reason: 'invalid' };
		},
		openSession(email, previous, now = Date.now()) {
			return open(normaliseEmail(email), previous, now);
		},
		async session(id, now = Date.now()) {
			if (!id || id.length > 100) return null;
			const hash = sha256(id);
			const [row] = await db.all('SELECT email, csrf, created_at, seen_at FROM support_sessions WHERE id_hash = ?', [
				hash,
			]);
			if (!row) return null;
			const session: Session = {
				email: String(row['email']),
				csrf: String(row['csrf']),
				createdAt: Number(row['created_at']),
				seenAt: Number(row['seen_at']),
			};
			if (now - session.seenAt > idleMs || now - session.createdAt > maxMs) {
				await db.run('DELETE FROM support_sessions WHERE id_hash = ?', [hash]);
				return null;
			}
			// Writing on every request would cost a commit each; a minute's precision is enough for the idle limit.
			if (now - session.seenAt > 60_000) {
				await db.run('UPDATE support_sessions SET seen_at = ? WHERE id_hash = ?', [now, hash]);
				session.seenAt = now;
			}
			return session;
		},
		async signOut(id) {
			await db.run('DELETE FROM support_sessions WHERE id_hash = ?', [sha256(id)]);
		},
		async markAnswered(group, by, now = Date.now()) {
			await db.run(
				'INSERT INTO support_answers (group_key, words, page, marked_by, marked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_key) DO UPDATE SET words = excluded.words, page = excluded.page, marked_by = excluded.marked_by, marked_at = excluded.marked_at',
				[group.key, group.words, group.page, by, now],
			);
		},
		async unmarkAnswered(key) {
			return (await db.run('DELETE FROM support_answers WHERE group_key = ?', [key])) > 0;
		},
		async answeredGroups() {
			return (await db.all('SELECT group_key, words, page, marked_at FROM support_answers ORDER BY group_key')).map(
				(r) => ({
					key: String(r['group_key']),
					words: String(r['words']),
					page: String(r['page']),
					markedAt: Number(r['marked_at']),
				}),
			);
		},
	};
}
