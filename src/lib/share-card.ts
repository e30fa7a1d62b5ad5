/**
 * What a page's share card (Open Graph / Twitter image) shows, and where the image lives.
 * Pure: the route middleware makes each page's card from the data the page passed and writes it
 * into the page's head (og:image:alt, article:section, article:tag); the image renderer draws the
 * same card, so the picture always matches the page.
 */
import type { Audience } from '../schemas/common.ts';
import type { PageType } from '../schemas/docs.ts';
import { audienceLabels, pageTypeLabels } from './labels.ts';

/** Pixel size of every share image: the 1.91:1 size Open Graph and Twitter cards expect. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** Everything that appears on a share card; its hash is the image's cache key. */
export interface ShareCard {
	/** The program's name, e.g. "Tallwood Partners". */
	program: string;
	/** The page title as readers see it. */
	title: string;
	/** What kind of page it is, as a label ("FAQ", "Troubleshooting guide"). */
	type: string;
	/** Who the page is for, as labels ("Affiliates"); empty means everyone. */
	audiences: string[];
}

/** The card of a page, from what the page says it is; the not-found page says so instead of its kind. */
export function shareCard(page: {
	program: string;
	title: string;
	meta: { pageType: PageType; audiences: readonly Audience[] };
	notFound?: boolean;
}): ShareCard {
	return {
		program: page.program,
		title: page.title,
		type: page.notFound ? 'Page not found' : pageTypeLabels[page.meta.pageType],
		audiences: page.meta.audiences.map((a) => audienceLabels[a]),
	};
}

/**
 * Site path of a page's share image: "/" → "/og/index.png", "/faq/payments/" → "/og/faq/payments.png".
 * One file per page, so a page's image changes only when that page does.
 */
export function shareImagePath(pathname: string): string {
	const trimmed = pathname.replace(/\.html$/, '').replace(/^\/+|\/+$/g, '');
	return `/og/${trimmed || 'index'}.png`;
}

/** Who a card is for, as a phrase: "everyone", "affiliates", "affiliates and advertisers". */
export function audiencePhrase(audiences: readonly string[]): string {
	const words = audiences.map((a) => a.toLowerCase());
	if (words.length === 0) return 'everyone';
	return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The page a share image belongs to, from the image's path under /og/: the inverse of `shareImagePath`. */
export function pageOfShareImage(imagePath: string): string | undefined {
	const m = /^\/og\/(.+)\.png$/.exec(imagePath);
	if (!m || m[1]!.split('/').some((part) => part === '..' || part === '')) return undefined;
	if (m[1] === 'index') return '/';
	return m[1] === '404' ? '/404' : `/${m[1]}/`;
}

/** Alternative text of a share image: what the picture says, in one sentence. */
export function shareImageAlt(card: ShareCard): string {
	const stop = /[.?!]$/.test(card.title) ? '' : '.';
	return `${card.program} Help: ${card.title}${stop} ${card.type} for ${audiencePhrase(card.audiences)}.`;
}
