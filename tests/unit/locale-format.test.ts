import { describe, expect, it } from 'vitest';
import {
	formatApproxMinutes,
	formatCount,
	formatDate,
	formatLanguage,
	formatList,
	formatMoney,
	formatMonthlyDay,
	formatMonthlyPrice,
	formatMonthOfYear,
	formatNumber,
	formatOrdinal,
	formatPercent,
	formatRange,
	formatWeekdayDate,
	formatWithin,
} from '../../src/lib/locale-format.ts';
import { describeDays, describeHours, describeResponse } from '../../src/lib/hours.ts';
import { germanFactsFrom } from '../../src/i18n/facts.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import type { Program } from '../../src/schemas/program.ts';

const program = loadProgram(new URL('../../', import.meta.url));
// Intl puts a no-break space between a German amount and its currency sign, and before the percent sign.
const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('numbers, money and dates per language', () => {
	it('writes money the way each language does', () => {
		expect(formatMoney(50, 'USD', 'en')).toBe('$50');
		expect(formatMoney(50, 'USD', 'de')).toBe(nb('50 $'));
		expect(formatMoney(6.95, 'USD', 'de')).toBe(nb('6,95 $'));
		expect(formatMoney(2000, 'EUR', 'de-DE')).toBe(nb('2.000 €'));
		expect(formatMoney(12.5, 'EUR', 'en')).toBe('€12.50');
	});

	it('writes numbers and percentages with the language’s separators', () => {
		expect(formatNumber(20000, 'en')).toBe('20,000');
		expect(formatNumber(20000, 'de')).toBe('20.000');
		expect(formatNumber(1.5, 'de')).toBe('1,5');
		expect(formatPercent(30, 'de')).toBe(nb('30 %'));
		expect(formatPercent(7.5, 'en')).toBe('7.5%');
	});

	it('puts counted units in the right plural', () => {
		expect(formatCount(1, 'day', 'en')).toBe('1 day');
		expect(formatCount(30, 'day', 'en')).toBe('30 days');
		expect(formatCount(1, 'day', 'de')).toBe('1 Tag');
		expect(formatCount(30, 'day', 'de')).toBe('30 Tage');
		expect(formatCount(1, 'business day', 'de')).toBe('1 Werktag');
		expect(formatCount(2, 'year', 'de')).toBe('2 Jahre');
		expect(formatCount(64, 'character', 'de')).toBe('64 Zeichen');
		expect(formatRange(5, 10, 'business day', 'en')).toBe('5–10 business days');
		expect(formatRange(5, 10, 'business day', 'de')).toBe('5–10 Werktage');
		expect(formatApproxMinutes(60, 'en')).toBe('about an hour');
		expect(formatApproxMinutes(60, 'de')).toBe('etwa eine Stunde');
		expect(formatApproxMinutes(120, 'de')).toBe('etwa 2 Stunden');
		expect(formatApproxMinutes(30, 'de')).toBe('etwa 30 Minuten');
	});

	it('writes days of the month and monthly schedules', () => {
		expect(formatOrdinal(1, 'en')).toBe('1st');
		expect(formatOrdinal(22, 'en')).toBe('22nd');
		expect(formatOrdinal(13, 'en')).toBe('13th');
		expect(formatOrdinal(15, 'de')).toBe('15.');
		expect(formatMonthlyDay(15, 'en')).toBe('15th of each month');
		expect(formatMonthlyDay(15, 'de')).toBe('am 15. jedes Monats');
		expect(formatMonthlyDay(3, 'en')).toBe('3rd of each month');
		expect(() => formatMonthlyDay(32, 'de')).toThrow(/whole number from 1 to 31, not 32/);
		expect(formatMonthlyPrice(6, 'USD', 'en')).toBe('$6 a month');
		expect(formatMonthlyPrice(6, 'USD', 'de')).toBe(`${nb('6 $')} pro Monat`);
	});

	it('writes calendar dates for the day given, whatever the time zone', () => {
		expect(formatDate('2026-12-01', 'en')).toBe('December 1, 2026');
		expect(formatDate('2026-12-01', 'de')).toBe('1. Dezember 2026');
		expect(formatDate(new Date('2026-03-10T00:00:00Z'), 'de')).toBe('10. März 2026');
		expect(() => formatDate('soon', 'de')).toThrow(/Not a date: "soon"/);
	});

	it('joins lists the way each language does', () => {
		expect(formatList(['PayPal', 'ACH', 'SWIFT'], 'en')).toBe('PayPal, ACH, and SWIFT');
		expect(formatList(['PayPal', 'ACH', 'SWIFT'], 'de')).toBe('PayPal, ACH und SWIFT');
	});

	it('refuses a language it has no words for, naming it', () => {
		expect(formatLanguage('de-AT')).toBe('de');
		expect(() => formatCount(3, 'day', 'fr')).toThrow(/No number and date words for language "fr"/);
	});
});

