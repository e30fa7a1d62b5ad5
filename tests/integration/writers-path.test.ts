import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatFinding } from '../../scripts/writers/lib/check.ts';
import { buildAt, materializeFixture, projectRoot, removeFixture } from '../helpers/fixtures.ts';

// A fresh copy of the project with its real content, as a writer's clone would have it;
// the podcast page is taken out so that a disclosure for a channel without one can be added.
const root = materializeFixture('_base', { withProject: true });
rmSync(join(root, 'src', 'content'), { recursive: true });
cpSync(join(projectRoot, 'src', 'content'), join(root, 'src', 'content'), { recursive: true });
cpSync(join(projectRoot, 'content-check.yaml'), join(root, 'content-check.yaml'));
rmSync(join(root, 'src', 'content', 'disclosures', 'podcast.md'));
afterAll(() => removeFixture(root));

/** Runs `npm run new` as a writer would, in the fixture project. */
const newEntry = (...args: string[]) =>
	execFileSync(process.execPath, [join(projectRoot, 'scripts', 'writers', 'new-entry.ts'), ...args, '--root', root], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});

const entries = [
	{
		args: ['guide', 'Choosing products to promote'],
		file: 'src/content/docs/affiliates/choosing-products-to-promote.mdx',
		page: 'affiliates/choosing-products-to-promote/index.html',
		text: 'Choosing products to promote',
	},
	{
		args: ['faq', 'Can I promote on TikTok?', '--topic', 'account'],
		file: 'src/content/faqs/can-i-promote-on-tiktok.md',
		page: 'faq/account/index.html',
		text: 'Can I promote on TikTok?',
	},
	{
		args: ['troubleshooting', 'My sub-IDs are missing from reports'],
		file: 'src/content/troubleshooting/my-sub-ids-are-missing-from-reports.md',
		page: 'troubleshooting/my-sub-ids-are-missing-from-reports/index.html',
		text: 'My sub-IDs are missing from reports',
	},
	{
		args: ['disclosure', 'Disclosing in podcasts', '--channel', 'podcast'],
		file: 'src/content/disclosures/podcast.md',
		page: 'disclosures/podcast/index.html',
		text: 'Disclosing in podcasts',
	},
	{
		args: ['commission', 'Camp kitchen', '--rate', '7'],
		file: 'src/content/commission/camp-kitchen.yaml',
		page: 'commission/index.html',
		text: 'Camp kitchen',
	},
	{
		args: ['terms', 'Program terms'],
		file: 'src/content/terms/v3-3.md',
		page: 'terms/3-3/index.html',
		text: 'version 3.3',
	},
];

describe("a writer's path: new entry, check, preview build", () => {
	it('scaffolds every kind of entry; the check lists only the placeholders to fill', async () => {
		for (const { args, file } of entries) expect(newEntry(...args)).toContain(`Created ${file}`);
		const findings = await checkContent(root);
		expect(findings.length).toBeGreaterThan(0);
		expect(findings.filter((f) => !f.message.startsWith('Placeholder left')).map(formatFinding)).toEqual([]);
		expect(new Set(findings.map((f) => f.where.file))).toEqual(new Set(entries.map((e) => e.file)));
	});

	it('refuses the same title a second time and leaves the first file as it was', async () => {
		const before = readFileSync(join(root, entries[1]!.file), 'utf8');
		expect(() => newEntry('faq', 'Can I promote on TikTok?', '--topic', 'account')).toThrow(
			/already the title of src\/content\/faqs\/can-i-promote-on-tiktok\.md/,
		);
		expect(readFileSync(join(root, entries[1]!.file), 'utf8')).toBe(before);
	});

	it('passes the check once the placeholders are written, and the build shows every entry', async () => {
		for (const { file } of entries) {
			const path = join(root, file);
			writeFileSync(
				path,
				readFileSync(path, 'utf8')
					.replaceAll('https://example.com/TODO', 'https://example.com/rules')
					.replaceAll('TODO: ', ''),
			);
		}
		expect((await checkContent(root)).map(formatFinding)).toEqual([]);
		const { code, output } = await buildAt(root);
		expect(code, output).toBe(0);
		for (const { page, text } of entries)
			expect(readFileSync(join(root, 'dist', 'client', page), 'utf8')).toContain(text);
	});
});
