/**
 * Word lists for synthetic articles. The vocabulary mixes the program's own
 * terms with a long tail of product names, so that the search index sees
 * common words on every page and rare words on a few, as it does with real text.
 */
import type { Audience } from '../../src/schemas/common.ts';
import type { FaqTopic } from '../../src/schemas/faq.ts';

/** Things each audience deals with, as they would name them. */
export const subjects: Record<Audience, readonly string[]> = {
	affiliate: [
		'commission',
		'payout',
		'tracking link',
		'sub-ID',
		'dashboard report',
		'conversion',
		'click count',
		'coupon code',
		'banner',
		'product feed',
		'deep link',
		'payment method',
		'tax form',
		'pending balance',
		'approved balance',
		'referral',
		'bonus',
		'partner ID',
		'landing page',
		'newsletter link',
		'video description link',
		'storefront',
	],
	customer: [
		'order',
		'refund',
		'return',
		'exchange',
		'warranty claim',
		'discount code',
		'delivery',
		'invoice',
		'gift card',
		'membership',
		'size guide',
		'repair',
		'receipt',
		'order confirmation',
		'store credit',
		'price match',
		'package',
	],
	advertiser: [
		'conversion',
		'postback',
		'pixel',
		'campaign',
		'invalid conversion',
		'dispute',
		'invoice',
		'CPA payout',
		'attribution report',
		'fraud flag',
		'lead',
		'approval queue',
		'budget cap',
		'server-to-server call',
		'click ID',
	],
};

/** What can be wrong with a subject, for questions and troubleshooting titles. */
export const states = [
	'missing',
	'delayed',
	'rejected',
	'reversed',
	'counted twice',
	'showing the wrong amount',
	'stuck in pending',
	'not updating',
	'lower than expected',
	'marked invalid',
	'not arriving',
	'blocked',
	'out of date',
	'not matching my records',
] as const;

/** Things a reader wants to do. */
export const actions = [
	'change',
	'check',
	'cancel',
	'update',
	'dispute',
	'track',
	'export',
	'confirm',
	'move',
	'split',
	'claim',
	'report',
	'set up',
	'test',
	'restore',
	'review',
	'combine',
	'correct',
] as const;

/** When it happens. */
export const events = [
	'a holiday sale',
	'the end of the month',
	'a bank change',
	'a site migration',
	'a price change',
	'a partial refund',
	'a plugin update',
	'a browser update',
	'switching devices',
	'a new campaign',
	'a coupon launch',
	'a product recall',
	'the lock period',
	'a cancelled order',
	'an address change',
	'a currency change',
	'a payment failure',
] as const;

/** Places and tools in the story. */
export const places = [
	'the dashboard',
	'the Payments tab',
	'the Conversions report',
	'the Links page',
	'your browser',
	'the store',
	'the order page',
	'your email',
	'the checkout',
	'the help form',
	'the campaign settings',
	'the account settings',
	'the returns portal',
	'the tracking settings',
	'the invoice archive',
] as const;

/** Syllables that make the long tail of product and place names. */
export const nameParts = {
	first: [
		'Ridge',
		'Tarn',
		'Cedar',
		'Summit',
		'Alder',
		'Granite',
		'Fjord',
		'Birch',
		'Cairn',
		'Mesa',
		'Larch',
		'Scree',
		'Talus',
		'Heath',
		'Glen',
		'Basalt',
		'Juniper',
		'Moraine',
		'Kestrel',
		'Sorrel',
	],
	second: [
		'line',
		'crest',
		'fall',
		'wood',
		'field',
		'peak',
		'run',
		'brook',
		'stone',
		'haven',
		'pass',
		'hollow',
		'reach',
		'top',
		'ward',
		'mark',
		'ford',
		'moor',
	],
	kind: [
		'backpack',
		'rain jacket',
		'tent',
		'sleeping bag',
		'trail shoe',
		'headlamp',
		'stove',
		'fleece',
		'water filter',
		'trekking pole',
		'hiking boot',
		'bivy sack',
		'day pack',
		'down vest',
		'climbing harness',
	],
} as const;

