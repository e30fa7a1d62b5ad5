import type { SupportChannel } from '../schemas/program.ts';
import { formatCount, formatLanguage, formatWithin, type CountUnit } from './locale-format.ts';

const dayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type DayKey = (typeof dayKeys)[number];
/** "to" between the first and last of a run of days, per language. */
const through: Record<string, string> = { en: 'to', de: 'bis' };

/** A weekday's name in a language, from Intl (2026-01-05 was a Monday). */
function dayName(day: DayKey, lang: string): string {
	return new Intl.DateTimeFormat(formatLanguage(lang), { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2026, 0, 5 + dayKeys.indexOf(day))),
	);
}

/** "Monday to Friday" / "Montag bis Freitag" for a run of days, "Monday, Wednesday" otherwise. */
export function describeDays(days: ReadonlyArray<DayKey>, lang = 'en'): string {
	const sorted = [...days].sort((a, b) => dayKeys.indexOf(a) - dayKeys.indexOf(b));
	const contiguous = sorted.every((d, i) => i === 0 || dayKeys.indexOf(d) === dayKeys.indexOf(sorted[i - 1]!) + 1);
	if (sorted.length > 2 && contiguous)
		return `${dayName(sorted[0]!, lang)} ${through[formatLanguage(lang)]} ${dayName(sorted.at(-1)!, lang)}`;
	return sorted.map((d) => dayName(d, lang)).join(', ');
}

/** The generic name of a time zone, e.g. "Mountain Time" for America/Denver. */
export function zoneName(timeZone: string, lang = 'en'): string {
	const part = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : formatLanguage(lang), {
		timeZone,
		timeZoneName: 'longGeneric',
	})
		.formatToParts(new Date(Date.UTC(2026, 0, 15)))
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? timeZone;
}

/** Opening hours in words: "Monday to Friday, 08:00–17:00 Mountain Time (America/Denver)". */
export function describeHours(hours: SupportChannel['hours'], lang = 'en'): string {
	return `${describeDays(hours.days, lang)}, ${hours.opens}–${hours.closes} ${zoneName(hours.timeZone, lang)} (${hours.timeZone})`;
}

/** A first-reply target as a count: 8 business hours are 1 business day; round-the-clock hours stay hours. */
function responseCount(hours: number, unit: SupportChannel['firstResponseUnit']): [number, CountUnit] {
	if ((unit ?? 'business-hours') === 'hours') return [hours, 'hour'];
	return hours >= 8 && hours % 8 === 0 ? [hours / 8, 'business day'] : [hours, 'business hour'];
}

/** Response target in words: "within 1 business hour", "within 1 business day" (8 business hours), "within 24 hours" (round the clock). */
export function describeResponse(
	hours: number,
	unit: SupportChannel['firstResponseUnit'] = 'business-hours',
	lang = 'en',
): string {
	return formatWithin(...responseCount(hours, unit), lang);
}

/** The target alone: "1 business day" / "1 Werktag". */
export function responseTarget(hours: number, unit: SupportChannel['firstResponseUnit'], lang = 'en'): string {
	return formatCount(...responseCount(hours, unit), lang);
}
