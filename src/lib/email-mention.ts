/** Whether a text mentions an email address: purge by address must also find it where a reader typed it. */

/** Characters that may continue the local part before the address or the domain after it. */
const localChar = /[\p{L}\p{N}._%+-]/u;
const domainChar = /[\p{L}\p{N}-]/u;

/**
 * True when `text` contains `email` as a whole address, ignoring case: "write to Ana@Example.com."
 * mentions ana@example.com; "joana@example.com" and "ana@example.community" do not.
 */
export function mentionsEmail(text: string, email: string): boolean {
	const haystack = text.toLowerCase();
	const needle = email.trim().toLowerCase();
	if (needle === '') return false;
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
		const before = haystack[at - 1];
		const after = haystack.slice(at + needle.length);
		// A dot after the address ends a sentence unless a domain label follows it.
		const continues =
			after !== '' && (domainChar.test(after[0]!) || (after[0] === '.' && domainChar.test(after[1] ?? '')));
		if ((before === undefined || !localChar.test(before)) && !continues) return true;
	}
	return false;
}
