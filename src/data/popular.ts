/**
 * The questions each audience asks most, as FAQ ids (file names under src/content/faqs/), most asked
 * first: what the home page shows under each audience. Support updates this list from
 * `npm run feedback -- gaps` and the questions it receives; an id that is not an FAQ entry, or an
 * entry written for another audience, stops the build with its name.
 */
import type { Audience } from '../schemas/common.ts';

export const popularQuestions: Record<Audience, readonly string[]> = {
	affiliate: ['when-do-i-get-paid', 'payout-threshold', 'commission-pending', 'cookie-window'],
	customer: ['return-item', 'refund-timing', 'price-through-affiliate-link', 'warranty-claim'],
	advertiser: ['postback-setup', 'dispute-a-conversion', 'invalid-conversion-definition', 'cpa-billing'],
};
