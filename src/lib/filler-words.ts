/**
 * Words that carry no subject in a reader's question ("how", "do", "i", "the", "not"). Search
 * leaves them out of what it asks Pagefind for, landing on a section ignores them, and spelling
 * correction leaves them alone. "not" is among them: almost every troubleshooting page says it.
 */
export const fillerWords: ReadonlySet<string> = new Set(
	(
		'a about after all am an and any are as at be been before being but by can cant could did didnt do does doesnt doing dont for from ' +
		'had has hasnt have havent how i if im in into is isnt it its ive just me more most my no not of on or our should so ' +
		'some still than that the their them then there these they this to too up us very was wasnt we were what when where which who why ' +
		'will with wont would you your yours even need want please help hi hello through via per also each every other another'
	).split(' '),
);
