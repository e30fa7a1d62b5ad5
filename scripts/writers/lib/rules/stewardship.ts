import type { Finding } from '../finding.ts';
import type { Rule } from './context.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const required = [
	{
		field: 'description',
		hint: 'Add `description:` with one sentence (20–200 characters) that says what the reader finds here; search results and share cards show it.',
	},
	{
		field: 'owner',
		hint: 'Add `owner:` with the team or person who answers for this article, e.g. `owner: partner-support`.',
	},
	{
		field: 'lastReviewed',
		hint: 'Add `lastReviewed:` with the day you checked the article against the program, written YYYY-MM-DD.',
	},
] as const;

/**
 * Every article has a description, an owner and a last-reviewed date, and its
 * review is not older than the configured ages (warning, then error).
 */
export const stewardship: Rule = ({ files, data, config, today }) => {
	const findings: Finding[] = [];
	const collections = new Set<string>(config.stewardship);
	for (const file of files) {
		const entry = data.get(file.path);
		if (!entry || !collections.has(file.collection)) continue;
		for (const { field, hint } of required) {
			const value = entry[field];
			if (value === undefined || value === '') {
				findings.push({
					severity: 'error',
					where: { file: file.path, line: file.lineOf([]), path: [field] },
					message: `Every article needs "${field}".`,
					hint,
				});
			}
		}
		const reviewed = entry['lastReviewed'];
		if (!(reviewed instanceof Date)) continue;
		const age = Math.floor((today.getTime() - reviewed.getTime()) / DAY);
		const { warnAfterDays, failAfterDays } = config.review;
		if (age <= warnAfterDays) continue;
		const severity = age > failAfterDays ? 'error' : 'warning';
		findings.push({
			severity,
			where: { file: file.path, line: file.lineOf(['lastReviewed']), path: ['lastReviewed'] },
			message: `Last reviewed ${isoDay(reviewed)}, ${age} days ago (${severity === 'error' ? `the limit is ${failAfterDays}` : `reviews are due after ${warnAfterDays}`}).`,
			hint: `Check the article against the program and the current terms, fix what changed, then set \`lastReviewed: ${isoDay(today)}\`.`,
		});
	}
	return findings;
};
