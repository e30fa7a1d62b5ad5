import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkContent, formatFinding } from '../../scripts/writers/lib/check.ts';
import { materializeFixture, projectRoot, removeFixture } from '../helpers/fixtures.ts';
import { pathToFileURL } from 'node:url';
import { messages } from '../../src/lib/errors.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import { sourceHash } from '../../src/i18n/translations.ts';
import { markTranslation } from '../../scripts/writers/translations.ts';
import { translationsOf, untranslatedSummary } from '../../scripts/writers/lib/translation-check.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeFixture));

/** Reviews in the fixtures are aged against this day, so that they do not go stale with the calendar. */
const today = new Date('2026-11-23T00:00:00Z');

/** The content check's report for a fixture scenario, one finding per line. */
async function report(scenario: string): Promise<string> {
	const root = materializeFixture(scenario);
	roots.push(root);
	return (await checkContent(root, { today })).map(formatFinding).join('\n');
}

describe('npm run check:content', () => {
	it('passes the real content with no errors', async () => {
		const errors = (await checkContent(projectRoot)).filter((f) => f.severity === 'error');
		expect(errors.map(formatFinding)).toEqual([]);
	});

	it('passes the base fixture', async () => {
		expect(await report('changed-facts')).toBe('');
	});

	it.each([
		['wrong-type', 'src/content/commission/bad.yaml:5: error rate: Expected a percentage as a number, e.g. 8 for 8 %.'],
		[
			'unknown-audience',
			'src/content/faqs/bad.md:4: error audience: Unknown audience "merchant": expected one of affiliate, customer, advertiser.',
		],
		[
			'unresolved-related',
			'src/content/faqs/bad.md:7: error related[0]: "troubleshooting/does-not-exist" does not match any article.',
		],
		['rate-out-of-range', 'src/content/commission/bad.yaml:5: error rate: A commission rate cannot be above 100 %.'],
		[
			'tiers-overlap',
			'src/content/commission/bad.yaml:9: error tiers[1].from: Tier 2 starts at 4000, which overlaps tier 1 (up to 5000).',
		],
		[
			'tiers-gap',
			'src/content/commission/bad.yaml:9: error tiers[1].from: Tier 2 starts at 6000, leaving a gap after tier 1 (up to 5000).',
		],
		[
			'duplicate-terms-date',
			'src/content/terms/v2.md:4: error effectiveDate: 2025-01-01 is also the effective date of version 1.0 (src/content/terms/v1.md).',
		],
		[
			'overlapping-validity',
			'src/content/commission/gear-new.yaml:7: error validFrom: Offer "gear" already has a rule valid from 2025-01-01 to open end (src/content/commission/gear-old.yaml).',
		],
		['unknown-fact', 'src/content/faqs/bad.md:8: error: Unknown fact ":fact[minimumPayout]".'],
	])('reports %s with file, line and field', async (scenario, expected) => {
		expect((await report(scenario)).split('\n')).toContain(expected);
	});
});

