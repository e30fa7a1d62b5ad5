import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { xmlErrors } from '../helpers/xml.ts';
import {
	audiencePhrase,
	pageOfShareImage,
	shareImageAlt,
	shareImagePath,
	SHARE_IMAGE,
} from '../../src/lib/share-card.ts';
import { attributes, decodeEntities, metaTags } from '../helpers/html-meta.ts';
import { atomXml, rfc3339, tagUri } from '../../src/lib/atom.ts';
import { programChanges } from '../../src/lib/program-changes.ts';
import { shareImagesEnabled } from '../../src/og/config.ts';
import { cardKey, openImageCache } from '../../src/og/cache.ts';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardSvg } from '../../src/og/card.ts';
import { svgToPng } from '../../src/og/rasterize.ts';
import { renderCards } from '../../src/og/render-pool.ts';
import { commissionSchema } from '../../src/schemas/commission.ts';
import { termsSchema } from '../../src/schemas/terms.ts';
import { disclosureSchema } from '../../src/schemas/disclosure.ts';
import { pngSize } from '../helpers/png.ts';

const card = { program: 'Tallwood Partners', title: 'When do I get paid?', type: 'FAQ', audiences: ['Affiliates'] };

describe('share card paths and text', () => {
	it('gives every page its own image path, the home page included', () => {
		expect(shareImagePath('/')).toBe('/og/index.png');
		expect(shareImagePath('/faq/payments/')).toBe('/og/faq/payments.png');
		expect(shareImagePath('/404')).toBe('/og/404.png');
		expect(shareImagePath('/404.html')).toBe('/og/404.png');
	});

	it('finds the page an image belongs to, and refuses paths outside /og/', () => {
		for (const page of ['/', '/faq/payments/', '/404', '/affiliates/onboarding/joining/'])
			expect(pageOfShareImage(shareImagePath(page))).toBe(page);
		expect(pageOfShareImage('/og/../secret.png')).toBeUndefined();
		expect(pageOfShareImage('/og/a.jpg')).toBeUndefined();
		expect(pageOfShareImage('/faq/a.png')).toBeUndefined();
	});

	it('names audiences as a phrase, with everyone for none', () => {
		expect(audiencePhrase([])).toBe('everyone');
		expect(audiencePhrase(['Affiliates'])).toBe('affiliates');
		expect(audiencePhrase(['Affiliates', 'Advertisers'])).toBe('affiliates and advertisers');
		expect(audiencePhrase(['Affiliates', 'Customers', 'Advertisers'])).toBe('affiliates, customers and advertisers');
	});

	it('describes the picture in its alternative text', () => {
		expect(shareImageAlt(card)).toBe('Tallwood Partners Help: When do I get paid? FAQ for affiliates.');
		expect(shareImageAlt({ ...card, title: 'Commission rates', type: 'Commission rates', audiences: [] })).toBe(
			'Tallwood Partners Help: Commission rates. Commission rates for everyone.',
		);
	});
});

describe("reading meta tags from built HTML (the tests' helper)", () => {
	it('decodes the character references serializers write', () => {
		expect(decodeEntities('Tom &amp; Jerry&#39;s &quot;deal&quot; &#x2014; &lt;b&gt; &unknown;')).toBe(
			'Tom & Jerry\'s "deal" \u2014 <b> &unknown;',
		);
		expect(attributes('<meta property="og:title" content=\'A &amp; B\'/>')).toEqual({
			property: 'og:title',
			content: 'A & B',
		});
	});

	it('reads repeated keys in order and ignores the body', () => {
		const html =
			'<html><head><meta property="article:tag" content="Affiliates"/><meta name="x" content="1"><meta property="article:tag" content="Customers"/></head><body><meta name="x" content="body"></body></html>';
		expect(metaTags(html)).toEqual([
			['article:tag', 'Affiliates'],
			['x', '1'],
			['article:tag', 'Customers'],
		]);
	});
});

describe('the share image switch and cache key', () => {
	it('reads OG_IMAGES and rejects values it does not know', () => {
		expect(shareImagesEnabled({})).toBe(true);
		expect(shareImagesEnabled({ OG_IMAGES: 'on' })).toBe(true);
		expect(shareImagesEnabled({ OG_IMAGES: 'OFF' })).toBe(false);
		expect(shareImagesEnabled({ OG_IMAGES: '0' })).toBe(false);
		expect(() => shareImagesEnabled({ OG_IMAGES: 'maybe' })).toThrow(
			'OG_IMAGES must be "on" or "off", received "maybe".',
		);
	});

	it('changes the key when anything drawn changes, and only then', () => {
		expect(cardKey(card)).toBe(cardKey({ ...card }));
		for (const changed of [
			{ title: 'When am I paid?' },
			{ program: 'Other' },
			{ type: 'Guide' },
			{ audiences: ['Customers'] },
			{ audiences: [] },
		]) {
			expect(cardKey({ ...card, ...changed })).not.toBe(cardKey(card));
		}
	});
});

