/**
 * Calendar dates and wall-clock times in named time zones, with `Intl` only (Node 24 has no
 * `Temporal`). A calendar date is a string written YYYY-MM-DD; an instant is milliseconds since
 * the epoch. Output is formatted here rather than by `Intl`, so that the server and every browser
 * print exactly the same words.
 */

export type IsoDate = string;

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const dayMs = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether a string names a time zone this runtime knows ("America/Denver", "UTC"). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone.length > 0;
	} catch {
		return false;
	}
}

/** Whether a string is a real calendar date written YYYY-MM-DD (2027-02-29 is not). */
export function isIsoDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInMonth = (year: number, month: number) =>
	[31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

/** The parts of a calendar date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return { year, month, day };
}
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const utcMs = (date: IsoDate) => {
	const { year, month, day } = dateParts(date);
	return Date.UTC(year, month - 1, day);
};

/** A calendar date as the Date at midnight UTC that the content schemas use. */
export const toUtcDate = (date: IsoDate) => new Date(utcMs(date));
/** The calendar date of a Date at midnight UTC (content schemas' dates). */
export const fromUtcDate = (date: Date): IsoDate => fromUtc(date.getTime());

/** The date `days` calendar days after (or before, when negative) `date`. */
export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(utcMs(date) + days * dayMs);
/** Whole calendar days from `a` to `b`. */
export const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((utcMs(b) - utcMs(a)) / dayMs);
/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
	const { year, month } = dateParts(date);
	return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}
/** The first day of the month after the date's month. */
export const firstOfNextMonth = (date: IsoDate): IsoDate => addDays(endOfMonth(date), 1);
/** Day of the week, 0 for Sunday to 6 for Saturday. */
export const weekday = (date: IsoDate) => new Date(utcMs(date)).getUTCDay();
/** The date itself on a weekday, else the Monday after. */
export function nextBusinessDay(date: IsoDate): IsoDate {
	const day = weekday(date);
	return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}
/** "November 2026". */
export function monthName(date: IsoDate): string {
	const { year, month } = dateParts(date);
	return `${months[month - 1]} ${year}`;
}
/** "Monday, November 16, 2026". */
export function formatDay(date: IsoDate): string {
	const { year, month, day } = dateParts(date);
	return `${weekdays[weekday(date)]}, ${months[month - 1]} ${day}, ${year}`;
}

/** A moment as a clock on the wall of one time zone shows it. */
export interface ZonedTime {
	date: IsoDate;
	/** HH:MM on a 24-hour clock. */
	time: string;
	/** Minutes ahead of UTC (−360 in Denver in summer). */
	offsetMinutes: number;
	zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(zone, f);
	}
	return f;
}

/** What a clock in `zone` shows at the instant `ms`. */
export function inZone(ms: number, zone: string): ZonedTime {
	const parts = Object.fromEntries(
		formatterFor(zone)
			.formatToParts(new Date(ms))
			.map((p) => [p.type, p.value]),
	);
	const [y, mo, d, h, mi, s] = [
		parts['year'],
		parts['month'],
		parts['day'],
		parts['hour'],
		parts['minute'],
		parts['second'],
	].map(Number) as [number, number, number, number, number, number];
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	const whole = Math.floor(ms / 1000) * 1000;
	return {
		date: `${pad(y, 4)}-${pad(mo)}-${pad(d)}`,
		time: `${pad(h)}:${pad(mi)}`,
		offsetMinutes: Math.round((wall - whole) / 60_000),
		zone,
	};
}

/**
 * The instant a clock in `zone` shows `date` at `time`. When the clocks go back and the time
 * happens twice, the earlier one. When the clocks go forward and the time never happens, `gap`
 * is true and the instant is the one the time would have been without the change (02:30 becomes
 * 03:30), as Temporal's "compatible" choice does.
 */
export function atZoned(date: IsoDate, time: string, zone: string): { ms: number; gap: boolean } {
	const { year, month, day } = dateParts(date);
	const [hour, minute] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	const offsets = [
		...new Set([
			inZone(wall - dayMs, zone).offsetMinutes,
			inZone(wall, zone).offsetMinutes,
			inZone(wall + dayMs, zone).offsetMinutes,
		]),
	];
	const matches = offsets
		.map((o) => wall - o * 60_000)
		.filter((ms) => {
			const z = inZone(ms, zone);
			return z.date === date && z.time === time;
		});
	if (matches.length > 0) return { ms: Math.min(...matches), gap: false };
	const before = inZone(wall - dayMs, zone).offsetMinutes;
	return { ms: wall - before * 60_000, gap: true };
}

/** "UTC−06:00". */
export function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '−' : '+';
	const abs = Math.abs(minutes);
	return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "Sunday, November 1, 2026, 00:00 (UTC−06:00, America/Denver)". */
export function formatZoned(z: ZonedTime): string {
	return `${formatDay(z.date)}, ${z.time} (${formatOffset(z.offsetMinutes)}, ${z.zone})`;
}

/** The machine form of a zoned time for `data-value` and `<time datetime>`: "2026-11-01T00:00-06:00". */
export function isoZoned(z: ZonedTime): string {
	return `${z.date}T${z.time}${formatOffset(z.offsetMinutes).slice(3).replace('−', '-')}`;
}
