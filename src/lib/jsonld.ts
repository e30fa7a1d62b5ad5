/** Structured data for search engines, built from typed entries. */

/** Turns rendered HTML into the plain text structured data wants. */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
		.replace(/<\/(p|li|h\d)>/gi, '$& ')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/** schema.org FAQPage for a list of questions with plain-text answers. */
export function faqPageJsonLd(items: ReadonlyArray<{ question: string; answer: string; url: string }>) {
	return {
		'@context': 'https://schema.org',
		'@type': 'FAQPage',
		mainEntity: items.map((item) => ({
			'@type': 'Question',
			name: item.question,
			url: item.url,
			acceptedAnswer: { '@type': 'Answer', text: item.answer },
		})),
	};
}

/** schema.org HowTo for a troubleshooting guide's ordered steps. */
export function howToJsonLd(guide: {
	title: string;
	description: string;
	url: string;
	steps: ReadonlyArray<{ title: string; text: string }>;
}) {
	return {
		'@context': 'https://schema.org',
		'@type': 'HowTo',
		name: guide.title,
		description: guide.description,
		url: guide.url,
		step: guide.steps.map((step, i) => ({
			'@type': 'HowToStep',
			position: i + 1,
			name: step.title,
			text: step.text,
			url: `${guide.url}#step-${i + 1}`,
		})),
	};
}

/** Serialises JSON-LD for a script tag: `<` is escaped so text can never close the tag. */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** A Starlight `head` entry that carries JSON-LD. */
export function jsonLdHead(data: unknown) {
	return { tag: 'script' as const, attrs: { type: 'application/ld+json' }, content: serializeJsonLd(data) };
}