describe('program facts for German pages', () => {
	it('holds every fact the English pages have, so a translation can keep each placeholder', () => {
		expect(Object.keys(germanFactsFrom(program)).sort()).toEqual(Object.keys(factsFrom(program)).sort());
	});

	it('renders the program file’s numbers the German way', () => {
		const changed: Program = {
			...program,
			payout: { ...program.payout, threshold: 75.5, paymentDay: 2 },
			tracking: { ...program.tracking, cookieWindowDays: 1 },
		};
		const de = germanFactsFrom(changed);
		expect(de.payoutThreshold).toBe(nb('75,50 $'));
		expect(de.paymentDay).toBe('2.');
		expect(de.cookieWindow).toBe('1 Tag');
		expect(de.refundTime).toBe(`${program.refundBusinessDays.min}–${program.refundBusinessDays.max} Werktage`);
		expect(de.programName).toBe(program.name);
		expect(de.taxFormRequired).toBe(
			program.taxFormThreshold === 0 ? 'vor Ihrer ersten Auszahlung' : expect.stringContaining('Kalenderjahr'),
		);
	});
});

describe('time limits, days and hours for the components', () => {
	it('says a time limit with the dative German needs after "von", and English as before', () => {
		expect(formatWithin(1, 'business day', 'de')).toBe('innerhalb von 1 Werktag');
		expect(formatWithin(2, 'business day', 'de')).toBe('innerhalb von 2 Werktagen');
		expect(formatWithin(24, 'hour', 'de')).toBe('innerhalb von 24 Stunden');
		expect(formatWithin(30, 'day', 'de')).toBe('innerhalb von 30 Tagen');
		expect(formatWithin(2, 'business day', 'en')).toBe('within 2 business days');
		expect(describeResponse(16, 'business-hours', 'de')).toBe('innerhalb von 2 Werktagen');
		expect(describeResponse(24, 'hours')).toBe('within 24 hours');
	});

	it('names weekdays, runs of days and time zones in the language', () => {
		expect(describeDays(['mon', 'tue', 'wed', 'thu', 'fri'], 'de')).toBe('Montag bis Freitag');
		expect(describeDays(['sat', 'mon'], 'de')).toBe('Montag, Samstag');
		expect(describeDays(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).toBe('Monday to Saturday');
		const hours = { days: ['mon', 'fri'] as const, opens: '09:00', closes: '17:00', timeZone: 'Europe/Berlin' };
		expect(describeHours({ ...hours, days: [...hours.days] }, 'de')).toBe(
			'Montag, Freitag, 09:00–17:00 Mitteleuropäische Zeit (Europe/Berlin)',
		);
	});

	it('writes a day with its weekday and a month of a year the language’s way', () => {
		expect(formatWeekdayDate('2026-12-10', 'en')).toBe('Thursday, December 10, 2026');
		expect(formatWeekdayDate('2026-12-10', 'de')).toBe('Donnerstag, 10. Dezember 2026');
		expect(formatMonthOfYear('2027-01-01', 'de')).toBe('Januar 2027');
		expect(formatMonthOfYear('2027-01', 'en')).toBe('January 2027');
		expect(() => formatWeekdayDate('10.12.2026', 'de')).toThrow('Not a date: "10.12.2026"');
	});
});
