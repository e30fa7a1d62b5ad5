/** Output formats of the feedback command-line tool: CSV, JSON and a plain text table. */
import { csvTable } from '../../src/lib/csv.ts';
import { submissionFieldNames, type StoredSubmission } from '../../src/server/store.ts';

/** The columns of an export, in order: the stored fields, without the internal id. */
export const exportColumns = submissionFieldNames;

/** A submission as exported: ISO date, no internal id. */
export function exportRow(s: StoredSubmission): Record<(typeof exportColumns)[number], string | boolean | null> {
	return {
		reference: s.reference,
		kind: s.kind,
		createdAt: new Date(s.createdAt).toISOString(),
		question: s.question,
		email: s.email,
		audience: s.audience,
		from: s.from,
		query: s.query,
		page: s.page,
		helpful: s.helpful,
		comment: s.comment,
		locale: s.locale,
	};
}

/** Submissions as CSV with a header line. */
export const toCsv = (submissions: StoredSubmission[]) => csvTable(exportColumns, submissions.map(exportRow));

/** Submissions as a JSON array. */
export const toJson = (submissions: StoredSubmission[]) => `${JSON.stringify(submissions.map(exportRow), null, 2)}\n`;

/**
 * Text made safe for a terminal: control characters (escape sequences begin with one: ESC, CSI) and
 * bidirectional overrides become U+FFFD, line breaks and tabs a space, so a reader's text can neither
 * move the cursor, rewrite lines, set the clipboard nor reorder what is shown.
 */
export function terminalSafe(text: string): string {
	return text
		.replace(/[\t\n\r]+/g, ' ')
		.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/** A fixed-width text table for the terminal; every cell is made terminal-safe. */
export function table(headers: string[], source: string[][]): string {
	const rows = source.map((r) => r.map((c) => terminalSafe(c ?? '')));
	const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
	const fit = (t: string, w: number) => (t.length > w ? `${t.slice(0, w - 1)}…` : t.padEnd(w));
	return [headers, headers.map((_, i) => '-'.repeat(widths[i]!)), ...rows]
		.map((r) =>
			r
				.map((c, i) => fit(c ?? '', widths[i]!))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

/** Reads "30d", "12h", "2w" or a date YYYY-MM-DD into a point in time (ms since the epoch). */
export function parseSince(value: string, now = Date.now()): number {
	const age = /^(\d+)([hdw])$/.exec(value);
	if (age) return now - Number(age[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[age[2] as 'h' | 'd' | 'w'];
	if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
		return Date.parse(`${value}T00:00:00Z`);
	throw new Error(`Expected an age such as 30d, 12h or 2w, or a date YYYY-MM-DD; received "${value}".`);
}
