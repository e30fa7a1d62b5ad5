/** Turns a card's SVG into PNG bytes with resvg (a native renderer shipped as npm packages per platform). */
import { Resvg } from '@resvg/resvg-js';

/** Renders `svg` at `width` pixels wide; fonts are already outlined by satori, so none are loaded here. */
export function svgToPng(svg: string, width: number): Buffer {
	try {
		return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } })
			.render()
			.asPng();
	} catch (cause) {
		throw new Error('Failed to rasterize a share image with @resvg/resvg-js.', { cause });
	}
}
