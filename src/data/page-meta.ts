/**
 * What a page is and who it is for, for search filters and share cards.
 * Guides carry it in front matter; pages built in src/pages are known by their path.
 */
import { loadContent } from './content.ts';
import { listAt } from '../lib/urls.ts';
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';

export interface PageMeta {
	pageType: PageType;
	/** Audiences the page is written for; empty means everyone. */
	audiences: Audience[];
}

const byPrefix: Array<[RegExp, PageType]> = [
	[/^\/faq\//, 'faq'],
	[/^\/troubleshooting\//, 'troubleshooting'],
	[/^\/terms\//, 'terms'],
	[/^\/commission\//, 'commission'],
	[/^\/disclosures\//, 'disclosure'],
	[/^\/ask\//, 'ask'],
	[/^\/search\//, 'search'],
];

/** Describes the page at `pathname`; `data` is the docs entry's front matter where the page has one. */
export async function pageMeta(pathname: string, data?: { pageType?: PageType; audience?: Audience | undefined }): Promise<PageMeta> {
	const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
	// A full list (/guides/for-customers/, /troubleshooting/for-affiliates/2/) is filed like the entries it lists.
	const list = listAt(path);
	if (list) return { pageType: list.kind === 'guides' ? 'guide' : 'troubleshooting', audiences: [list.audience] };
	const fromPath = byPrefix.find(([pattern]) => pattern.test(path))?.[1];
	if (!fromPath) return { pageType: data?.pageType ?? 'guide', audiences: data?.audience ? [data.audience] : [] };
	const content = await loadContent();
	const segment = path.split('/')[2];
	switch (fromPath) {
		case 'faq': {
			// Every page of a topic (/faq/<topic>/, /faq/<topic>/2/, …) is filed under the audiences of the whole topic.
			const questions = content.faqsByTopic.find((t) => t.topic === segment)?.questions ?? [];
			return { pageType: 'faq', audiences: [...new Set(questions.map((f) => f.data.audience))].sort() };
		}
		case 'troubleshooting': {
			const guide = content.troubleshooting.find((t) => t.id === segment);
			return { pageType: 'troubleshooting', audiences: guide ? [guide.data.audience] : [] };
		}
		case 'terms':
		case 'disclosure':
			return { pageType: fromPath, audiences: ['affiliate'] };
		case 'commission':
			return { pageType: 'commission', audiences: ['affiliate', 'advertiser'] };
		default:
			return { pageType: fromPath, audiences: [] };
	}
}
