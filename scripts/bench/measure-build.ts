/**
 * Runs `astro build` for a site in a child process and measures its wall time
 * and peak memory. Memory is the resident set of the build and every process
 * it starts (Pagefind runs as its own binary), summed, sampled from /proc
 * every 100 ms. CPU time is what the build and its processes used, from this
 * process's counters of finished children: unlike wall time, it hardly moves
 * when other work shares the machine. Without /proc both are reported as unknown.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What one build cost. */
export interface BuildMeasurement {
	wallMs: number;
	/** Highest summed resident memory of the build's processes, in bytes; undefined without /proc. */
	peakRssBytes: number | undefined;
	/** User plus system CPU time of the build and its processes; undefined without /proc. */
	cpuMs: number | undefined;
}

/** Builds the Astro project at `root` with the Astro found in `astroBin`; the log goes to `logFile`. */
export async function measureBuild(
	root: string,
	astroBin: string,
	logFile: string,
	env: NodeJS.ProcessEnv = {},
): Promise<BuildMeasurement> {
	const log = createWriteStream(logFile);
	const cpuBefore = childCpuMs();
	const started = performance.now();
	const child = spawn(process.execPath, [astroBin, 'build', '--root', root], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const canSample = existsSync('/proc/self/status') && child.pid !== undefined;
	let peak = 0;
	const sample = () => {
		if (canSample) peak = Math.max(peak, treeRss(child.pid!));
	};
	const timer = setInterval(sample, 100);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const wallMs = performance.now() - started;
	clearInterval(timer);
	await new Promise<void>((resolve) => log.end(resolve));
	if (code !== 0) {
		const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
		throw new Error(`The build of ${root} failed (exit code ${code}). Last lines of ${logFile}:\n${tail}`);
	}
	const cpuAfter = childCpuMs();
	return {
		wallMs,
		peakRssBytes: canSample ? peak : undefined,
		cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
	};
}

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(rootPid: number): number {
	const parents = hasChildrenLists ? undefined : parentMap();
	let total = 0;
	const queue = [rootPid];
	while (queue.length) {
		const pid = queue.pop()!;
		const status = readProc(`/proc/${pid}/status`);
		const kb = status && /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
		if (kb) total += Number(kb) * 1024;
		queue.push(...(parents ? (parents.get(pid) ?? []) : childrenOf(pid)));
	}
	return total;
}

/** Whether the kernel lists each thread's children (cheap); otherwise every process's parent is read. */
const hasChildrenLists = existsSync(`/proc/self/task/${process.pid}/children`);

/** Child process ids, from each thread's `children` list. */
function childrenOf(pid: number): number[] {
	let threads: string[];
	try {
		threads = readdirSync(`/proc/${pid}/task`);
	} catch {
		return [];
	}
	return threads.flatMap((tid) =>
		(readProc(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number),
	);
}

/** Every process's children, keyed by parent id. */
function parentMap(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = readProc(`/proc/${name}/stat`);
		if (!stat) continue;
		// The command name may hold spaces and parentheses: the parent id is the second field after the last ")".
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
	}
	return children;
}

/**
 * CPU time of this process's finished and collected children, and theirs
 * (cutime + cstime in /proc/self/stat), in ms; Linux counts it in 1/100 s.
 */
function childCpuMs(): number | undefined {
	const stat = readProc('/proc/self/stat');
	if (!stat) return undefined;
	// Fields after the command name start with field 3 (state); cutime and cstime are fields 16 and 17.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** A /proc file's text, or undefined when the process has just ended. */
function readProc(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/** Counts the built HTML pages under a directory. */
export function countHtml(dir: string): { pages: number; bytes: number[] } {
	const bytes: number[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.html')) bytes.push(statSync(full).size);
		}
	};
	walk(dir);
	return { pages: bytes.length, bytes };
}
