/** Reads `<meta>` and other tags back out of the built site's HTML in tests, without a DOM; pure. */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an HTML serializer writes into attribute values. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return entities[ref.toLowerCase()] ?? whole;
	});
}

/** Attributes of one tag, names lower-cased, values decoded. */
export function attributes(tag: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of tag.matchAll(/([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
		out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
	}
	return out;
}

/**
 * Every `<meta property|name=… content=…>` in the document's head, in document order,
 * as [key, content] pairs (a key such as `article:tag` may repeat).
 */
export function metaTags(html: string): Array<[string, string]> {
	const head = html.slice(0, Math.max(html.indexOf('</head>'), 0) || html.length);
	const out: Array<[string, string]> = [];
	for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
		const a = attributes(m[0]);
		const key = a['property'] ?? a['name'];
		if (key && a['content'] !== undefined) out.push([key, a['content']]);
	}
	return out;
}