/** Opening words of a sentence. */
export const openers = [
	'Usually',
	'In most cases',
	'First',
	'If that does not help',
	'Sometimes',
	'After that',
	'For example',
	'Most of the time',
	'When in doubt',
	'In rare cases',
	'Before you contact us',
] as const;

/** Sentence patterns; {s} subject, {t} state, {a} action, {e} event, {p} place, {n} product name, {o} opener. */
export const sentencePatterns = [
	'{o}, a {s} looks {t} because the data in {p} refreshes only once an hour.',
	'Open {p} and {a} the {s} before {e}, so that nothing is lost.',
	'A {s} that is {t} after {e} is normally corrected within a day.',
	'{o}, compare the {s} in {p} with your own records for the {n}.',
	'We {a} every {s} by hand when it is {t} for more than a week.',
	'Orders for the {n} follow the same rules as any other product.',
	'{o}, the {s} is {t} when the customer used another device.',
	'You can {a} the {s} yourself in {p} at any time.',
	'After {e}, give the {s} up to three business days to settle.',
	'Keep a screenshot of {p} that shows the {s} and the date.',
	'The {s} for the {n} is shown in {p} once the order ships.',
	'{o}, a {s} is {t} because the order was changed after {e}.',
	'Nothing needs to be done if the {s} is {t} during {e}.',
	'Write down the order number and the {s} before you {a} anything.',
	'If the {s} is still {t}, {a} it in {p} and note the time.',
] as const;

/** Sentences that state a program fact; facts are filled in by the build. */
export const factSentences = [
	'A click is remembered for :fact[cookieWindow], and the last partner click wins.',
	'Commissions stay pending for :fact[lockPeriod] before they are approved.',
	'Payments go out on the :fact[paymentDay] of each month once your balance reaches :fact[payoutThreshold].',
	'Customers can return an order within :fact[returnWindow] of delivery.',
	'Conversions can be disputed for :fact[disputeWindow] after the end of the month.',
	'We answer every dispute within :fact[disputeResponse].',
] as const;

/** Question patterns for FAQ entries. */
export const questionPatterns = [
	'Why is my {s} {t}?',
	'How do I {a} a {s}?',
	'Can I {a} my {s} after {e}?',
	'What happens to my {s} during {e}?',
	'Where do I find the {s} for the {n}?',
	'Is the {s} {t} after {e}?',
	'Who can {a} the {s} in {p}?',
] as const;

/** Title patterns for troubleshooting guides (named after the symptom). */
export const symptomPatterns = [
	'My {s} is {t}',
	'The {s} is {t} after {e}',
	'{S} {t} for the {n}',
	'{S} is {t} in {p}',
] as const;

/** Title patterns for guides. */
export const guidePatterns = [
	'How to {a} a {s}',
	'Working with the {s} in {p}',
	'A guide to the {s} for the {n}',
	'{S} basics: what to {a} before {e}',
	'Planning for {e}: your {s}',
] as const;

/** Section headings for guides. */
export const guideHeadings = [
	'Before you start',
	'What you need',
	'Step by step',
	'Checking the result',
	'Common mistakes',
	'What happens next',
	'Good to know',
	'Examples',
	'When to ask for help',
	'Keeping records',
] as const;

/** FAQ topics that fit each audience. */
export const topicsFor: Record<Audience, readonly FaqTopic[]> = {
	affiliate: ['commissions', 'payments', 'tracking', 'account'],
	customer: ['refunds-returns', 'warranty', 'pre-sale'],
	advertiser: ['invalid-conversions', 'disputes', 'tracking'],
};

/** Teams that own articles. */
export const owners = ['partner-support', 'customer-care', 'advertiser-success', 'compliance'] as const;
