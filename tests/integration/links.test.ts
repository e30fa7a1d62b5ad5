import { describe, expect, it, beforeAll } from 'vitest';
import { LinkChecker } from 'linkinator';
import { allPages, clientDir, isNotFoundPage, requireBuild } from '../helpers/site.ts';

beforeAll(requireBuild);

describe('links in the built site', () => {
	it('has no broken internal link or fragment', async () => {
		const checker = new LinkChecker();
		const result = await checker.check({
			path: clientDir,
			recurse: true,
			checkFragments: true,
			// Only the site itself: tests never reach the internet.
			linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
		});
		const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (${l.status}) on ${l.parent}`);
		expect(broken).toEqual([]);
		// Every page but the 404 page is reached by following links from the home page.
		const reached = new Set(
			result.links.filter((l) => l.state === 'OK' && !/\.\w+$/.test(l.url)).map((l) => l.url.replace(/\/$/, '')),
		);
		const unreached = allPages()
			.filter((p) => !isNotFoundPage(p))
			.filter((p) => !reached.has(`${clientDir}${p}`.replace(/\/$/, '')));
		expect(unreached).toEqual([]);
	});
});
