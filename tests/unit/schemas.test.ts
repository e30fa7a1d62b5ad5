import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { faqSchema } from '../../src/schemas/faq.ts';
import { commissionSchema } from '../../src/schemas/commission.ts';
import { termsSchema } from '../../src/schemas/terms.ts';
import { troubleshootingSchema } from '../../src/schemas/troubleshooting.ts';
import { disclosureSchema } from '../../src/schemas/disclosure.ts';
import { programSchema } from '../../src/schemas/program.ts';
import { formatIssues } from '../../src/lib/errors.ts';

/** The messages a writer would read for this input, one line per field. */
function problems(schema: z.ZodType, input: unknown): string {
	const result = schema.safeParse(input);
	return result.success ? 'valid' : formatIssues(result.error.issues);
}

const faq = {
	question: 'When do I get paid?',
	description: 'Payments go out monthly once your balance is high enough.',
	audience: 'affiliate',
	topic: 'payments',
};

const tiered = {
	title: 'Footwear',
	description: 'Tiered percentage on boots and trail shoes by monthly sales.',
	offer: 'footwear',
	model: 'tiered',
	lockPeriodDays: 30,
	validFrom: '2026-01-01',
	tiers: [
		{ from: 0, to: 5000, rate: 5 },
		{ from: 5000, to: 20000, rate: 7 },
		{ from: 20000, rate: 10 },
	],
};

describe('faq schema', () => {
	it('accepts a complete question and fills defaults', () => {
		const parsed = faqSchema.parse(faq);
		expect(parsed.related).toEqual([]);
	});

	it('rejects an unknown audience and names the choices', () => {
		expect(problems(faqSchema, { ...faq, audience: 'merchant' })).toMatchInlineSnapshot(
			`"- audience: Unknown audience "merchant": expected one of affiliate, customer, advertiser."`,
		);
	});

	it('rejects wrong types, an unknown topic and a malformed reference, one line per field', () => {
		expect(problems(faqSchema, { ...faq, question: 42, topic: 'billing', related: ['when'] })).toMatchInlineSnapshot(`
			"- question: Invalid input: expected string, received number
			- topic: Unknown topic "billing": expected one of commissions, payments, tracking, refunds-returns, warranty, pre-sale, invalid-conversions, disputes, account.
			- related[0]: Expected a reference written "collection/id", for example "faqs/when-do-i-get-paid"."
		`);
	});
});

describe('commission schema', () => {
	it('accepts contiguous tiers', () => {
		expect(problems(commissionSchema, tiered)).toBe('valid');
	});

	it('rejects a rate outside 0–100 %', () => {
		expect(problems(commissionSchema, { ...tiered, model: 'cps', rate: 120, tiers: undefined })).toMatchInlineSnapshot(
			`"- rate: A commission rate cannot be above 100 %."`,
		);
		expect(problems(commissionSchema, { ...tiered, model: 'cps', rate: -1, tiers: undefined })).toMatchInlineSnapshot(
			`"- rate: A commission rate cannot be below 0 %."`,
		);
	});

	it('rejects a tier that overlaps the previous one', () => {
		const tiers = [tiered.tiers[0], { from: 4000, to: 20000, rate: 7 }, tiered.tiers[2]];
		expect(problems(commissionSchema, { ...tiered, tiers })).toMatchInlineSnapshot(
			`"- tiers[1].from: Tier 2 starts at 4000, which overlaps tier 1 (up to 5000)."`,
		);
	});

	it('rejects tiers that leave a gap', () => {
		const tiers = [tiered.tiers[0], { from: 6000, to: 20000, rate: 7 }, tiered.tiers[2]];
		expect(problems(commissionSchema, { ...tiered, tiers })).toMatchInlineSnapshot(
			`"- tiers[1].from: Tier 2 starts at 6000, leaving a gap after tier 1 (up to 5000)."`,
		);
	});

	it('requires the first tier to start at zero and only the last to be open-ended', () => {
		const tiers = [
			{ from: 100, rate: 5 },
			{ from: 5000, rate: 7 },
		];
		expect(problems(commissionSchema, { ...tiered, tiers })).toMatchInlineSnapshot(`
			"- tiers[0].from: The first tier must start at 0, not 100.
			- tiers[0].to: Tier 1 needs "to": only the last tier is open-ended."
		`);
	});

	it('rejects a rule that ends before it starts', () => {
		expect(problems(commissionSchema, { ...tiered, validTo: '2025-12-31' })).toMatchInlineSnapshot(
			`"- validTo: validTo is before validFrom."`,
		);
	});

	it('asks a CPA rule for its amount and action', () => {
		expect(problems(commissionSchema, { ...tiered, model: 'cpa', tiers: undefined })).toMatchInlineSnapshot(`
			"- amount: Invalid input: expected number, received undefined
			- action: Invalid input: expected string, received undefined"
		`);
	});
});

describe('terms schema', () => {
	it('rejects a version that is not MAJOR.MINOR and a date that is not a date', () => {
		expect(
			problems(termsSchema, {
				title: 'Program terms',
				version: 'v3',
				effectiveDate: 'soon',
				description: 'The terms every affiliate agrees to.',
			}),
		).toMatchInlineSnapshot(`
			"- version: Expected a version written MAJOR.MINOR, e.g. "3.1".
			- effectiveDate: Expected a date written as YYYY-MM-DD, received "soon"."
		`);
	});
});

describe('troubleshooting and disclosure schemas', () => {
	it('needs at least two ordered steps', () => {
		const guide = {
			title: 'My link is not tracking',
			description: 'Clicks on your link do not appear in the dashboard.',
			audience: 'affiliate',
			symptoms: ['Clicks stay at zero'],
			causes: [{ cause: 'Link is malformed', check: 'Open it and look at the address bar' }],
			steps: [{ title: 'Rebuild the link', text: 'Use the link builder in your dashboard.' }],
			contactSupport: 'If clicks still do not appear after a day, write to us.',
		};
		expect(problems(troubleshootingSchema, guide)).toMatchInlineSnapshot(
			`"- steps: Too small: expected array to have >=2 items"`,
		);
	});

	it('rejects an unknown channel and a source without a URL', () => {
		const rule = {
			title: 'Disclosing on a fax',
			description: 'How to disclose in a fax, which is not a channel we cover.',
			channel: 'fax',
			rule: 'Say that you earn a commission before the link.',
			compliant: ['#ad'],
			nonCompliant: [{ example: '#sp', why: 'Readers do not know what it means.' }],
			sources: [{ name: 'FTC Endorsement Guides', url: 'not a url' }],
		};
		expect(problems(disclosureSchema, rule)).toMatchInlineSnapshot(`
			"- channel: Unknown channel "fax": expected one of blog, video, social, email, podcast, live-stream, coupon-site.
			- sources[0].url: Invalid URL"
		`);
	});
});

describe('program schema', () => {
	it('rejects an unknown time zone and a malformed currency', () => {
		const result = programSchema.safeParse({
			currency: 'dollars',
			support: [
				{
					id: 'x',
					label: 'X',
					kind: 'email',
					contact: 'x@y.z',
					audiences: ['affiliate'],
					hours: { timeZone: 'Mars/Olympus', days: ['mon'], opens: '09:00', closes: '17:00' },
					firstResponseHours: 8,
				},
			],
		});
		expect(result.success).toBe(false);
		const text = formatIssues(result.error!.issues);
		expect(text).toContain('- currency: Expected an ISO 4217 currency code such as USD.');
		expect(text).toContain(
			'- support[0].hours.timeZone: Expected an IANA time zone such as "America/Denver" or "Europe/Berlin".',
		);
	});
});
