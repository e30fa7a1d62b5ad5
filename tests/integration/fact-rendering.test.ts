/**
 * Facts read as English wherever they are filled in, over every page of the built site:
 * a count before a noun is "30-day", a name ending in a full stop gets no second one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, page, requireBuild } from '../helpers/site.ts';
import { factsFrom } from '../../src/lib/facts.ts';
import { loadProgram } from '../../src/integrations/facts.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const facts = factsFrom(loadProgram(new URL(`file://${projectRoot}/`)));
/** The visible text of a page: no scripts, styles or tags. */
const text = (html: string) =>
	html
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ');

describe('facts on the built site', () => {
	beforeAll(requireBuild);

	it('never doubles the full stop after a name that ends in one', () => {
		const doubled = allPages().filter((p) => text(page(p)).includes(`${facts.company}.`));
		expect(doubled).toEqual([]);
	});

	it('writes counts before a noun as "30-day", never "30 days window"', () => {
		const pattern =
			/\b\d+ (?:business )?(?:days|years|hours) (?:cookie |return |lock |dispute )?(?:window|period|warranty|trial|lock)\b/;
		const found = allPages().flatMap((p) => {
			const m = pattern.exec(text(page(p)));
			return m ? [`${p}: ${m[0]}`] : [];
		});
		expect(found).toEqual([]);
		expect(text(page('/affiliates/onboarding/tracking-links/'))).toBeTruthy();
		expect(text(page('/faq/pre-sale/'))).toMatch(/\d+-day return window/);
	});

	it('keeps the space between text and a link on the ask page', () => {
		const main = page('/ask/').match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
		expect(main).toContain('<a href="/faq/');
		// A word run into a link ("thefrequently") shows as a letter right before <a or right after </a>.
		expect(main.match(/[a-z]<a [^>]*>|<\/a>[a-z]/gi) ?? []).toEqual([]);
	});

	it("states customer care's first reply as the clock hours it counts", () => {
		expect(page('/ask/')).toContain(`within ${facts.customerFirstResponse}`);
		expect(facts.customerFirstResponse).toBe('24 hours');
	});
});
