/**
 * Team accounts for the support dashboard, as `npm run feedback -- user <command>`:
 *
 *   user add EMAIL        new account; the password is read from standard input when it is piped,
 *                         else asked for (twice, not echoed)
 *   user password EMAIL   a new password (ends the account's sessions)
 *   user remove EMAIL     deletes the account and its sessions
 *   user list             every account
 *
 * Accounts live in the feedback database (DATABASE_URL, else FEEDBACK_DB_PATH).
 */
import { createInterface } from 'node:readline';
import { hashPassword, passwordProblem } from '../../src/server/auth/password.ts';
import { normaliseEmail } from '../../src/server/auth/store.ts';
import { createSupportRuntime } from '../../src/server/search-events/runtime.ts';

export const userUsage = `Usage: npm run feedback -- user <add|password|remove|list> [EMAIL]
  user add EMAIL        the password comes from standard input, or is asked for
  user password EMAIL   set a new password (signs the account out everywhere)
  user remove EMAIL
  user list`;

/** A mistake in how the command was called: exit code 2 with the usage. */
export class UserUsageError extends Error {}

/** Reads all of piped standard input (one password, trailing newline removed). */
async function readPiped(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) text += chunk;
	return text.replace(/\r?\n$/, '');
}

/** Asks for a password on the terminal without echoing it. */
function ask(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
		const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
			write(s.startsWith(prompt) ? prompt : s.replace(/[^\r\n]/g, ''));
		rl.question(prompt, (answer) => {
			rl.close();
			process.stderr.write('\n');
			resolve(answer);
		});
		rl.on('SIGINT', () => (rl.close(), reject(new Error('Cancelled.'))));
	});
}

async function newPassword(): Promise<string> {
	let password: string;
	if (!process.stdin.isTTY) password = await readPiped();
	else {
		password = await ask('Password (at least 12 characters): ');
		if ((await ask('The same password again: ')) !== password)
			throw new Error('The two passwords differ; nothing was changed.');
	}
	const problem = passwordProblem(password);
	if (problem) throw new Error(`${problem} Nothing was changed.`);
	return password;
}

/** Runs `user …`; returns the exit code. */
export async function runUserCommand(
	args: readonly string[],
	env: Record<string, string | undefined> = process.env,
): Promise<number> {
	const [command, rawEmail] = args;
	if (!command || !['add', 'password', 'remove', 'list'].includes(command))
		throw new UserUsageError(command ? `Unknown user command "${command}".` : 'Say what to do with accounts.');
	if (command !== 'list' && !(rawEmail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(rawEmail.trim())))
		throw new UserUsageError(`user ${command} needs an email address${rawEmail ? `; "${rawEmail}" is not one` : ''}.`);
	const email = normaliseEmail(rawEmail ?? '');
	const hash = command === 'add' || command === 'password' ? await hashPassword(await newPassword()) : '';
	const runtime = await createSupportRuntime(env);
	try {
		switch (command) {
			case 'add':
				await runtime.auth.addUser(email, hash);
				console.log(`Added ${email}: they can sign in at /support/sign-in/.`);
				return 0;
			case 'password':
				if (!(await runtime.auth.setPassword(email, hash))) throw new Error(`There is no account for ${email}.`);
				console.log(`Changed the password of ${email}; their sessions have ended.`);
				return 0;
			case 'remove':
				if (!(await runtime.auth.removeUser(email))) throw new Error(`There is no account for ${email}.`);
				console.log(`Removed ${email} and ended their sessions.`);
				return 0;
			default: {
				const users = await runtime.auth.users();
				for (const u of users) console.log(`${u.email}  (since ${new Date(u.createdAt).toISOString().slice(0, 10)})`);
				console.log(`${users.length} account${users.length === 1 ? '' : 's'}.`);
				return 0;
			}
		}
	} finally {
		await runtime.close();
	}
}

/** `user …` with its usage errors answered here (exit code 2); other errors are thrown. */
export async function userCommand(args: readonly string[]): Promise<number> {
	try {
		return await runUserCommand(args);
	} catch (error) {
		if (!(error instanceof UserUsageError)) throw error;
		console.error(`${error.message}\n\n${userUsage}`);
		return 2;
	}
}
