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
			// Two languages give it twice the pages: at its default of 100 requests at once, its own file
			// server drops some on a busy machine (status 0, no response), which is no broken link.
			concurrency: 16,
			// A dropped request is asked again; a missing page still answers 404 and fails.
			retryErrors: true,
			retryErrorsCount: 3,
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
