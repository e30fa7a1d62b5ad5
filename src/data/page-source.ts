/**
 * "Edit this page" and "Last updated" for pages built in src/pages, which Starlight
 * cannot derive itself: the edit link goes to the file a writer changes, and the date
 * is the newest commit of any file the page is built from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { editUrlOf } from '../integrations/repository.ts';

let dates: Map<string, Date> | undefined;

/**
 * The newest commit date of every file under src/, from one `git log` (one process per
 * build, not one per page). Paths are relative to the working directory, the project root.
 * Without git or history the map is empty.
 */
function commitDates(): Map<string, Date> {
	if (dates) return dates;
	dates = new Map();
	const result = spawnSync('git', ['log', '--format=t:%cI', '--name-only', '--relative', '--', 'src'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) return dates;
	let current: Date | undefined;
	for (const line of result.stdout.split('\n')) {
		if (line.startsWith('t:')) current = new Date(line.slice(2));
		// Newest commits come first, so the first date seen for a file is its last change.
		else if (line && current && !dates.has(line)) dates.set(line, current);
	}
	return dates;
}

/**
 * The date of the last commit that touched `file` (relative to the project root), or
 * undefined where git or the history is not there (a download without .git, a file not
 * committed yet). A shallow clone still knows the commit it has, so its date is shown.
 */
export function lastCommitDate(file: string): Date | undefined {
	const path = relative(process.cwd(), resolve(file)).split(sep).join('/');
	return commitDates().get(path);
}

/**
 * A page's file as the repository holds it: the pages built in every language live under
 * src/pages/[...locale]/, and code that names a page by its address (src/pages/tools/[tool]/index.astro)
 * finds it there.
 */
function located(file: string): string {
	if (!file.startsWith('src/pages/') || existsSync(resolve(file))) return file;
	const localized = file.replace(/^src\/pages\//, 'src/pages/[...locale]/');
	return existsSync(resolve(localized)) ? localized : file;
}

/**
 * Front matter for StarlightPage: the edit link of `edit` and the newest last-updated
 * date among the `content` files the reader sees (by default `edit` itself), so that a
 * change to a page's code does not tell readers its content changed. Paths are relative
 * to the project root.
 */
export function pageSource(
	edit: string | undefined,
	content: readonly (string | undefined)[] = [edit],
): { editUrl: string; lastUpdated?: Date } {
	if (!edit) throw new Error('pageSource() needs the file to edit: the entry has no filePath.');
	edit = located(edit);
	const newest = content
		.filter((f): f is string => Boolean(f))
		.map((f) => lastCommitDate(located(f)))
		.reduce<Date | undefined>((a, b) => (!b ? a : !a || b > a ? b : a), undefined);
	return { editUrl: editUrlOf(edit), ...(newest ? { lastUpdated: newest } : {}) };
}
