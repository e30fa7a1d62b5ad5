/**
 * The share-card template and its rendering with satori (layout and text to SVG).
 * Any edit to this file changes the cache key (the file's own text is hashed), so
 * every card is rendered again with the new design on the next build.
 */
import satori from 'satori';
import { audiencePhrase, SHARE_IMAGE, type ShareCard } from '../lib/share-card.ts';
import { cardFonts } from './fonts.ts';

const colours = { background: '#0f2a20', panel: '#173b2e', accent: '#8fdcb2', text: '#f4f7f5', muted: '#b8cbc1' };

type Style = Record<string, string | number>;
type Child = Node | string;
interface Node {
	type: string;
	props: { style?: Style; children?: Child | Child[] };
}

/** A satori element; the template is plain objects so no JSX runtime is needed. */
const el = (type: string, style: Style, children?: Child | Child[]): Node => ({
	type,
	props: { style, ...(children === undefined ? {} : { children }) },
});

/** Long titles get a smaller size so that three lines hold them. */
function titleSize(title: string): number {
	if (title.length <= 36) return 76;
	if (title.length <= 70) return 64;
	return 52;
}

const pill = (text: string, filled: boolean) =>
	el(
		'div',
		{
			display: 'flex',
			padding: '10px 24px',
			borderRadius: 999,
			fontSize: 28,
			fontWeight: 700,
			color: filled ? colours.background : colours.accent,
			backgroundColor: filled ? colours.accent : 'transparent',
			border: `3px solid ${colours.accent}`,
			marginRight: 16,
		},
		text,
	);

/** The element tree of a card: program name on top, the title, then the kind of page and its audiences. */
export function cardTree(card: ShareCard): Node {
	return el(
		'div',
		{
			width: SHARE_IMAGE.width,
			height: SHARE_IMAGE.height,
			boxSizing: 'border-box',
			display: 'flex',
			flexDirection: 'column',
			justifyContent: 'space-between',
			padding: '64px 80px',
			backgroundColor: colours.background,
			backgroundImage: `linear-gradient(135deg, ${colours.background} 55%, ${colours.panel})`,
			color: colours.text,
			fontFamily: 'Inter',
			borderTop: `16px solid ${colours.accent}`,
		},
		[
			el('div', { display: 'flex', fontSize: 34, fontWeight: 700, color: colours.accent }, `${card.program} Help`),
			el(
				'div',
				{
					display: 'block',
					width: '100%',
					fontSize: titleSize(card.title),
					fontWeight: 700,
					lineHeight: 1.15,
					lineClamp: 3,
				},
				card.title,
			),
			el('div', { display: 'flex', alignItems: 'center' }, [
				pill(card.type, true),
				el('div', { display: 'flex', fontSize: 30, color: colours.muted }, `For ${audiencePhrase(card.audiences)}`),
			]),
		],
	);
}

/** The card as SVG text, 1200×630, with its text drawn as paths. */
export async function cardSvg(card: ShareCard): Promise<string> {
	try {
		return await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], {
			width: SHARE_IMAGE.width,
			height: SHARE_IMAGE.height,
			fonts: cardFonts(),
		});
	} catch (cause) {
		throw new Error(`Failed to lay out the share card "${card.title}" with satori.`, { cause });
	}
}
