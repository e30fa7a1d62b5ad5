import { describe, expect, it } from 'vitest';
import { checkIntegrity, type EntryLike } from '../../src/lib/integrity.ts';
import { fieldOf, formatProblems } from '../../src/lib/errors.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';

const facts = factsFrom(loadProgram(new URL('../../', import.meta.url)));
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const faq = (id: string, related: string[] = []): EntryLike => ({
	collection: 'faqs',
	id,
	filePath: `src/content/faqs/${id}.md`,
	data: { question: `${id}?`, related },
});
const terms = (id: string, version: string, effectiveDate: string, supersedes?: string): EntryLike => ({
	collection: 'terms',
	id,
	filePath: `src/content/terms/${id}.md`,
	data: { version, effectiveDate: d(effectiveDate), ...(supersedes ? { supersedes } : {}) },
});
const rule = (id: string, offer: string, validFrom: string, validTo?: string): EntryLike => ({
	collection: 'commission',
	id,
	filePath: `src/content/commission/${id}.yaml`,
	data: { offer, validFrom: d(validFrom), ...(validTo ? { validTo: d(validTo) } : {}) },
});

describe('checkIntegrity', () => {
	it('finds nothing wrong in consistent entries', () => {
		const entries = [
			faq('a', ['faqs/b']),
			faq('b'),
			terms('v1', '1.0', '2025-01-01'),
			terms('v2', '2.0', '2026-01-01', '1.0'),
			rule('old', 'gear', '2025-01-01', '2025-12-31'),
			rule('new', 'gear', '2026-01-01'),
		];
		expect(checkIntegrity(entries, facts)).toEqual([]);
	});

	it('reports a related reference that does not resolve, with the closest names', () => {
		const problems = checkIntegrity(
			[faq('when-do-i-get-paid', ['faqs/payout-treshold']), faq('payout-threshold')],
			facts,
		);
		expect(formatProblems(problems)).toMatchInlineSnapshot(`
			"src/content/faqs/when-do-i-get-paid.md › related[0]: "faqs/payout-treshold" does not match any article.
			  Hint: Check the spelling; it must be "collection/file-name-without-extension". Similar: faqs/payout-threshold, faqs/when-do-i-get-paid."
		`);
	});

	it('reports two versions of the terms with the same effective date', () => {
		const problems = checkIntegrity([terms('v1', '1.0', '2026-01-01'), terms('v2', '2.0', '2026-01-01', '1.0')], facts);
		expect(formatProblems(problems)).toMatchInlineSnapshot(`
			"src/content/terms/v2.md › effectiveDate: 2026-01-01 is also the effective date of version 1.0 (src/content/terms/v1.md).
			  Hint: Two versions of the terms cannot take effect on the same day: change one of the dates."
		`);
	});

	it('reports a version that supersedes a version that does not exist', () => {
		const problems = checkIntegrity([terms('v2', '2.0', '2026-01-01', '1.5')], facts);
		expect(problems).toEqual([
			expect.objectContaining({
				where: { file: 'src/content/terms/v2.md', path: ['supersedes'] },
				message: 'Version 1.5 does not exist.',
			}),
		]);
	});

	it('reports commission rules for one offer whose validity overlaps', () => {
		const problems = checkIntegrity(
			[rule('old', 'gear', '2025-01-01', '2026-01-31'), rule('new', 'gear', '2026-01-01')],
			facts,
		);
		expect(formatProblems(problems)).toMatchInlineSnapshot(`
			"src/content/commission/new.yaml › validFrom: Offer "gear" already has a rule valid from 2025-01-01 to 2026-01-31 (src/content/commission/old.yaml).
			  Hint: End the earlier rule (validTo) the day before this one starts, or start this one after it ends."
		`);
	});

	it('treats a rule without an end date as open-ended', () => {
		expect(checkIntegrity([rule('a', 'gear', '2025-01-01'), rule('b', 'gear', '2030-01-01')], facts)).toHaveLength(1);
		expect(checkIntegrity([rule('a', 'gear', '2025-01-01'), rule('b', 'boots', '2025-01-01')], facts)).toEqual([]);
	});

	it('reports an unknown fact in front matter text with its field', () => {
		const entry: EntryLike = {
			collection: 'troubleshooting',
			id: 't',
			filePath: 'src/content/troubleshooting/t.md',
			data: { steps: [{ title: 'Wait', text: 'Wait until :fact[payoutTreshold].' }] },
		};
		expect(checkIntegrity([entry], facts)).toEqual([
			expect.objectContaining({
				where: { file: 'src/content/troubleshooting/t.md', path: ['steps', 0, 'text'] },
				message: 'Unknown fact ":fact[payoutTreshold]".',
			}),
		]);
	});

	it('reports a rule that is an alternative to an offer no rule pays on', () => {
		const cpa: EntryLike = {
			...rule('club-cpa', 'club-cpa', '2026-01-01'),
			data: { ...rule('club-cpa', 'club-cpa', '2026-01-01').data, alternativeTo: 'club' },
		};
		expect(checkIntegrity([cpa], facts)).toEqual([
			expect.objectContaining({
				where: { file: 'src/content/commission/club-cpa.yaml', path: ['alternativeTo'] },
				message: 'No commission rule pays on offer "club".',
			}),
		]);
		expect(checkIntegrity([cpa, rule('club', 'club', '2026-01-01')], facts)).toEqual([]);
	});

	it('checks the references of an entry that failed its schema, but not the rules that need its whole data', () => {
		const broken: EntryLike = { ...faq('broken', ['faqs/missing']), partial: true };
		const loose: EntryLike = {
			...rule('loose', 'gear', '2026-01-01'),
			data: { offer: 'gear', validFrom: '2026-01-01' },
			partial: true,
		};
		const problems = checkIntegrity([broken, loose, rule('gear', 'gear', '2025-01-01')], facts);
		expect(problems.map((p) => `${p.where.file} ${fieldOf(p.where)}`)).toEqual([
			'src/content/faqs/broken.md related[0]',
		]);
	});

	it('checks references without facts, when the program file itself is broken', () => {
		const entry: EntryLike = { ...faq('a', ['faqs/nope']), body: 'See :fact[nothing].' };
		expect(checkIntegrity([entry]).map((p) => fieldOf(p.where))).toEqual(['related[0]']);
	});

	it('reports a reference into a collection that does not exist, naming the collections', () => {
		expect(formatProblems(checkIntegrity([faq('a', ['faq/when'])], facts))).toMatchInlineSnapshot(`
			"src/content/faqs/a.md › related[0]: "faq/when" does not name a collection.
			  Hint: Write it "collection/id" with collection one of docs, faqs, troubleshooting, disclosures, commission, terms, for example "faqs/when-do-i-get-paid"."
		`);
	});

	it('reports an unknown fact in a body on its line: of the file where the loader knows it, of the text where not', () => {
		const body = 'First line.\nPaid from :fact[payoutTreshold].';
		expect(checkIntegrity([{ ...faq('a'), body, bodyLine: 7 }], facts).map((p) => p.where)).toEqual([
			{ file: 'src/content/faqs/a.md', line: 8 },
		]);
		expect(formatProblems(checkIntegrity([{ ...faq('a'), body }], facts)).split('\n')[0]).toBe(
			'src/content/faqs/a.md › body, line 2 of the text: Unknown fact ":fact[payoutTreshold]".',
		);
	});
});
