import { END, START } from './field-reference.ts';

/** Replaces the generated section of `text` (markers included) with `section`; `name` is for the error. */
export function replaceBetweenMarkers(text: string, section: string, name: string): string {
	const from = text.indexOf(START);
	const to = text.indexOf(END);
	if (from < 0 || to < from) {
		throw new Error(`${name} has no generated section: it needs a line "${START}" and, below it, a line "${END}".`);
	}
	return text.slice(0, from) + section + text.slice(to + END.length);
}
