/**
 * A throw-away PostgreSQL cluster for tests: initdb into a temp directory, listen on 127.0.0.1 at a
 * free port, trust authentication, removed afterwards. PostgreSQL refuses to run as root, so as root
 * the cluster runs as the `postgres` system user (which Debian's package creates).
 * Set TEST_DATABASE_URL to use an existing server instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './astro-dev.ts';
import { tempDir } from './server.ts';

export interface TestPostgres {
	url: string;
	stop(): Promise<void>;
	/**
	 * Sends a signal to every process of the cluster (server and backends): SIGSTOP freezes the
	 * database as a hung host would, SIGCONT thaws it. Absent for TEST_DATABASE_URL's server.
	 */
	signal?(name: 'SIGSTOP' | 'SIGCONT'): void;
}

/** Where the server binaries are: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else PATH. */
function binaries(): string {
	if (process.env['PG_BIN']) return process.env['PG_BIN'];
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions[0] ? join(root, versions[0], 'bin') : '';
}

/** Starts a cluster (or returns TEST_DATABASE_URL's server) and creates a fresh database in it. */
export async function startPostgres(): Promise<TestPostgres> {
	if (process.env['TEST_DATABASE_URL']) return { url: process.env['TEST_DATABASE_URL'], stop: async () => {} };
	const bin = binaries();
	const tool = (name: string) => (bin ? join(bin, name) : name);
	if (spawnSync(tool('initdb'), ['--version']).status !== 0) {
		throw new Error(
			'PostgreSQL is not installed: install the server (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL.',
		);
	}
	const asRoot = process.getuid?.() === 0;
	const dir = tempDir('pg');
	// cwd: the cluster's own directory, since the postgres user may not be allowed into the project's.
	const run = (file: string, args: string[]) =>
		execFileSync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, {
			stdio: 'pipe',
			cwd: dir,
		});
	if (asRoot) {
		const { uid, gid } = userIds('postgres');
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	const port = await freePort();
	run(tool('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
	// fsync stays on: the durability tests rely on PostgreSQL's own guarantees, as in production.
	run(tool('pg_ctl'), [
		'-D',
		data,
		'-w',
		'-l',
		join(dir, 'log'),
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
		'start',
	]);
	const cluster: TestPostgres = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		signal(name) {
			const main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
			const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(main)])
				.toString()
				.split('\n')
				.map(Number)
				.filter(Boolean);
			// Stopping: the server first, so it starts no new backend; thawing: the backends first.
			for (const pid of name === 'SIGSTOP' ? [main, ...children] : [...children, main]) {
				try {
					process.kill(pid, name);
				} catch {
					// A backend that has just exited.
				}
			}
		},
		async stop() {
			try {
				// A frozen cluster would not hear pg_ctl.
				cluster.signal?.('SIGCONT');
				run(tool('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
	return cluster;
}

function userIds(name: string): { uid: number; gid: number } {
	return {
		uid: Number(execFileSync('id', ['-u', name]).toString()),
		gid: Number(execFileSync('id', ['-g', name]).toString()),
	};
}
