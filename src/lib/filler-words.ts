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

/**
 * The same for German questions ("wie", "kann", "ich", "meine", "nicht"): articles, pronouns,
 * auxiliary and modal verbs, prepositions, conjunctions, question words and particles, each also
 * as readers type it without umlauts ("fuer", "koennen"). Kept by hand rather than taken from a
 * stop-word package: the common German lists hold content words a help question turns on
 * ("zurück", "tage", "zeit", "ohne", "gegen"), which must stay searchable.
 */
export const germanFillerWords: ReadonlySet<string> = new Set(
	// articles and pronouns
	(
		'der die das den dem des ein eine einen einem einer eines ich mich mir mein meine meinen meinem meiner meines ' +
		'du dich dir dein deine deinen deinem deiner er ihn ihm sein seine seinen seinem seiner sie ihr ihre ihren ihrem ' +
		'ihrer ihnen es wir uns unser unsere unseren unserem unserer euch euer eure man sich dies diese dieser dieses diesen diesem ' +
		'jemand etwas ' +
		// auxiliary and modal verbs, "do" and "there is"
		'bin bist ist sind seid war waren warst gewesen habe hast hat haben habt hatte hatten gehabt werde wirst wird werden ' +
		'werdet wurde wurden worden kann kannst können koennen könnt konnte konnten muss musst müssen muessen musste soll sollst ' +
		'sollen sollte sollten darf darfst dürfen duerfen durfte will willst wollen wollte möchte moechte möchten moechten ' +
		'würde wuerde würden wuerden wäre waere wären hätte haette hätten mache macht machen tun tue gibt ' +
		// prepositions and conjunctions
		'an am auf aus bei beim bis durch für fuer in im ins mit nach seit über ueber um unter von vom vor zu zum zur ' +
		'und oder aber als wenn ob dass daß weil denn sondern also ' +
		// question words
		'wie was wann wo warum wieso weshalb wer wen wem welche welcher welches welchen welchem woher wohin womit wofür wofuer ' +
		'wozu ' +
		// particles, greetings, "not" and "no"
		'noch schon auch nur nun doch mal ja nein nicht kein keine keinen keinem keiner so sehr viel viele mehr hier da dann ' +
		'jetzt gerade bereits immer eigentlich einfach bitte hallo hi danke trotzdem eben'
	).split(' '),
);
