/** Writes an Atom 1.0 feed (RFC 4287) as text; pure, so tests can check it without a build. */

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

/** Escapes text for XML element content and attribute values. */
export const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A date as RFC 3339 in UTC, without milliseconds: 2026-10-01T00:00:00Z. */
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A `tag:` URI (RFC 4151): stable as long as the site's host and the item's date and name are. */
export const tagUri = (host: string, date: Date, specific: string) => `tag:${host},${date.toISOString().slice(0, 10)}:${specific}`;

function entryXml(e: AtomEntry): string {
	return [
		'  <entry>',
		`    <id>${escapeXml(e.id)}</id>`,
		`    <title>${escapeXml(e.title)}</title>`,
		`    <updated>${rfc3339(e.updated)}</updated>`,
		`    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
		`    <category term="${escapeXml(e.category)}"/>`,
		`    <summary>${escapeXml(e.summary)}</summary>`,
		...(e.contentHtml ? [`    <content type="html">${escapeXml(e.contentHtml)}</content>`] : []),
		'  </entry>',
	].join('\n');
}

/** The feed document. */
export function atomXml(feed: AtomFeed): string {
	const updated = feed.entries.reduce<Date | undefined>((max, e) => (!max || e.updated > max ? e.updated : max), undefined) ?? feed.fallbackUpdated;
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>${escapeXml(feed.id)}</id>`,
		`  <title>${escapeXml(feed.title)}</title>`,
		`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
		`  <updated>${rfc3339(updated)}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
		`  <author><name>${escapeXml(feed.author)}</name></author>`,
		...feed.entries.map(entryXml),
		'</feed>',
		'',
	].join('\n');
}
