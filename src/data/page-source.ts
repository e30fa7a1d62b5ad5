/**
 * "Edit this page" and "Last updated" for pages built in src/pages, which Starlight
 * cannot derive itself: the edit link goes to the file a writer changes, and the date
 * is the newest commit of any file the page is built from.
 */
import { spawnSync } from 'node:child_process';
import { editUrlOf } from '../integrations/repository.ts';

const dates = new Map<string, Date | undefined>();

/**
 * The date of the last commit that touched `file`, or undefined where git or the
 * history is not there (a download without .git, a file not committed yet).
 * A shallow clone still knows the commit it has, so its date is shown.
 */
export function lastCommitDate(file: string): Date | undefined {
	if (!dates.has(file)) {
		const result = spawnSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8' });
		const text = result.status === 0 ? result.stdout.trim() : '';
		dates.set(file, text && !Number.isNaN(Date.parse(text)) ? new Date(text) : undefined);
	}
	return dates.get(file);
}

/**
 * Front matter for StarlightPage: the edit link of `edit` and the newest last-updated
 * date among the `content` files the reader sees (by default `edit` itself), so that a
 * change to a page's code does not tell readers its content changed. Paths are relative
 * to the project root.
 */
export function pageSource(edit: string | undefined, content: readonly (string | undefined)[] = [edit]): { editUrl: string; lastUpdated?: Date } {
	if (!edit) throw new Error('pageSource() needs the file to edit: the entry has no filePath.');
	const newest = content
		.filter((f): f is string => Boolean(f))
		.map(lastCommitDate)
		.reduce<Date | undefined>((a, b) => (!b ? a : !a || b > a ? b : a), undefined);
	return { editUrl: editUrlOf(edit), ...(newest ? { lastUpdated: newest } : {}) };
}
