/**
 * The Atom feed of program changes (new terms versions, commission rules, disclosure
 * reviews), so that affiliates can follow them in a feed reader. Linked from every page's
 * head and from the terms pages.
 */
import type { APIRoute } from 'astro';
import { loadContent } from '../data/content.ts';
import { atomXml } from '../lib/atom.ts';
import { programChanges } from '../lib/program-changes.ts';
import { urls } from '../lib/urls.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site, url }) => {
	const base = site ?? new URL(url.origin);
	const { program, terms, commission, disclosures } = await loadContent();
	const xml = atomXml({
		id: new URL(urls.changesFeed(), base).href,
		title: `${program.name}: program changes`,
		subtitle: `New versions of the ${program.name} terms, commission rates and disclosure rules.`,
		self: new URL(urls.changesFeed(), base).href,
		alternate: new URL(urls.termsCurrent(), base).href,
		author: program.company,
		entries: programChanges({ terms, commission, disclosures, currency: program.currency, site: base }),
		fallbackUpdated: new Date(0),
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
