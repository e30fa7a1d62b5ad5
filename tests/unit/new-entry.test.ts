import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readContent, readProgram } from '../../scripts/writers/lib/content-files.ts';
import { NewEntryError, planEntry, type NewEntryArgs } from '../../scripts/writers/lib/new-entry.ts';
import { slugify } from '../../scripts/writers/lib/scaffold.ts';
import { faqSchema } from '../../src/schemas/faq.ts';
import { faqPageSize } from '../../src/lib/pagination.ts';
import { termsSchema } from '../../src/schemas/terms.ts';
import { materializeFixture, removeFixture } from '../helpers/fixtures.ts';

const root = materializeFixture('changed-facts');
afterAll(() => removeFixture(root));
const existing = await readContent(root);
const program = readProgram(root).result.data;
const plan = (args: Partial<NewEntryArgs> & Pick<NewEntryArgs, 'type' | 'title'>) =>
	planEntry({ today: '2026-11-23', ...args }, existing, program);
const refusal = (args: Partial<NewEntryArgs> & Pick<NewEntryArgs, 'type' | 'title'>) => {
	try {
		plan(args);
	} catch (error) {
		if (error instanceof NewEntryError) return `${error.message} | ${error.hint}`;
		throw error;
	}
	throw new Error('expected a refusal');
};
const frontMatter = (text: string) => parse(text.split('---\n')[1]!);

describe('npm run new', () => {
	it('makes slugs from titles: lower case, ASCII, hyphens, no trailing punctuation', async () => {
		expect(slugify('Can I promote on TikTok?')).toBe('can-i-promote-on-tiktok');
		expect(slugify('Réglages d’équipe & “quotes”')).toBe('reglages-dequipe-quotes');
		expect(slugify('a '.repeat(50)).length).toBeLessThanOrEqual(60);
	});

	it('puts an FAQ in its collection with front matter its schema accepts', async () => {
		const faq = plan({ type: 'faq', title: 'Can I promote on TikTok?', topic: 'account' });
		expect(faq.path).toBe('src/content/faqs/can-i-promote-on-tiktok.md');
		expect(faq.url).toBe('/faq/account/#can-i-promote-on-tiktok');
		const data = faqSchema.parse(frontMatter(faq.text));
		expect(data).toMatchObject({
			question: 'Can I promote on TikTok?',
			audience: 'affiliate',
			topic: 'account',
			owner: 'partner-support',
		});
		expect(data.lastReviewed?.toISOString().slice(0, 10)).toBe('2026-11-23');
	});

	it('gives a new question the deep link of the page of its topic it will be on', async () => {
		const like = existing.find((f) => f.collection === 'faqs')!;
		const earlier = Array.from({ length: faqPageSize }, (_, i) => ({
			...like,
			id: `any-${i}`,
			path: `src/content/faqs/any-${i}.md`,
			raw: { question: `Any question ${i}?`, topic: 'payments' },
		}));
		// 25 questions sort before it, and "When do I get paid?" too: it is the 27th, on page 2.
		expect(
			planEntry({ today: '2026-11-23', type: 'faq', title: 'Where does my payout go?', topic: 'payments' }, [
				...existing,
				...earlier,
			]).url,
		).toBe('/faq/payments/2/#where-does-my-payout-go');
		expect(plan({ type: 'faq', title: 'Where does my payout go?', topic: 'payments' }).url).toBe(
			'/faq/payments/#where-does-my-payout-go',
		);
	});

	it('puts a guide in the folder of its audience', async () => {
		expect(plan({ type: 'guide', title: 'Returns for gift orders', audience: 'customer' }).path).toBe(
			'src/content/docs/customers/returns-for-gift-orders.mdx',
		);
	});

	it('starts a commission rule with the program’s lock period, not a fixed one', async () => {
		// The fixture's program: a 30-day return window plus the default 15-day delivery allowance = 45.
		const rule = parse(plan({ type: 'commission', title: 'Camp kitchen', rate: '7' }).text) as Record<string, unknown>;
		expect(rule['lockPeriodDays']).toBe(45);
		expect(rule['rate']).toBe(7);
	});

	it('starts a new terms version from the text of the newest, superseding it, 30 days ahead', async () => {
		const terms = plan({ type: 'terms', title: 'Program terms' });
		expect(terms.path).toBe('src/content/terms/v1-1.md');
		const data = termsSchema.parse(frontMatter(terms.text));
		expect(data).toMatchObject({ version: '1.1', supersedes: '1.0' });
		expect(data.effectiveDate.toISOString().slice(0, 10)).toBe('2026-12-23');
		expect(terms.text).toContain('Payments start at :fact[payoutThreshold].');
	});

	it.each([
		[
			{ type: 'faq', title: 'When do I get PAID?', topic: 'payments' },
			'"When do I get PAID?" is already the title of src/content/faqs/when-paid.md. | Edit that article, or give the new one a title that says what is different about it.',
		],
		[
			{ type: 'faq', title: 'When paid?', topic: 'payments' },
			'The slug "when-paid" is already used by src/content/faqs/when-paid.md. | Choose a title that gives a different file name.',
		],
		[
			{ type: 'terms', title: 'Program terms', version: '1.0' },
			'Version 1.0 already exists: src/content/terms/v1.md. | Give the new version a higher number with --version.',
		],
		[
			{ type: 'faq', title: 'How payouts work', topic: 'payments' },
			'An FAQ title is the question, ending with "?": "How payouts work". | Write it as the reader would ask it, e.g. "How payouts work?".',
		],
		[
			{ type: 'faq', title: 'Where is my money?' },
			'--topic is required for this type. | Use --topic with one of: commissions, payments, tracking, refunds-returns, warranty, pre-sale, invalid-conversions, disputes, account.',
		],
		[
			{ type: 'guide', title: 'Merchants start here', audience: 'merchant' },
			'Unknown audience "merchant". | Use --audience with one of: affiliate, customer, advertiser.',
		],
		[
			{ type: 'commission', title: 'Camp kitchen' },
			'--rate must be a percentage above 0 and at most 100, received null. | For a CPS rule paying 8 %, write --rate 8; change the model in the file for CPA, revenue share or tiers.',
		],
		[
			{ type: 'poem', title: 'Ode to payouts' },
			'Unknown type "poem". | Write: npm run new -- <type> "<title>", with type one of guide, faq, troubleshooting, disclosure, commission, terms.',
		],
	] as Array<[Partial<NewEntryArgs> & Pick<NewEntryArgs, 'type' | 'title'>, string]>)('refuses %o', (args, message) => {
		expect(refusal(args)).toBe(message);
	});
});
