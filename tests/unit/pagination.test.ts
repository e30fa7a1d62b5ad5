import { describe, expect, it } from 'vitest';
import { faqPageSize, faqPages, pageNumbers, paginate } from '../../src/lib/pagination.ts';
import { listAt, urls } from '../../src/lib/urls.ts';
import { checkIntegrity, type EntryLike } from '../../src/lib/integrity.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import { audiences } from '../../src/schemas/common.ts';
import { fieldOf } from '../../src/lib/errors.ts';
import { reachability } from '../../scripts/writers/lib/rules/reachability.ts';
import type { SourceFile } from '../../scripts/writers/lib/content-files.ts';

const program = loadProgram(new URL('../../', import.meta.url));
const facts = factsFrom(program);
const pad = (n: number) => String(n).padStart(2, '0');

describe('paginate', () => {
	it('cuts a list into pages of the size given, in order, the last one shorter', () => {
		expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(paginate([1, 2, 3, 4], 2)).toEqual([
			[1, 2],
			[3, 4],
		]);
		expect(paginate([], 25)).toEqual([[]]);
		expect(() => paginate([1], 0)).toThrow('A page holds at least one entry, received a page size of 0.');
	});
});

describe('pageNumbers', () => {
	it('shows every page of a short list', () => {
		expect(pageNumbers(1, 1)).toEqual([1]);
		expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
		expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
	});

	it('shows the first, the last and the neighbours of the current page, with a gap for the rest', () => {
		expect(pageNumbers(1, 5)).toEqual([1, 2, null, 5]);
		expect(pageNumbers(1, 20)).toEqual([1, 2, null, 20]);
		expect(pageNumbers(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
		expect(pageNumbers(20, 20)).toEqual([1, null, 19, 20]);
		// A gap of one page shows that page: "1 … 3" would hide only 2.
		expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
		expect(pageNumbers(17, 20)).toEqual([1, null, 16, 17, 18, 19, 20]);
	});

	it('never shows more than seven entries, however many pages there are', () => {
		for (const count of [1, 7, 50, 1000]) {
			for (let current = 1; current <= count; current++) {
				const shown = pageNumbers(current, count);
				expect(shown.length).toBeLessThanOrEqual(7);
				expect(shown).toContain(current);
				expect(shown[0]).toBe(1);
				expect(shown.at(-1)).toBe(count);
			}
		}
	});
});

describe('faqPages', () => {
	it('puts each question on a page of its own topic, by the order of the questions, not of the files', () => {
		const questions = Array.from({ length: faqPageSize + 3 }, (_, i) => ({
			id: `q-${pad(40 - i)}`,
			topic: 'payments',
			question: `Question ${pad(i + 1)}?`,
		}));
		const other = [{ id: 'q-99', topic: 'account', question: 'Zebra?' }];
		const pages = faqPages([...[...questions].reverse(), ...other]);
		expect(questions.map((q) => pages.get(q.id))).toEqual([...Array(faqPageSize).fill(1), 2, 2, 2]);
		expect(pages.get('q-99')).toBe(1);
	});

	it('orders equal questions by id, so every caller places them alike', () => {
		const twins = Array.from({ length: faqPageSize + 1 }, (_, i) => ({
			id: `same-${pad(i)}`,
			topic: 'payments',
			question: 'Same?',
		}));
		expect(faqPages([...twins].reverse()).get(`same-${pad(faqPageSize)}`)).toBe(2);
	});
});

describe('addresses of paginated pages', () => {
	it('keeps page 1 at the list’s own address and numbers the others', () => {
		expect(urls.faqTopic('payments')).toBe('/faq/payments/');
		expect(urls.faqTopic('payments', 1)).toBe('/faq/payments/');
		expect(urls.faqTopic('payments', 2)).toBe('/faq/payments/2/');
		expect(urls.faq('payments', 'when-do-i-get-paid', 1)).toBe('/faq/payments/#when-do-i-get-paid');
		expect(urls.faq('payments', 'when-do-i-get-paid', 3)).toBe('/faq/payments/3/#when-do-i-get-paid');
		expect(urls.troubleshootingList('affiliate')).toBe('/troubleshooting/for-affiliates/');
		expect(urls.guideList('customer', 4)).toBe('/guides/for-customers/4/');
	});

	it('reads a full list back from its address, and nothing else', () => {
		for (const audience of audiences) {
			for (const page of [1, 2, 12]) {
				expect(listAt(urls.troubleshootingList(audience, page))).toEqual({ kind: 'troubleshooting', audience, page });
				expect(listAt(urls.guideList(audience, page))).toEqual({ kind: 'guides', audience, page });
			}
		}
		for (const path of [
			'/troubleshooting/for-affiliates/1/',
			'/troubleshooting/link-not-tracking/',
			'/guides/for-merchants/',
			'/affiliates/guides/',
			'/faq/payments/2/',
			'/guides/for-affiliates/2/extra/',
		]) {
			expect(listAt(path), path).toBeUndefined();
		}
	});

	it('refuses an article that would take the address of a full list', () => {
		const entries: EntryLike[] = [
			{
				collection: 'troubleshooting',
				id: 'for-affiliates',
				filePath: 'src/content/troubleshooting/for-affiliates.md',
				data: {},
			},
			{
				collection: 'docs',
				id: 'guides/for-customers/2',
				filePath: 'src/content/docs/guides/for-customers/2.md',
				data: {},
			},
			{
				collection: 'docs',
				id: 'guides/for-customers-too',
				filePath: 'src/content/docs/guides/for-customers-too.md',
				data: {},
			},
		];
		expect(checkIntegrity(entries, facts).map((p) => `${p.where.file} › ${fieldOf(p.where)}: ${p.message}`)).toEqual([
			'src/content/troubleshooting/for-affiliates.md › file name: /troubleshooting/for-affiliates/ is the address of the list of troubleshooting guides for affiliates.',
			'src/content/docs/guides/for-customers/2.md › file name: /guides/for-customers/2/ is the address of the list of guides for customers (page 2).',
		]);
	});
});

describe('the content check’s reachability rule', () => {
	const faqFile = (id: string, question: string): SourceFile => ({
		collection: 'faqs',
		id,
		path: `src/content/faqs/${id}.md`,
		raw: { question, topic: 'payments' },
		body: '',
		bodyLine: 1,
		lineOf: () => 1,
	});
	const check = (files: SourceFile[]) =>
		reachability({
			files,
			data: new Map(files.map((f) => [f.path, { ...(f.raw as object), related: [] }])),
			program,
			facts,
			config: { review: { warnAfterDays: 180, failAfterDays: 365 }, stewardship: [] },
			today: new Date('2026-11-23T00:00:00Z'),
		});

	it('reaches a question on a later page of its topic through the pages before it', () => {
		const files = Array.from({ length: faqPageSize * 2 + 1 }, (_, i) => faqFile(`q-${pad(i)}`, `Question ${pad(i)}?`));
		expect(check(files)).toEqual([]);
	});
});
