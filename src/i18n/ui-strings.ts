import { z } from 'astro/zod';
import { searchUiNames } from '../lib/search-ui.ts';
import { pageStringKeys } from './page-strings.ts';

/**
 * The site's own interface texts, beside Starlight's: each key is held in every language's
 * `src/content/i18n/<lang>.json` (tests/unit/i18n-strings.test.ts fails on a key missing from
 * one of them). Components read them with `Astro.locals.t('key')`.
 */
export const uiStringKeys = [
	'languageSelect.homeOnly',
	'header.contactSupport',
	'homeSearch.formLabel',
	'homeSearch.label',
	'homeSearch.button',
	'homeSearch.hint',
	'vote.legend',
	'vote.yes',
	'vote.no',
	'vote.commentLabel',
	'vote.optional',
	'vote.send',
	'vote.askAboutPage',
	'vote.askAboutQuestion',
	'contactPanel.heading',
	'contactPanel.chatOpen',
	'contactPanel.routing',
	'contactPanel.button',
	'audienceStart.mostAsked',
	'audienceStart.affiliate.title',
	'audienceStart.affiliate.who',
	'audienceStart.affiliate.more',
	'audienceStart.customer.title',
	'audienceStart.customer.who',
	'audienceStart.customer.more',
	'audienceStart.advertiser.title',
	'audienceStart.advertiser.who',
	'audienceStart.advertiser.more',
	'audienceHub.guides',
	'audienceHub.allGuides',
	'audienceHub.troubleshooting',
	'audienceHub.allTroubleshooting',
	'audienceHub.questions',
	'audienceHub.allQuestions',
	'audienceHub.rules',
	'audienceHub.commission',
	'audienceHub.commissionText',
	'audienceHub.terms',
	'audienceHub.termsText',
	'audienceHub.disclosures',
	'audienceHub.disclosuresText',
	'pagination.previous',
	'pagination.next',
	'pagination.page',
	'ask.questionLabel',
	'ask.questionHint',
	'ask.questionHintSuggestions',
	'ask.suggestionsTitle',
	'ask.preferNotToSay',
	'ask.send',
	'confirm.heading',
	'confirm.reference',
	'confirm.next',
	'confirm.readsEvery',
	'confirm.noEmail',
	'confirm.back',
	'confirm.askAnother',
	'supportChannels.caption',
	'supportChannels.region',
	'supportChannels.channel',
	'supportChannels.for',
	'supportChannels.hours',
	'supportChannels.firstReply',
	'paymentMethods.caption',
	'paymentMethods.method',
	'paymentMethods.fee',
	'paymentMethods.arrival',
	'paymentMethods.none',
	'terms.effectiveDate',
	'terms.whatChanged',
	'terms.everyChange',
	'terms.allVersions',
	'terms.inForce',
	'terms.followChanges',
	'terms.lookUp',
	'commission.rate',
	'commission.cookieWindow',
	'commission.lockPeriod',
	'commission.tiersCaption',
	'commission.monthlySales',
	'editEntry.label',
	// The search box's and search page's texts (src/lib/search-ui.ts names them).
	...searchUiNames.map((name) => `search.ui.${name}` as const),
] as const;

export type UiStringKey = (typeof uiStringKeys)[number];

/** The components' keys and the pages' (src/i18n/page-strings.ts): every key a language file holds. */
export const allStringKeys = [...pageStringKeys, ...uiStringKeys] as const;

/** Starlight's i18n schema, extended with our keys (all optional there: a missing German text reads the English one). */
export const uiStringsSchema = z
	.object(
		Object.fromEntries(allStringKeys.map((k) => [k, z.string()])) as Record<
			(typeof allStringKeys)[number],
			z.ZodString
		>,
	)
	.partial();
