/** Formats a calendar date for readers, in UTC so a build anywhere prints the same day. */
export function formatDate(date: Date): string {
	return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The machine-readable form for `<time datetime>`. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
