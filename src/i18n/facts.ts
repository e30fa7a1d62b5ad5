/**
 * Program facts in German, for the German pages: the same names as the English facts
 * (src/lib/facts.ts), so a translation keeps every `:fact[…]` of its source, with numbers, money
 * and dates written the German way (src/lib/locale-format.ts). Values are nominative/accusative
 * ("Die Frist beträgt 30 Tage"); German sentences are written around that.
 */
import type { Program, SupportChannel } from '../schemas/program.ts';
import { factsFrom, type Facts } from '../lib/facts.ts';
import { factsPlugin } from '../integrations/facts.ts';
import {
	formatApproxMinutes,
	formatCount,
	formatList,
	formatMoney,
	formatMonthlyPrice,
	formatOrdinal,
	formatPercent,
	formatRange,
} from '../lib/locale-format.ts';
import { prefixedLocales } from './locales.ts';

const lang = 'de';

function responseTarget(
	channel: Pick<SupportChannel, 'firstResponseHours'> & {
		firstResponseUnit?: SupportChannel['firstResponseUnit'] | undefined;
	},
): string {
	const hours = channel.firstResponseHours;
	if ((channel.firstResponseUnit ?? 'business-hours') === 'hours') return formatCount(hours, 'hour', lang);
	if (hours >= 8 && hours % 8 === 0) return formatCount(hours / 8, 'business day', lang);
	return formatCount(hours, 'business hour', lang);
}

/** Every fact, as a German reader reads it. Names without numbers or words (addresses, names) stay as in English. */
export function germanFactsFrom(program: Program): Facts {
	const english = factsFrom(program);
	const money = (n: number) => formatMoney(n, program.currency, lang);
	const days = (n: number) => formatCount(n, 'day', lang);
	const lock = program.payout.lockPeriodDays ?? program.returnWindowDays + program.deliveryAllowanceDays;
	const affiliateEmail = program.support.find((c) => c.kind === 'email' && c.audiences.includes('affiliate'));
	const customerEmail = program.support.find((c) => c.kind === 'email' && c.audiences.includes('customer'));
	const chat = program.support.find((c) => c.kind === 'chat');
	const tax = program.taxReporting;
	const campaigns = program.campaigns;
	return {
		...english,
		payoutThreshold: money(program.payout.threshold),
		paymentDay: formatOrdinal(program.payout.paymentDay, lang),
		lockPeriod: days(lock),
		paymentMethods: formatList(
			program.payout.methods.map((m) => m.label),
			lang,
		),
		cookieWindow: days(program.tracking.cookieWindowDays),
		attribution:
			program.tracking.attribution === 'last-click'
				? 'Last Click'
				: program.tracking.attribution === 'first-click'
					? 'First Click'
					: program.tracking.attribution,
		clickReportingTime: formatApproxMinutes(program.tracking.clickReportingMinutes, lang),
		returnWindow: days(program.returnWindowDays),
		deliveryAllowance: days(program.deliveryAllowanceDays),
		refundTime: formatRange(program.refundBusinessDays.min, program.refundBusinessDays.max, 'business day', lang),
		returnLabelFee: money(program.returnLabelFee),
		warrantyLength: formatCount(program.warrantyYears, 'year', lang),
		trailClubPrice: program.trailClub ? formatMonthlyPrice(program.trailClub.monthlyPrice, program.currency, lang) : '',
		trailClubTrial: program.trailClub ? days(program.trailClub.trialDays) : '',
		brandTerms: formatList(
			program.brandTerms.map((t) => `„${t}“`),
			lang,
		),
		disputeResponse: formatCount(program.disputeResponseBusinessDays, 'business day', lang),
		disputeWindow: days(program.disputeWindowDays),
		taxFormThreshold: money(program.taxFormThreshold),
		taxFormRequired:
			program.taxFormThreshold === 0
				? 'vor Ihrer ersten Auszahlung'
				: `sobald Ihre Auszahlungen in einem Kalenderjahr ${money(program.taxFormThreshold)} erreichen`,
		form1099NecThreshold: tax ? money(tax.form1099NecThreshold) : '',
		form1099KThreshold: tax
			? `${money(tax.form1099KAmount)} und ${formatCount(tax.form1099KTransactions, 'transaction', lang)}`
			: '',
		postbackRetryGaps: campaigns ? `${formatList(campaigns.postbackRetryMinutes.map(String), lang)} Minuten` : '',
		invoiceDay: campaigns ? `${formatOrdinal(campaigns.invoiceBusinessDay, lang)} Werktag` : '',
		paymentTerms: campaigns ? days(campaigns.paymentTermsDays) : '',
		networkFee: campaigns ? formatPercent(campaigns.networkFeePercent, lang) : '',
		chargebackReportWindow: campaigns ? days(campaigns.chargebackReportDays) : '',
		partnerFirstResponse: affiliateEmail ? responseTarget(affiliateEmail) : '',
		chatFirstResponse: chat ? responseTarget(chat) : '',
		customerFirstResponse: customerEmail ? responseTarget(customerEmail) : '',
	};
}

/** Facts per address prefix; a language without its own facts here reads the English ones. */
const factsByLocale: Record<string, (program: Program) => Facts> = { de: germanFactsFrom };

/** The facts as a reader of `locale` reads them: the language's own where it has them, else the English. */
export const localeFactsFrom = (program: Program, locale: string): Facts =>
	(factsByLocale[locale] ?? factsFrom)(program);

/**
 * Markdown plugin for translations: a file under src/content/<folder>/<locale>/ gets that locale's
 * facts. It runs before the English facts plugin, which fills in everything else; for any other
 * file it is left out of the pipeline.
 */
export function localizedFactsPlugin(program: Program) {
	const plugins = new Map<string, ReturnType<typeof factsPlugin>>(
		prefixedLocales.flatMap((locale) =>
			factsByLocale[locale] ? [[locale, factsPlugin(factsByLocale[locale](program))] as const] : [],
		),
	);
	return (ctx: { fileURL: URL | undefined }) => {
		const locale = ctx.fileURL && /\/src\/content\/[^/]+\/([^/]+)\//.exec(ctx.fileURL.pathname)?.[1];
		return (locale && plugins.get(locale)) || null;
	};
}
