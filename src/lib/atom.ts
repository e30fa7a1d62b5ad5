/** Writes an Atom 1.0 feed (RFC 4287) as text; pure, so tests can check it without a build. */
import { escapeHtml } from './escape.ts';

/** One item of the feed. */
export interface AtomEntry {
	/** A permanent, unique IRI: readers use it to tell new items from ones they have seen. */
	id: string;
	title: string;
	/** When the item last changed in a way worth telling readers. */
	updated: Date;
	/** Absolute URL of the page that explains the item. */
	link: string;
	/** One or two plain-text sentences. */
	summary: string;
	/** The full item as HTML (escaped into the feed). */
	contentHtml?: string | undefined;
	/** A machine-readable kind, e.g. "terms"; becomes `<category term>`. */
	category: string;
}

/** The feed as a whole. */
export interface AtomFeed {
	/** A permanent IRI for the feed; the feed's own URL is the usual choice. */
	id: string;
	title: string;
	/** One sentence on what the feed follows. */
	subtitle: string;
	/** Absolute URL of the feed itself (`rel="self"`). */
	self: string;
	/** Absolute URL of the page the feed follows (`rel="alternate"`). */
	alternate: string;
	/** Who publishes the feed (the company running the program). */
	author: string;
	/** Newest first. */
	entries: AtomEntry[];
	/** Used when there are no entries; otherwise the newest entry's date. */
	fallbackUpdated: Date;
}

/** A date as RFC 3339 in UTC, without milliseconds: 2026-10-01T00:00:00Z. */
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A `tag:` URI (RFC 4151): stable as long as the site's host and the item's date and name are. */
export const tagUri = (host: string, date: Date, specific: string) =>
	`tag:${host},${date.toISOString().slice(0, 10)}:${specific}`;

function entryXml(e: AtomEntry): string {
	return [
		'  <entry>',
		`    <id>${escapeHtml(e.id)}</id>`,
		`    <title>${escapeHtml(e.title)}</title>`,
		`    <updated>${rfc3339(e.updated)}</updated>`,
		`    <link rel="alternate" type="text/html" href="${escapeHtml(e.link)}"/>`,
		`    <category term="${escapeHtml(e.category)}"/>`,
		`    <summary>${escapeHtml(e.summary)}</summary>`,
		...(e.contentHtml ? [`    <content type="html">${escapeHtml(e.contentHtml)}</content>`] : []),
		'  </entry>',
	].join('\n');
}

/** The feed document. */
export function atomXml(feed: AtomFeed): string {
	const updated =
		feed.entries.reduce<Date | undefined>((max, e) => (!max || e.updated > max ? e.updated : max), undefined) ??
		feed.fallbackUpdated;
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>${escapeHtml(feed.id)}</id>`,
		`  <title>${escapeHtml(feed.title)}</title>`,
		`  <subtitle>${escapeHtml(feed.subtitle)}</subtitle>`,
		`  <updated>${rfc3339(updated)}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeHtml(feed.self)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeHtml(feed.alternate)}"/>`,
		`  <author><name>${escapeHtml(feed.author)}</name></author>`,
		...feed.entries.map(entryXml),
		'</feed>',
		'',
	].join('\n');
}
