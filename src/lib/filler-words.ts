/**
 * Words that carry no subject in a reader's question ("how", "do", "i", "the"). Search drops
 * them when the whole question finds nothing, and landing on a section ignores them.
 */
export const fillerWords: ReadonlySet<string> = new Set(
	'a am an and are can do does for from how i in is it me my of on or should the to was what when where which who why will with you your'.split(' '),
);
