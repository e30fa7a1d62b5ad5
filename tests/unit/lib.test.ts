import { describe, expect, it } from 'vitest';
import { describeRate, isActive, partitionByDate, tierIndex, tierRange } from '../../src/lib/commission.ts';
import { diffTerms } from '../../src/lib/terms-diff.ts';
import { faqPageJsonLd, howToJsonLd, htmlToText, serializeJsonLd } from '../../src/lib/jsonld.ts';
import { describeHours, describeResponse } from '../../src/lib/hours.ts';
import { commissionSchema } from '../../src/schemas/commission.ts';

const tiered = commissionSchema.parse({
	title: 'Footwear',
	description: 'Tiered percentage on boots and trail shoes by monthly sales.',
	offer: 'footwear',
	model: 'tiered',
	lockPeriodDays: 30,
	validFrom: '2026-01-01',
	validTo: '2026-12-31',
	tiers: [
		{ from: 0, to: 5000, rate: 5 },
		{ from: 5000, rate: 7.5 },
	],
});

describe('commission math', () => {
	it('picks the tier a month of sales reaches, boundaries included', () => {
		if (tiered.model !== 'tiered') throw new Error('expected a tiered rule');
		expect(tierIndex(tiered.tiers, 0)).toBe(0);
		expect(tierIndex(tiered.tiers, 4999.99)).toBe(0);
		expect(tierIndex(tiered.tiers, 5000)).toBe(1);
		expect(tierRange(tiered.tiers[0]!, 'USD')).toBe('Under $5,000');
		expect(tierRange(tiered.tiers[1]!, 'USD')).toBe('$5,000 and above');
		expect(tierRange({ from: 5000, to: 20000 }, 'USD')).toBe('$5,000 to under $20,000');
		expect(describeRate(tiered, 'USD')).toBe('5 % to 7.5 % by monthly sales');
	});

	it('knows which rules apply on a day, both ends included', () => {
		expect(isActive(tiered, new Date('2026-01-01T00:00:00Z'))).toBe(true);
		expect(isActive(tiered, new Date('2026-12-31T00:00:00Z'))).toBe(true);
		expect(isActive(tiered, new Date('2027-01-01T00:00:00Z'))).toBe(false);
		const { current, past, upcoming } = partitionByDate([tiered], new Date('2027-06-01T00:00:00Z'));
		expect([current.length, past.length, upcoming.length]).toEqual([0, 1, 0]);
	});
});

describe('terms diff', () => {
	it('shows a changed paragraph word by word and keeps unchanged ones', () => {
		const before = '## 1 Payments\n\nWe pay monthly.\n\n## 2 Notice\n\nWe give 14 days notice.';
		const after =
			'## 1 Payments\n\nWe pay monthly.\n\n## 2 Notice\n\nWe give 30 days notice.\n\n## 3 New\n\nA new section.';
		const changes = diffTerms(before, after).filter((c) => c.kind !== 'same');
		expect(changes).toEqual([
			{
				kind: 'changed',
				parts: [
					{ kind: 'same', text: 'We give ' },
					{ kind: 'removed', text: '14' },
					{ kind: 'added', text: '30' },
					{ kind: 'same', text: ' days notice.' },
				],
			},
			{ kind: 'added', text: '3 New' },
			{ kind: 'added', text: 'A new section.' },
		]);
	});

	it('compares what readers see: no Markdown marks in the blocks', () => {
		const changes = diffTerms(
			'**5.1** See [the rates](/commission/).',
			'**5.1** See [the current rates](/commission/).',
		);
		expect(changes).toEqual([
			{
				kind: 'changed',
				parts: [
					{ kind: 'same', text: '5.1 See the ' },
					{ kind: 'added', text: 'current ' },
					{ kind: 'same', text: 'rates.' },
				],
			},
		]);
	});

	it('reports a removed paragraph', () => {
		expect(diffTerms('A.\n\nB.\n\nC.', 'A.\n\nC.').filter((c) => c.kind !== 'same')).toEqual([
			{ kind: 'removed', text: 'B.' },
		]);
	});
});

describe('structured data', () => {
	it('builds FAQPage and HowTo objects and escapes markup in script content', () => {
		const faq = faqPageJsonLd([
			{
				question: 'When?',
				answer: htmlToText('<p>On the <strong>15th</strong> &amp; later.</p>'),
				url: 'https://x/faq/#when',
			},
		]);
		expect(faq.mainEntity[0]!.acceptedAnswer.text).toBe('On the 15th & later.');
		const howTo = howToJsonLd({
			title: 'Fix',
			description: 'D',
			url: 'https://x/t/',
			steps: [{ title: 'One', text: '</script><b>' }],
		});
		expect(howTo.step[0]).toMatchObject({ '@type': 'HowToStep', position: 1, url: 'https://x/t/#step-1' });
		expect(serializeJsonLd(howTo)).not.toContain('</script>');
		expect(JSON.parse(serializeJsonLd(howTo)).step[0].text).toBe('</script><b>');
	});
});

describe('support hours', () => {
	it('describes hours with the zone name and response targets in business days', () => {
		expect(
			describeHours({
				timeZone: 'Europe/Berlin',
				days: ['mon', 'tue', 'wed', 'thu', 'fri'],
				opens: '09:00',
				closes: '17:00',
			}),
		).toBe('Monday to Friday, 09:00–17:00 Central European Time (Europe/Berlin)');
		expect(describeResponse(1)).toBe('within 1 business hour');
		expect(describeResponse(16)).toBe('within 2 business days');
	});
});
