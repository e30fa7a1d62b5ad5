import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declarePage, frontMatterMeta, pageMetaOf } from '../../src/data/page-meta.ts';
import { audienceOfPage, scopeSidebar, sidebar, type ScopedEntry } from '../../src/navigation.ts';
import { shareCard } from '../../src/lib/share-card.ts';
import { audienceLabels } from '../../src/lib/labels.ts';
import { searchAudiences } from '../../src/lib/search-filters.ts';
import { clearShareCards, recordedShareCard, recordedShareCards, recordShareCard } from '../../src/og/cards.ts';
import { renderShareImages } from '../../src/integrations/og-images.ts';
import { pngSize } from '../helpers/png.ts';

const starlight = (data: object) => ({ starlightRoute: { entry: { data } } });

describe('what a page says it is', () => {
	it('reads a docs entry from its front matter, a guide for everyone by default', () => {
		expect(frontMatterMeta({ pageType: 'glossary' })).toEqual({ pageType: 'glossary', audiences: [] });
		expect(frontMatterMeta({ audience: 'customer' })).toEqual({ pageType: 'guide', audiences: ['customer'] });
		expect(pageMetaOf(starlight({ pageType: 'hub' }))).toEqual({ pageType: 'hub', audiences: [] });
	});

	it('prefers what a page in src/pages declared over the front matter StarlightPage made for it', () => {
		const locals = starlight({ pageType: 'guide' });
		declarePage(locals, { pageType: 'commission', audiences: ['affiliate', 'advertiser'] });
		expect(pageMetaOf(locals)).toEqual({ pageType: 'commission', audiences: ['affiliate', 'advertiser'] });
	});

	it('says what is missing when asked outside a Starlight page', () => {
		expect(() => pageMetaOf({})).toThrow('pageMetaOf() needs a Starlight page');
	});
});

describe('the share card of a page', () => {
	it('names the kind and the audiences with the labels readers see', () => {
		expect(
			shareCard({
				program: 'P',
				title: 'Rates',
				meta: { pageType: 'commission', audiences: ['affiliate', 'advertiser'] },
			}),
		).toEqual({
			program: 'P',
			title: 'Rates',
			type: 'Commission rates',
			audiences: ['Affiliates', 'Advertisers'],
		});
		expect(
			shareCard({ program: 'P', title: 'Gone', meta: { pageType: 'hub', audiences: [] }, notFound: true }).type,
		).toBe('Page not found');
	});

	it('uses the one audience table that search and the sidebar use too', () => {
		expect(searchAudiences).toBe(audienceLabels);
		const groups = sidebar.map((e) => e.label);
		expect(groups.slice(1, 4)).toEqual(Object.values(audienceLabels));
	});
});

describe('the sidebar a page opens', () => {
	it('opens the audience of a page for one audience, and of a hub, and none for everyone', () => {
		expect(audienceOfPage('/troubleshooting/x/', { pageType: 'troubleshooting', audiences: ['customer'] })).toBe(
			'customer',
		);
		expect(audienceOfPage('/customers/', { pageType: 'hub', audiences: [] })).toBe('customer');
		expect(audienceOfPage('/advertisers', { pageType: 'hub', audiences: [] })).toBe('advertiser');
		expect(audienceOfPage('/404.html', { pageType: 'hub', audiences: [] })).toBeUndefined();
		expect(
			audienceOfPage('/commission/', { pageType: 'commission', audiences: ['affiliate', 'advertiser'] }),
		).toBeUndefined();
	});

	it('puts that audience first and open, and closes the others', () => {
		const entries: ScopedEntry[] = [
			{ type: 'link', label: 'Home' },
			{ type: 'group', label: 'Affiliates', collapsed: true, entries: [] },
			{
				type: 'group',
				label: 'Customers',
				collapsed: true,
				entries: [{ type: 'group', label: 'Sub', collapsed: true }],
			},
			{ type: 'group', label: 'Browse', collapsed: false, entries: [] },
		];
		const scoped = scopeSidebar(entries, 'customer');
		expect(scoped.map((e) => [e.label, e.collapsed ?? null])).toEqual([
			['Home', null],
			['Customers', false],
			['Affiliates', true],
			['Browse', false],
		]);
		expect(scoped[1]!.entries![0]!.collapsed).toBe(false);
		expect(entries[2]!.collapsed).toBe(true);
	});
});

describe('share images from the recorded cards', () => {
	it('draws each recorded card once, copies it to every page that shows it, and reuses it on the next build', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'partner-help-og-records-'));
		try {
			clearShareCards();
			const card = { program: 'P', title: 'When do I get paid?', type: 'FAQ', audiences: ['Affiliates'] };
			recordShareCard('/og/faq/payments.png', card);
			recordShareCard('/og/faq/payments/2.png', { ...card });
			recordShareCard('/og/index.png', { ...card, title: 'Help', type: 'Help centre', audiences: [] });
			expect(recordedShareCards().map(([path]) => path)).toEqual([
				'/og/faq/payments.png',
				'/og/faq/payments/2.png',
				'/og/index.png',
			]);
			expect(recordedShareCard('/og/index.png')?.title).toBe('Help');
			const options = { cacheDir: join(dir, 'cache') };
			const cold = await renderShareImages(join(dir, 'client'), recordedShareCards(), options);
			expect([cold.rendered, cold.reused]).toEqual([2, 1]);
			for (const file of ['og/faq/payments.png', 'og/faq/payments/2.png', 'og/index.png']) {
				expect(pngSize(readFileSync(join(dir, 'client', file))), file).toEqual({ width: 1200, height: 630 });
			}
			expect(
				readFileSync(join(dir, 'client', 'og/faq/payments.png')).equals(
					readFileSync(join(dir, 'client', 'og/faq/payments/2.png')),
				),
			).toBe(true);
			rmSync(join(dir, 'client'), { recursive: true });
			const warm = await renderShareImages(join(dir, 'client'), recordedShareCards(), options);
			expect([warm.rendered, warm.reused]).toEqual([0, 3]);
			clearShareCards();
			expect(recordedShareCards()).toEqual([]);
			expect(existsSync(join(dir, 'client', 'og/index.png'))).toBe(true);
		} finally {
			clearShareCards();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
