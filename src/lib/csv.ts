/**
 * CSV for the support team (the CLI's exports and the dashboard's), RFC 4180 with CRLF line ends.
 * Readers' text must never execute in the team's tools, whatever delimiter a spreadsheet guesses.
 */

/** Characters that start a formula in a spreadsheet (after any spaces). */
const formulaStart = /^\s*[=+\-@\t\r]/;

/**
 * One CSV cell. A number is written as it is; text is always quoted, and a text that starts like a
 * formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, and so does every piece of
 * it that would start a cell if the text were split on another delimiter (`;`, tab, `|`) or at a
 * line break. A yes/no is "yes" or "no"; nothing (null) is an empty cell.
 */
export function csvCell(value: string | number | boolean | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
	if (formulaStart.test(text)) text = `'${text}`;
	text = text.replace(/([,;\t|\r\n])(?=[=+\-@])/g, "$1'");
	return `"${text.replace(/"/g, '""')}"`;
}

/** Rows to CSV with a header line (the column names are ours, so they stay unquoted). */
export function csvTable<K extends string>(
	columns: readonly K[],
	rows: Iterable<Partial<Record<K, string | number | boolean | null>>>,
): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
