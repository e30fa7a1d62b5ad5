/**
 * The items of the program-changes feed: terms versions, commission rules and disclosure
 * reviews, newest first. Pure: pages pass in the checked content.
 */
import type { AtomEntry } from './atom.ts';
import { tagUri } from './atom.ts';
import { escapeHtml } from './escape.ts';
import { describeRate, modelLabels } from './commission.ts';
import { formatDate, isoDay } from './dates.ts';
import { urls } from './urls.ts';
import { disclosureChannels } from '../schemas/disclosure.ts';
import type { CommissionRule } from '../schemas/commission.ts';
import type { Disclosure } from '../schemas/disclosure.ts';
import type { Terms } from '../schemas/terms.ts';

export interface ChangeSources {
	terms: Array<{ data: Terms }>;
	commission: Array<{ id: string; data: CommissionRule }>;
	disclosures: Array<{ id: string; data: Disclosure }>;
	/** The program currency, for commission amounts. */
	currency: string;
	/** The site's public address; item links and ids are made from it. */
	site: URL;
}

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

function termsEntries({ terms, site }: ChangeSources): AtomEntry[] {
	return terms.map(({ data: t }) => ({
		id: tagUri(site.host, t.effectiveDate, `terms/${t.version}`),
		title: `${t.title} version ${t.version}, effective ${formatDate(t.effectiveDate)}`,
		updated: t.effectiveDate,
		link: new URL(urls.terms(t.version), site).href,
		category: 'terms',
		summary: t.changes.length
			? `${t.changes.length} change${t.changes.length === 1 ? '' : 's'}${t.supersedes ? ` from version ${t.supersedes}` : ''}: ${t.changes.join(' ')}`
			: t.description,
		contentHtml: t.changes.length
			? `<p>What changed${t.supersedes ? ` from version ${escapeHtml(t.supersedes)}` : ''}:</p>${list(t.changes)}`
			: undefined,
	}));
}

function commissionEntries({ commission, currency, site }: ChangeSources): AtomEntry[] {
	return commission.map(({ id, data: rule }) => {
		const rate = describeRate(rule, currency);
		const period = `from ${formatDate(rule.validFrom)}${rule.validTo ? ` to ${formatDate(rule.validTo)}` : ''}`;
		const details = [
			`${modelLabels[rule.model]}: ${rate}.`,
			`Valid ${period}.`,
			...(rule.cookieWindowDays ? [`Cookie window: ${rule.cookieWindowDays} days.`] : []),
			`Lock period: ${rule.lockPeriodDays} days.`,
			...rule.notes,
		];
		return {
			id: tagUri(site.host, rule.validFrom, `commission/${id}`),
			title: `Commission for ${rule.title}: ${rate}, ${period}`,
			updated: rule.validFrom,
			link: new URL(urls.commission(rule.offer), site).href,
			category: 'commission',
			summary: details.join(' '),
			contentHtml: list(details),
		};
	});
}

function disclosureEntries({ disclosures, site }: ChangeSources): AtomEntry[] {
	// Only reviewed rules have a date to announce; each review is its own item.
	return disclosures.flatMap(({ data: d }) =>
		d.lastReviewed
			? [
					{
						id: tagUri(site.host, d.lastReviewed, `disclosures/${d.channel}`),
						title: `Disclosure rules for ${disclosureChannels[d.channel]}, reviewed ${formatDate(d.lastReviewed)}`,
						updated: d.lastReviewed,
						link: new URL(urls.disclosure(d.channel), site).href,
						category: 'disclosure',
						summary: d.rule,
						contentHtml: `<p>${escapeHtml(d.rule)}</p><p>Last reviewed ${isoDay(d.lastReviewed)}.</p>`,
					},
				]
			: [],
	);
}

/** Every change item, newest first; items of one day keep a fixed order (by id) so the feed is stable. */
export function programChanges(sources: ChangeSources): AtomEntry[] {
	return [...termsEntries(sources), ...commissionEntries(sources), ...disclosureEntries(sources)].sort(
		(a, b) => +b.updated - +a.updated || a.id.localeCompare(b.id),
	);
}