describe('the image cache', () => {
	it('copies what it holds, refreshes it on use and deletes what no build used for a while', () => {
		const dir = mkdtempSync(join(tmpdir(), 'partner-help-og-unit-'));
		try {
			const cache = openImageCache(join(dir, 'cache'));
			const old = new Date(Date.now() - 40 * 86_400_000);
			cache.put('used', new Uint8Array([1, 2, 3]));
			cache.put('unused', new Uint8Array([4]));
			for (const key of ['used', 'unused']) utimesSync(join(dir, 'cache', `${key}.png`), old, old);
			expect(cache.copyTo('missing', join(dir, 'a.png'))).toBe(false);
			expect(cache.copyTo('used', join(dir, 'b.png'))).toBe(true);
			expect(existsSync(join(dir, 'b.png'))).toBe(true);
			expect(cache.prune(30)).toBe(1);
			expect(existsSync(join(dir, 'cache', 'used.png'))).toBe(true);
			expect(existsSync(join(dir, 'cache', 'unused.png'))).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('rendering a card', () => {
	it('draws a 1200×630 PNG', async () => {
		const png = svgToPng(
			await cardSvg({ ...card, title: 'A title long enough to wrap onto a second and even a third line of the card' }),
			SHARE_IMAGE.width,
		);
		expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
		expect(png.length).toBeGreaterThan(5_000);
	});

	it('renders many cards on worker threads and returns each to its index', async () => {
		const cards = Array.from({ length: 20 }, (_, i) => ({ ...card, title: `Question number ${i}` }));
		const done = new Map<number, Uint8Array>();
		await renderCards(cards, (index, png) => done.set(index, png), 2);
		expect([...done.keys()].sort((a, b) => a - b)).toEqual(cards.map((_, i) => i));
		for (const png of done.values()) expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
		expect(new Set([...done.values()].map((png) => Buffer.from(png).toString('base64'))).size).toBe(20);
	});
});

describe('the program changes feed', () => {
	const site = new URL('https://help.example.test');
	const terms = [
		{
			data: termsSchema.parse({
				title: 'Program terms',
				version: '1.0',
				effectiveDate: '2025-01-01',
				description: 'The first terms of the program, long enough.',
			}),
		},
		{
			data: termsSchema.parse({
				title: 'Program terms',
				version: '1.1',
				effectiveDate: '2025-06-01',
				supersedes: '1.0',
				changes: ['Payments <weekly> & faster'],
				description: 'The second terms of the program, long enough.',
			}),
		},
	];
	const commission = [
		{
			id: 'gear',
			data: commissionSchema.parse({
				title: 'Gear',
				description: 'Percentage of each sale of gear and more.',
				offer: 'gear',
				model: 'cps',
				rate: 8,
				lockPeriodDays: 30,
				validFrom: '2025-03-01',
			}),
		},
	];
	const disclosures = [
		{
			id: 'blog',
			data: disclosureSchema.parse({
				title: 'Blogs',
				description: 'How to disclose on a blog, in some words.',
				channel: 'blog',
				rule: 'Disclose at the top of every post, before the first link.',
				compliant: ['Ad: links'],
				nonCompliant: [{ example: 'none', why: 'hidden away' }],
				sources: [{ name: 'FTC guides', url: 'https://example.test/ftc' }],
				lastReviewed: '2025-04-01',
			}),
		},
		{
			id: 'video',
			data: disclosureSchema.parse({
				title: 'Video',
				description: 'How to disclose in a video, in some words.',
				channel: 'video',
				rule: 'Say it out loud and show it on screen at the start.',
				compliant: ['Ad: sponsored'],
				nonCompliant: [{ example: 'none', why: 'hidden away' }],
				sources: [{ name: 'FTC guides', url: 'https://example.test/ftc' }],
			}),
		},
	];
	const entries = programChanges({ terms, commission, disclosures, currency: 'USD', site });

	it('lists terms, commission rules and reviewed disclosure rules, newest first', () => {
		expect(entries.map((e) => [e.category, e.updated.toISOString().slice(0, 10)])).toEqual([
			['terms', '2025-06-01'],
			['disclosure', '2025-04-01'],
			['commission', '2025-03-01'],
			['terms', '2025-01-01'],
		]);
		expect(entries[0]).toMatchObject({
			id: 'tag:help.example.test,2025-06-01:terms/1.1',
			link: 'https://help.example.test/terms/1-1/',
			summary: '1 change from version 1.0: Payments <weekly> & faster',
		});
		expect(entries[2]).toMatchObject({
			title: 'Commission for Gear: 8 % of each sale, from March 1, 2025',
			link: 'https://help.example.test/commission/#gear',
		});
	});

	it('writes well-formed Atom with RFC 3339 dates and escaped text', () => {
		const xml = atomXml({
			id: 'https://help.example.test/changes.xml',
			title: 'P & Q: changes',
			subtitle: 's',
			self: 'https://help.example.test/changes.xml',
			alternate: 'https://help.example.test/terms/',
			author: 'Co',
			entries,
			fallbackUpdated: new Date(0),
		});
		expect(xmlErrors(xml)).toEqual([]);
		const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.title).toBe('P & Q: changes');
		expect(feed.updated).toBe('2025-06-01T00:00:00Z');
		expect(feed.entry).toHaveLength(4);
		expect(feed.entry[0].content['#text']).toContain('<li>Payments &lt;weekly&gt; &amp; faster</li>');
		expect(rfc3339(new Date('2025-06-01T12:34:56.789Z'))).toBe('2025-06-01T12:34:56Z');
		expect(tagUri('h.test', new Date('2025-06-01T00:00:00Z'), 'terms/1.1')).toBe('tag:h.test,2025-06-01:terms/1.1');
	});

	it('falls back to a fixed date when there is nothing to announce', () => {
		const xml = atomXml({
			id: 'i',
			title: 't',
			subtitle: 's',
			self: 'https://x.test/f',
			alternate: 'https://x.test/',
			author: 'a',
			entries: [],
			fallbackUpdated: new Date(0),
		});
		expect(xml).toContain('<updated>1970-01-01T00:00:00Z</updated>');
		expect(xml).not.toContain('<entry>');
	});
});
