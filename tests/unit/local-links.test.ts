import { describe, expect, it } from 'vitest';
import { localizeLinks } from '../../src/i18n/local-links.ts';

const page = (body: string) =>
	`<html><head><link rel="alternate" hreflang="en" href="/faq/"></head><body>${body}</body></html>`;

describe('links on a German page', () => {
	it('lead to the German version of pages that have one, keeping query and fragment', () => {
		const html = localizeLinks(
			page(
				'<a href="/faq/payments/#payout-threshold">a</a><a class="x" href="/ask/?from=%2Fde%2F">b</a><form action="/search/" method="get"></form>',
			),
			'de',
		);
		expect(html).toContain('<a href="/de/faq/payments/#payout-threshold">a</a>');
		expect(html).toContain('<a class="x" href="/de/ask/?from=%2Fde%2F">b</a>');
		expect(html).toContain('<form action="/de/search/" method="get">');
	});

	it('leave links that name their language, English-only parts, files and other sites as they are', () => {
		const body =
			'<a href="/faq/" hreflang="en" lang="en">English</a><a href="/support/">team</a><a href="/changes.xml">feed</a>' +
			'<a href="/search/words.json">data</a><a href="//cdn.example/x/">cdn</a><a href="https://example.com/">out</a>' +
			'<a href="/de/faq/">already</a>';
		expect(localizeLinks(page(body), 'de')).toBe(page(body));
	});

	it('leave the head (alternates, canonical) and English pages untouched', () => {
		const html = page('<a href="/faq/">x</a>');
		expect(localizeLinks(html, 'de')).toContain('<link rel="alternate" hreflang="en" href="/faq/">');
		expect(localizeLinks(html, 'root')).toBe(html);
	});

	it('ask where a page exists when told', () => {
		const html = localizeLinks(
			page('<a href="/only-english/">x</a><a href="/faq/">y</a>'),
			'de',
			(p) => p !== '/only-english/',
		);
		expect(html).toContain('href="/only-english/"');
		expect(html).toContain('href="/de/faq/"');
	});
});
