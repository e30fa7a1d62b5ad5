import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readContent, readProgram } from '../../scripts/writers/lib/content-files.ts';
import {
	NewEntryError,
	planEntry,
	planTranslation,
	type NewEntryArgs,
	type TranslationArgs,
} from '../../scripts/writers/lib/new-entry.ts';
import { checkContent } from '../../scripts/writers/lib/check.ts';
import { sourceHash } from '../../src/i18n/translations.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { slugify } from '../../scripts/writers/lib/scaffold.ts';
import { faqSchema } from '../../src/schemas/faq.ts';
import { faqPageSize } from '../../src/lib/pagination.ts';
import { termsSchema } from '../../src/schemas/terms.ts';
import { materializeFixture, projectRoot, removeFixture } from '../helpers/fixtures.ts';

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

const guide =
	"---\ntitle: Payments for affiliates\ndescription: When and how we pay, and what the payout threshold is.\naudience: affiliate\nowner: partner-support\nlastReviewed: 2026-11-01\n---\nimport PaymentMethods from '../../../components/PaymentMethods.astro';\n\nWe pay monthly.\n\n<PaymentMethods />\n";
const at = materializeFixture('changed-facts');
afterAll(() => removeFixture(at));
mkdirSync(join(at, 'src/content/docs/affiliates'), { recursive: true });
writeFileSync(join(at, 'src/content/docs/affiliates/payments.mdx'), guide);
const content = await readContent(at);
describe('npm run new -- --locale de <type> <id>', () => {
	const translate = (args: Omit<TranslationArgs, 'locale'> & { locale?: string }) =>
		planTranslation(
			{ locale: 'de', ...args },
			content,
			(path) => readFileSync(join(at, path)),
			(path) => existsSync(join(at, path)),
		);
	const refused = (args: Omit<TranslationArgs, 'locale'> & { locale?: string }) => {
		try {
			translate(args);
		} catch (error) {
			if (error instanceof NewEntryError) return `${error.message} | ${error.hint}`;
			throw error;
		}
		throw new Error('expected a refusal');
	};

	it('copies the English entry to the German path, records its source and marks the words to translate', () => {
		const plan = translate({ type: 'faq', id: 'when-paid' });
		expect(plan.path).toBe('src/content/faqs/de/when-paid.md');
		expect(plan.url).toBe('/de/faq/payments/#when-paid');
		const data = frontMatter(plan.text);
		expect(data).toEqual({
			question: 'TODO: When do I get paid?',
			description: 'TODO: Monthly, once the balance reaches the threshold.',
			audience: 'affiliate',
			topic: 'payments',
			owner: 'partner-support',
			lastReviewed: '2026-11-01',
			translatedFrom: { sha256: sourceHash(readFileSync(join(at, 'src/content/faqs/when-paid.md'))) },
		});
		// The English body stays, below a line that says what to do.
		expect(plan.text).toContain(
			'\n<!-- TODO: translate the text below into German (headings, paragraphs, lists, tables); keep :fact[…], links, components and code as they are, then delete this line. -->\n\nOn the :fact[paymentDay], once your balance reaches :fact[payoutThreshold].\n',
		);
	});

	it('takes the collection’s name as well as the type, and a guide by its path', () => {
		expect(translate({ type: 'faqs', id: 'when-paid.md' }).path).toBe('src/content/faqs/de/when-paid.md');
		expect(translate({ type: 'terms', id: 'v1' }).path).toBe('src/content/terms/de/v1.md');
		expect(translate({ type: 'docs', id: 'src/content/docs/affiliates/payments.mdx' }).path).toBe(
			'src/content/docs/de/affiliates/payments.mdx',
		);
	});

	it("rewrites a guide's relative imports for the folder one level deeper, so that they name the same file", () => {
		const plan = translate({ type: 'guide', id: 'affiliates/payments' });
		const spec = /^import PaymentMethods from '([^']+)';$/m.exec(plan.text)![1]!;
		expect(spec).toBe('../../../../components/PaymentMethods.astro');
		expect(resolve(dirname(join(at, plan.path)), spec)).toBe(
			resolve(join(at, 'src/content/docs/affiliates'), '../../../components/PaymentMethods.astro'),
		);
		// The instruction is an MDX comment, below the imports, which stay at the top.
		expect(plan.text.split('---\n')[2]!.split('\n').slice(0, 3)).toEqual([
			"import PaymentMethods from '../../../../components/PaymentMethods.astro';",
			'',
			'{/* TODO: translate the text below into German (headings, paragraphs, lists, tables); keep :fact[…], links, components and code as they are, then delete this line. */}',
		]);
	});

	it('cannot ship untranslated: the content check fails the scaffold on every marked text', async () => {
		const plan = translate({ type: 'faq', id: 'when-paid' });
		const root = materializeFixture('changed-facts');
		try {
			mkdirSync(join(root, dirname(plan.path)), { recursive: true });
			writeFileSync(join(root, plan.path), plan.text);
			const found = (await checkContent(root, { today: new Date('2026-11-23T00:00:00Z') })).map(
				(f) => `${f.where.file}:${f.where.line}: ${f.message}`,
			);
			expect(found).toEqual([
				'src/content/faqs/de/when-paid.md:2: Placeholder left: "TODO: When do I get paid?".',
				'src/content/faqs/de/when-paid.md:3: Placeholder left: "TODO: Monthly, once the balance reaches the threshold.".',
				expect.stringMatching(/^src\/content\/faqs\/de\/when-paid\.md:12: Placeholder left: "<!-- TODO: translate/),
			]);
		} finally {
			removeFixture(root);
		}
	});

	it.each([
		[
			{ type: 'faq', id: 'when-payed' },
			'There is no English faq "when-payed" in src/content/faqs/ to translate. | A translation starts from an existing English entry, named by its id (the file name without extension). Closest: when-paid.',
		],
		[
			{ type: 'faq', id: '' },
			'Which faq should be translated? The id is missing. | Write: npm run new -- --locale de <type> <id>, e.g. npm run new -- --locale de faq payout-threshold.',
		],
		[
			{ type: 'disclosure', id: 'social' },
			'There is no English disclosure "social" in src/content/disclosures/ to translate. | Start the English entry first: npm run new -- disclosure "<title>".',
		],
		[
			{ type: 'faq', id: 'when-paid', locale: 'fr' },
			'Unknown language "fr" for --locale. | Use one of: de. English is the source language: new English entries are made without --locale.',
		],
		[
			{ type: 'faq', id: 'when-paid', others: ['topic'] },
			'--topic does not apply to a translation. | A translation keeps every field of its English entry but the words: leave the option out.',
		],
		[
			{ type: 'poem', id: 'ode' },
			'Unknown type "poem". | Write: npm run new -- --locale de <type> <id>, e.g. npm run new -- --locale de faq payout-threshold. The type is one of guide, faq, troubleshooting, disclosure, commission, terms.',
		],
	] as Array<[Omit<TranslationArgs, 'locale'> & { locale?: string }, string]>)('refuses %o', (args, message) => {
		expect(refused(args)).toBe(message);
	});

	it('refuses a translation that exists already, and a German file as the source', async () => {
		mkdirSync(join(at, 'src/content/faqs/de'), { recursive: true });
		writeFileSync(join(at, 'src/content/faqs/de/when-paid.md'), '---\nquestion: Wann?\n---\n');
		expect(refused({ type: 'faq', id: 'when-paid' })).toBe(
			'src/content/faqs/de/when-paid.md already exists. | Edit that translation; `npm run translations` says whether its English source changed since it was translated.',
		);
		mkdirSync(join(at, 'src/content/docs/de'), { recursive: true });
		writeFileSync(join(at, 'src/content/docs/de/nur-deutsch.mdx'), '---\ntitle: Nur Deutsch\n---\n');
		const files = await readContent(at);
		expect(() =>
			planTranslation(
				{ locale: 'de', type: 'guide', id: 'de/nur-deutsch' },
				files,
				(p) => readFileSync(join(at, p)),
				(p) => existsSync(join(at, p)),
			),
		).toThrow(/There is no English guide "de\/nur-deutsch"/);
	});

	it('writes the file from the command line, and refuses to overwrite it', () => {
		const root = materializeFixture('changed-facts');
		try {
			const run = () =>
				spawnSync(
					process.execPath,
					[join(projectRoot, 'scripts/writers/new-entry.ts'), '--locale', 'de', 'faq', 'when-paid', '--root', root],
					{ encoding: 'utf8' },
				);
			const first = run();
			expect(first.status).toBe(0);
			expect(first.stdout).toContain('Created src/content/faqs/de/when-paid.md');
			expect(readFileSync(join(root, 'src/content/faqs/de/when-paid.md'), 'utf8')).toContain(
				'question: "TODO: When do I get paid?"',
			);
			const second = run();
			expect(second.status).toBe(1);
			expect(second.stderr).toContain('error: src/content/faqs/de/when-paid.md already exists.');
		} finally {
			removeFixture(root);
		}
	});
});
