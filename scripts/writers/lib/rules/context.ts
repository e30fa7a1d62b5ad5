import type { SourceFile } from '../content-files.ts';
import type { Finding } from '../finding.ts';
import type { Facts } from '../../../../src/lib/facts.ts';
import type { Program } from '../../../../src/schemas/program.ts';
import type { ContentCheckConfig } from '../../../../src/schemas/content-check.ts';

/** What every rule sees: the files as written, their validated data, the program and the settings. */
export interface RuleContext {
	files: SourceFile[];
	/** Validated front matter by file path; files that failed their schema are absent. */
	data: ReadonlyMap<string, Record<string, unknown>>;
	program: Program;
	facts: Facts;
	config: ContentCheckConfig;
	/** The day reviews are aged against. */
	today: Date;
}

/** A content rule: reads the context, returns what it found. */
export type Rule = (context: RuleContext) => Finding[];
