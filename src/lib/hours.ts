import type { SupportChannel } from '../schemas/program.ts';
import { formatResponseTarget } from './facts.ts';

const dayNames = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday',
} as const;
const order = Object.keys(dayNames) as Array<keyof typeof dayNames>;

/** "Monday to Friday" for a run of days, "Monday, Wednesday" otherwise. */
export function describeDays(days: ReadonlyArray<keyof typeof dayNames>): string {
	const sorted = [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
	const contiguous = sorted.every((d, i) => i === 0 || order.indexOf(d) === order.indexOf(sorted[i - 1]!) + 1);
	if (sorted.length > 2 && contiguous) return `${dayNames[sorted[0]!]} to ${dayNames[sorted.at(-1)!]}`;
	return sorted.map((d) => dayNames[d]).join(', ');
}

/** The generic name of a time zone, e.g. "Mountain Time" for America/Denver. */
export function zoneName(timeZone: string): string {
	const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
		.formatToParts(new Date(Date.UTC(2026, 0, 15)))
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? timeZone;
}

/** Opening hours in words: "Monday to Friday, 08:00–17:00 Mountain Time (America/Denver)". */
export function describeHours(hours: SupportChannel['hours']): string {
	return `${describeDays(hours.days)}, ${hours.opens}–${hours.closes} ${zoneName(hours.timeZone)} (${hours.timeZone})`;
}

/** Response target in words: "within 1 business hour", "within 1 business day" (8 business hours), "within 24 hours" (round the clock). */
export function describeResponse(hours: number, unit: SupportChannel['firstResponseUnit'] = 'business-hours'): string {
	return `within ${formatResponseTarget({ firstResponseHours: hours, firstResponseUnit: unit })}`;
}