describe('content rules beyond the schemas', () => {
	it('requires a description, an owner and a last-reviewed date on every article', async () => {
		expect(await report('missing-stewardship')).toMatchInlineSnapshot(`
			"src/content/docs/affiliates/onboarding/first-steps.mdx:2: error description: Every article needs "description".
			    hint: Add \`description:\` with one sentence (20–200 characters) that says what the reader finds here; search results and share cards show it.
			src/content/docs/affiliates/onboarding/first-steps.mdx:2: error owner: Every article needs "owner".
			    hint: Add \`owner:\` with the team or person who answers for this article, e.g. \`owner: partner-support\`.
			src/content/docs/affiliates/onboarding/first-steps.mdx:2: error lastReviewed: Every article needs "lastReviewed".
			    hint: Add \`lastReviewed:\` with the day you checked the article against the program, written YYYY-MM-DD."
		`);
	});

	it('warns about a stale review and fails a far older one', async () => {
		expect(await report('stale-review')).toMatchInlineSnapshot(`
			"src/content/faqs/old-answer.md:7: error lastReviewed: Last reviewed 2024-06-01, 905 days ago (the limit is 365).
			    hint: Check the article against the program and the current terms, fix what changed, then set \`lastReviewed: 2026-11-23\`.
			src/content/faqs/aging-answer.md:7: warning lastReviewed: Last reviewed 2026-03-01, 267 days ago (reviews are due after 180).
			    hint: Check the article against the program and the current terms, fix what changed, then set \`lastReviewed: 2026-11-23\`."
		`);
	});

	it('fails two articles with the same title, ignoring case and spacing', async () => {
		expect(await report('duplicate-title')).toMatchInlineSnapshot(`
			"src/content/faqs/when-paid.md:2: error question: "When do I get paid?" is also the question of src/content/faqs/paid-when.md.
			    hint: Readers tell pages apart by their titles in search and navigation: make this one say what is different about it, or merge the two."
		`);
	});

	it('fails a guide that no navigation, hub or page links to', async () => {
		expect(await report('unreachable-page')).toMatchInlineSnapshot(`
			"src/content/docs/orphan.mdx:2: error: No page of the navigation leads to /orphan/: readers can only find it by search.
			    hint: Give it an \`audience\` so that its hub lists it, link to it from a hub or a guide, or add it to a sidebar group in src/navigation.ts."
		`);
	});

	it('fails program facts typed by hand, in prose and in data, but not other numbers', async () => {
		expect(await report('hand-typed-fact')).toMatchInlineSnapshot(`
			"src/content/commission/gear.yaml:11: error notes[0]: "30 days" is typed by hand; it is the program's cookieWindow.
			    hint: Write :fact[cookieWindow] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/minimum.md:10: error: "$50" is typed by hand; it is the program's payoutThreshold.
			    hint: Write :fact[payoutThreshold] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/minimum.md:10: error: "14 days" contradicts the program's returnWindow, which is 30 days.
			    hint: If the sentence states the returnWindow, write :fact[returnWindow]; if it means something else, say what, so that readers do not take it for the returnWindow.
			src/content/faqs/minimum.md:12: error: "partners@tallwood.example" is typed by hand; it is the program's partnerEmail.
			    hint: Write :fact[partnerEmail] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/minimum.md:14: error: "15th" is typed by hand; it is the program's paymentDay.
			    hint: Write :fact[paymentDay] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/minimum.md:14: error: "30 days" is typed by hand; it is the program's returnWindow.
			    hint: Write :fact[returnWindow] instead, so that the text follows src/content/program/program.yaml when it changes."
		`);
	});

	it('names the fact for a typed refund time and a typed amount, and reports a figure that contradicts a fact', async () => {
		expect(await report('hand-typed-figures')).toMatchInlineSnapshot(`
			"src/content/faqs/refunds.md:10: error: "5–10 business days" is typed by hand; it is the program's refundTime.
			    hint: Write :fact[refundTime] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/refunds.md:12: error: "$50" is typed by hand; it is the program's payoutThreshold.
			    hint: Write :fact[payoutThreshold] instead, so that the text follows src/content/program/program.yaml when it changes.
			src/content/faqs/refunds.md:14: error: "14 days" contradicts the program's returnWindow, which is 30 days.
			    hint: If the sentence states the returnWindow, write :fact[returnWindow]; if it means something else, say what, so that readers do not take it for the returnWindow."
		`);
	});

	it('reports problems of different kinds in one run: a schema error does not hide the broken link beside it', async () => {
		expect(await report('problems-in-one-run')).toMatchInlineSnapshot(`
			"src/content/faqs/broken.md:2: error question: A question ends with "?".
			src/content/faqs/broken.md:9: error related[0]: "troubleshooting/no-such-guide" does not match any article.
			    hint: Write it as "collection/file-name-without-extension".
			src/content/faqs/misfiled.md:4: error audience: Topic "warranty" is for customers, not for advertisers.
			    hint: Change the audience to customer, or move the entry to a topic for advertisers (content-check.yaml, audiences.topics, says who each topic is for)."
		`);
	});

	it("fails an audience that does not fit the folder, warns about a title in another audience's words", async () => {
		expect(await report('audience-misfit')).toMatchInlineSnapshot(`
			"src/content/docs/customers/payouts.mdx:4: error audience: Guides under src/content/docs/customers/ are for customers, but this one says audience: affiliate.
			    hint: Set \`audience: customer\`, or move the file to the folder for affiliates.
			src/content/faqs/postback.md:4: warning audience: "Why did my postback fail?" reads as a question for advertisers ("postback"), but the audience is affiliate.
			    hint: If it is for advertisers, set \`audience: advertiser\`; if not, name the affiliate's side of it in the title."
		`);
	});

	it('goes on past a broken program file, reporting the content problems as well', async () => {
		const root = materializeFixture('problems-in-one-run');
		roots.push(root);
		const file = join(root, 'src/content/program/program.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('currency: USD', 'currency: dollars'));
		const found = (await checkContent(root, { today })).map(formatFinding);
		expect(found).toContain(
			'src/content/program/program.yaml:6: error currency: Expected an ISO 4217 currency code such as USD.',
		);
		expect(found).toContain('src/content/faqs/broken.md:2: error question: A question ends with "?".');
		expect(
			found.some((f) =>
				f.startsWith('src/content/faqs/broken.md:9: error related[0]: "troubleshooting/no-such-guide"'),
			),
		).toBe(true);
	});

	it("fails headings that skip a level or climb above the body's first level, ignoring code", async () => {
		expect(await report('heading-order')).toMatchInlineSnapshot(`
			"src/content/docs/affiliates/onboarding/outline.mdx:10: error: Heading "Details" jumps from level 2 to level 4.
			    hint: Screen reader users navigate by heading level: write it with ###, or add the missing level above it.
			src/content/docs/affiliates/onboarding/outline.mdx:16: error: Heading "A second title" is level 1; headings in this article start at level 2.
			    hint: Write it with ##: the title is the only level-1 heading.
			src/content/faqs/answer-headings.md:10: error: Heading "In short" is level 2; headings in this answer start at level 3.
			    hint: Write it with ###: the question is the level-2 heading of the answer."
		`);
	});

	it('fails images without alt text, in Markdown and HTML', async () => {
		expect(await report('missing-alt')).toMatchInlineSnapshot(`
			"src/content/docs/affiliates/onboarding/screenshots.mdx:8: error: Image "/dashboard.png" has no alt text.
			    hint: Describe what the image shows for readers who cannot see it, e.g. ![Dashboard with the Payments tab open](…). If the image only decorates, leave it out.
			src/content/docs/affiliates/onboarding/screenshots.mdx:10: error: Image "/payments.png" has no alt text.
			    hint: Describe what the image shows for readers who cannot see it, e.g. alt="Dashboard with the Payments tab open". If the image only decorates, leave it out."
		`);
	});

	it('fails placeholders that npm run new left, in front matter and body', async () => {
		expect(await report('placeholder-left')).toMatchInlineSnapshot(`
			"src/content/faqs/draft.md:3: error description: Placeholder left: "TODO: one sentence that says what the reader finds here.".
			    hint: Replace the TODO text that \`npm run new\` left with the real words; the text after "TODO:" says what belongs there.
			src/content/faqs/draft.md:10: error: Placeholder left: "TODO: the answer, starting with the short version.".
			    hint: Replace the TODO text that \`npm run new\` left with the real words; the text after "TODO:" says what belongs there."
		`);
	});

	it('reports bad settings in content-check.yaml', async () => {
		expect(await report('bad-check-config')).toMatchInlineSnapshot(`
			"content-check.yaml:3: error review.failAfterDays: failAfterDays must be greater than warnAfterDays.
			    hint: See src/schemas/content-check.ts for the settings and their defaults."
		`);
	});

	it('ages reviews against the day it is given', async () => {
		const root = materializeFixture('stale-review');
		roots.push(root);
		const onTheDay = await checkContent(root, { today: new Date('2026-03-01T00:00:00Z') });
		expect(onTheDay.filter((f) => f.where.path?.[0] === 'lastReviewed').map((f) => f.where.file)).toEqual([
			'src/content/faqs/old-answer.md',
		]);
	});
});

describe('the content check reads files as the build does', () => {
	const faq = (extra: string, body: string) =>
		`---\nquestion: Is there a second payout date?\ndescription: No, payouts run once a month on the same day.\naudience: affiliate\ntopic: payments\nowner: partner-support\nlastReviewed: 2026-11-01\n${extra}---\n\n${body}\n`;

	it('names an entry by its `slug` when the front matter gives one, as Astro’s loader does', async () => {
		const root = materializeFixture('changed-facts');
		roots.push(root);
		writeFileSync(join(root, 'src/content/faqs/second-payout.md'), faq('slug: one-payout-date\n', 'No.'));
		writeFileSync(
			join(root, 'src/content/faqs/links.md'),
			faq('related: [faqs/one-payout-date, faqs/second-payout]\n', 'See the others.').replace(
				'Is there a second payout date?',
				'Where are the other answers?',
			),
		);
		const found = (await checkContent(root, { today })).map(formatFinding);
		expect(found.filter((f) => f.includes('related'))).toEqual([
			expect.stringMatching(
				/^src\/content\/faqs\/links\.md:\d+: error related\[1\]: "faqs\/second-payout" does not match any article\./,
			),
		]);
	});

	it('reports an unknown fact in a body on its line of the file, with the build’s message', async () => {
		const root = materializeFixture('changed-facts');
		roots.push(root);
		writeFileSync(
			join(root, 'src/content/faqs/second-payout.md'),
			faq('', 'First line.\n\nPaid from :fact[payoutTreshold].'),
		);
		expect((await checkContent(root, { today })).map(formatFinding)).toContain(
			`src/content/faqs/second-payout.md:12: error: Unknown fact ":fact[payoutTreshold]".\n    hint: ${messages.unknownFact('payoutTreshold', Object.keys(factsFrom(loadProgram(pathToFileURL(`${root}/`))))).hint}`,
		);
	});
});

describe('translations of every collection', () => {
	const english = 'src/content/faqs/when-paid.md';
	const german = 'src/content/faqs/de/when-paid.md';
	const translation = (hash: string, extra = '') =>
		`---\nquestion: Wann werde ich bezahlt?\ndescription: Monatlich, sobald das Guthaben den Mindestbetrag erreicht.\naudience: affiliate\ntopic: payments\nowner: partner-support\nlastReviewed: 2026-11-01\n${extra}translatedFrom:\n  sha256: ${hash}\n---\n\nAm :fact[paymentDay], sobald Ihr Guthaben :fact[payoutThreshold] erreicht.\n`;
	/** A fixture with a German translation of its FAQ, made from the English file as it is now. */
	function withTranslation(extra = '') {
		const root = materializeFixture('changed-facts');
		roots.push(root);
		mkdirSync(join(root, 'src/content/faqs/de'), { recursive: true });
		writeFileSync(join(root, german), translation(sourceHash(readFileSync(join(root, english))), extra));
		return root;
	}
	const found = async (root: string) => (await checkContent(root, { today })).map(formatFinding);

	it('passes a German translation that is current with its English source', async () => {
		expect(await found(withTranslation())).toEqual([]);
	});

	it('flags a German translation whose English source changed after it, naming the file and the command', async () => {
		const root = withTranslation();
		const before = sourceHash(readFileSync(join(root, english)));
		writeFileSync(
			join(root, english),
			readFileSync(join(root, english), 'utf8').replace('once your balance', 'as soon as your balance'),
		);
		const after = sourceHash(readFileSync(join(root, english)));
		expect(await found(root)).toEqual([
			`${german}:9: error translatedFrom: Its English source ${english} changed after it was translated (translated from ${before}, the source is now ${after}).\n    hint: Bring the translation up to date with the English file (\`git log -p ${english}\` shows what changed), then run \`npm run translations -- --mark ${german}\`.`,
		]);
		// Marking it records the new source: the check passes again.
		markTranslation(root, german);
		expect(await found(root)).toEqual([]);
	});

	it('fails an orphaned translation and one that records no source', async () => {
		const root = withTranslation();
		writeFileSync(
			join(root, 'src/content/faqs/de/gone.md'),
			translation('0123456789abcdef').replace('Wann werde ich bezahlt?', 'Gibt es das noch?'),
		);
		mkdirSync(join(root, 'src/content/terms/de'), { recursive: true });
		writeFileSync(
			join(root, 'src/content/terms/de/v1.md'),
			'---\ntitle: Programmbedingungen\nversion: "1.0"\neffectiveDate: 2025-01-01\ndescription: Die erste Fassung der Programmbedingungen der Testumgebung.\n---\n\n## 1 Zahlungen\n\nZahlungen ab :fact[payoutThreshold].\n',
		);
		expect(await found(root)).toEqual([
			'src/content/faqs/de/gone.md:1: error: No English source: a translation has the path of its English file, and src/content/faqs/gone.md does not exist.\n    hint: Rename it to the path of the English file it translates (under src/content/faqs/de/), or delete it if the English entry was removed.',
			'src/content/terms/de/v1.md:2: error translatedFrom: A translation records the English file it was made from; this one has no `translatedFrom`.\n    hint: Once it says what src/content/terms/v1.md says, run `npm run translations -- --mark src/content/terms/de/v1.md`.',
		]);
	});

	it("checks a translation's front matter against its collection's schema, with the English entries' messages", async () => {
		const root = withTranslation();
		writeFileSync(
			join(root, german),
			readFileSync(join(root, german), 'utf8')
				.replace('audience: affiliate', 'audience: merchant')
				.replace('Wann werde ich bezahlt?', 'Wann werde ich bezahlt')
				.replace(/sha256: \w+/, 'sha256: not-a-hash'),
		);
		expect(await found(root)).toEqual([
			'src/content/faqs/de/when-paid.md:2: error question: A question ends with "?".',
			'src/content/faqs/de/when-paid.md:4: error audience: Unknown audience "merchant": expected one of affiliate, customer, advertiser.',
			'src/content/faqs/de/when-paid.md:4: error audience: audience is "merchant" here but "affiliate" in src/content/faqs/when-paid.md.\n    hint: A translation translates the words and keeps every other field (ids, audience, topic, channel, owner, dates, numbers, addresses, related) as in English: copy the English value.',
			'src/content/faqs/de/when-paid.md:9: error translatedFrom.sha256: the first 16 hex digits of the source file’s SHA-256',
		]);
	});

	it('fails a translation that changes a field other than its words, and passes one that only translates them', async () => {
		const root = withTranslation();
		writeFileSync(
			join(root, german),
			readFileSync(join(root, german), 'utf8')
				.replace('topic: payments', 'topic: account')
				.replace('owner: partner-support\n', '')
				.replace('lastReviewed: 2026-11-01', 'lastReviewed: 2026-11-20'),
		);
		expect((await found(root)).map((f) => f.split('\n')[0])).toEqual([
			'src/content/faqs/de/when-paid.md:2: error owner: owner is missing; src/content/faqs/when-paid.md has "partner-support".',
			'src/content/faqs/de/when-paid.md:5: error topic: topic is "account" here but "payments" in src/content/faqs/when-paid.md.',
		]);
	});

	it('holds translations to the writing rules: placeholders, unknown facts, references', async () => {
		const root = withTranslation('related: [faqs/no-such-answer]\n');
		writeFileSync(
			join(root, german),
			readFileSync(join(root, german), 'utf8').replace(':fact[paymentDay]', ':fact[payDay]') + '\nTODO: übersetzen\n',
		);
		const report = await found(root);
		expect(report.map((f) => f.split('\n')[0])).toEqual([
			'src/content/faqs/de/when-paid.md:8: error related[0]: related[0] is not in src/content/faqs/when-paid.md.',
			'src/content/faqs/de/when-paid.md:8: error related[0]: "faqs/no-such-answer" does not match any article.',
			'src/content/faqs/de/when-paid.md:13: error: Unknown fact ":fact[payDay]".',
			'src/content/faqs/de/when-paid.md:15: error: Placeholder left: "TODO: übersetzen".',
		]);
	});

	it('counts untranslated entries per collection and language as information, not as findings', async () => {
		const root = withTranslation();
		expect(untranslatedSummary(translationsOf(root))).toEqual([
			'info: not yet translated into de: docs 1 of 1, faqs 0 of 1, troubleshooting 0 of 0, disclosures 0 of 0, commission 0 of 0, terms 1 of 1 (npm run translations lists them)',
		]);
		const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/writers/check-content.ts'), '--root', root], {
			encoding: 'utf8',
			env: { ...process.env, BUILD_DATE: '2026-11-23' },
		});
		expect(run.stdout).toContain('info: not yet translated into de: docs 1 of 1, faqs 0 of 1,');
		expect(run.stdout).toMatch(/\n0 errors, 0 warnings/);
		expect(run.status).toBe(0);
	});
});
