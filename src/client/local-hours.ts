/**
 * Opening hours in the reader's own time zone: each `[data-local-hours]` element names the team's
 * zone and hours (`data-zone`, `data-opens`, `data-closes`, "HH:MM"), and gets "(16:00–01:00 your
 * time, Europe/London)" where the reader's zone differs. The page without JavaScript keeps the
 * team's hours with their zone, which are right anywhere. The words are the element's, in the page's
 * language: `data-text-same` and `data-text-local` ("({{opens}}–{{closes}} your time, {{zone}})").
 */

/** Minutes the zone is ahead of UTC at `at`. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value]),
	);
	const asUtc = Date.UTC(
		Number(parts['year']),
		Number(parts['month']) - 1,
		Number(parts['day']),
		Number(parts['hour']),
		Number(parts['minute']),
	);
	return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** "08:00" in `fromZone` today, as the same instant's "HH:MM" in `toZone`. */
export function convertTime(time: string, fromZone: string, toZone: string, today = new Date()): string {
	const [h, m] = time.split(':').map(Number) as [number, number];
	const offset = zoneOffsetMinutes(fromZone, today);
	const instant = new Date(
		Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), h, m) - offset * 60_000,
	);
	return new Intl.DateTimeFormat('en-GB', {
		timeZone: toZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
}

/** Adds the reader's local hours beside each `[data-local-hours]`. */
export function showLocalHours(root: ParentNode = document): void {
	const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
	for (const el of root.querySelectorAll<HTMLElement>('[data-local-hours]')) {
		const { zone, opens, closes, textSame, textLocal } = el.dataset;
		if (!zone || !opens || !closes || !reader || !textSame || !textLocal) continue;
		if (zoneOffsetMinutes(zone, new Date()) === zoneOffsetMinutes(reader, new Date())) {
			el.textContent = ` ${textSame}`;
		} else {
			const values: Record<string, string> = {
				opens: convertTime(opens, zone, reader),
				closes: convertTime(closes, zone, reader),
				zone: reader.replace(/_/g, ' '),
			};
			el.textContent = ` ${textLocal.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)}`;
		}
	}
}
