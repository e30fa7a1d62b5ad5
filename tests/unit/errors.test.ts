import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AstroError } from 'astro/errors';
import { fieldOf, formatProblems, messages, ProblemError } from '../../src/lib/errors.ts';
import { readConfig } from '../../src/server/config.ts';
import { asFilled, factsFrom, fillFacts } from '../../src/lib/facts.ts';
import { loadProgram, PROGRAM_FILE } from '../../src/integrations/facts.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project root holding only a program file with `text`. */
function programAt(text: string): URL {
	const dir = mkdtempSync(join(tmpdir(), 'program-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'src/content/program'), { recursive: true });
	writeFileSync(join(dir, PROGRAM_FILE), text);
	return pathToFileURL(`${dir}/`);
}

describe('one shape of problem', () => {
	it('keeps the field as a path and writes it as YAML reads', () => {
		expect(fieldOf({ file: 'a.yaml', path: ['tiers', 1, 'from'] })).toBe('tiers[1].from');
		expect(fieldOf({ file: 'a.md', path: ['body'], textLine: 3 })).toBe('body, line 3 of the text');
		expect(
			formatProblems([
				{
					...messages.unknownVersion('1.5', ['1.0', '2.0']),
					where: { file: 'src/content/terms/v2.md', path: ['supersedes'] },
				},
			]),
		).toBe('src/content/terms/v2.md › supersedes: Version 1.5 does not exist.\n  Hint: Known versions: 1.0, 2.0.');
	});

	it('is what the server’s start-up throws too: one problem per setting, the hint apart, printed its own way', () => {
		let error: unknown;
		try {
			readConfig({ FEEDBACK_RATE_LIMIT: '0' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ProblemError);
		const { problems, hint, message } = error as ProblemError;
		expect(problems).toEqual([
			{ message: 'FEEDBACK_RATE_LIMIT must be at least 1. (received "0")', where: { path: ['FEEDBACK_RATE_LIMIT'] } },
		]);
		expect(hint).toBe('the variables are described in the README, section "Feedback".');
		expect(message.split('\n').at(-1)).toBe(`Hint: ${hint}`);
	});

	it('has one message for an unknown fact, wherever it is found', () => {
		expect(messages.unknownFact('payout', ['programName', 'company'])).toEqual({
			message: 'Unknown fact ":fact[payout]".',
			hint: 'Known facts: programName, company.',
		});
	});
});

describe('the program file', () => {
	const good = readFileSync(join(projectRoot, PROGRAM_FILE), 'utf8');

	it('stops the build with an Astro error: the fields that are wrong, and a hint apart', () => {
		const root = programAt(good.replace('currency: USD', 'currency: dollars'));
		let error: unknown;
		try {
			loadProgram(root);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(AstroError);
		expect((error as AstroError).message).toBe(
			`Invalid program facts in ${PROGRAM_FILE}:\n- currency: Expected an ISO 4217 currency code such as USD.`,
		);
		expect((error as AstroError).hint).toMatch(/npm run check:content/);
	});

	it('is read once and again only when it changes', () => {
		const root = programAt(good);
		const first = loadProgram(root);
		expect(loadProgram(root)).toBe(first);
		const file = new URL(PROGRAM_FILE, root);
		writeFileSync(file, good.replace(/^name: .*$/m, 'name: Changed Partners'));
		const later = new Date(Date.now() + 5000);
		utimesSync(file, later, later);
		expect(loadProgram(root).name).toBe('Changed Partners');
	});
});

describe('filled entries', () => {
	const facts = factsFrom(loadProgram(pathToFileURL(projectRoot)));

	it('are marked only once no known fact is left as written; unknown ones stay for the check to report', () => {
		const filled = {
			id: 'a',
			data: fillFacts({ description: 'From :fact[payoutThreshold]; :fact[noSuchFact].' }, facts),
		};
		expect(asFilled([filled], facts)).toEqual([filled]);
		expect(() => asFilled([{ id: 'b', data: { description: 'From :fact[payoutThreshold].' } }], facts)).toThrow(
			'Entry "b" was loaded without its facts filled in',
		);
	});
});
