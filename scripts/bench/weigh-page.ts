import { readFileSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of one kind of resource, as sent (raw) and compressed (gzip). */
export interface Weight {
	files: number;
	raw: number;
	gzip: number;
}

export interface PageWeight {
	path: string;
	html: Weight;
	css: Weight;
	/** JavaScript that runs on load: module scripts, inline scripts and their static imports. */
	js: Weight;
}

const add = (w: Weight, text: Buffer | string) => {
	const buf = typeof text === 'string' ? Buffer.from(text) : text;
	w.files += 1;
	w.raw += buf.length;
	w.gzip += gzipSync(buf, { level: 9 }).length;
};
const empty = (): Weight => ({ files: 0, raw: 0, gzip: 0 });

/** Static `import … from "x"` and `import "x"` specifiers of an ES module (not dynamic `import()`). */
export function staticImports(code: string): string[] {
	return [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Weighs a built page of the static site in `clientDir` by its URL path. */
export function weighPage(clientDir: string, urlPath: string): PageWeight {
	const file = join(clientDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
	const html = readFileSync(file, 'utf8');
	const result: PageWeight = { path: urlPath, html: empty(), css: empty(), js: empty() };
	add(result.html, html);
	const seen = new Set<string>();
	const local = (href: string, from: string) => (href.startsWith('/') ? href : posix.join(posix.dirname(from), href));
	for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
		const href = local(m[1]!, urlPath);
		if (seen.has(href) || !existsSync(join(clientDir, href))) continue;
		seen.add(href);
		add(result.css, readFileSync(join(clientDir, href)));
	}
	const visitModule = (href: string) => {
		if (seen.has(href) || !existsSync(join(clientDir, href))) return;
		seen.add(href);
		const code = readFileSync(join(clientDir, href), 'utf8');
		add(result.js, code);
		for (const spec of staticImports(code))
			if (spec.startsWith('.') || spec.startsWith('/')) visitModule(local(spec, href));
	};
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1]!;
		if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
		const src = /src="([^"]+)"/.exec(attrs)?.[1];
		if (src) visitModule(local(src, urlPath));
		else if (m[2]!.trim()) {
			add(result.js, m[2]!);
			for (const spec of staticImports(m[2]!)) if (spec.startsWith('/')) visitModule(spec);
		}
	}
	return result;
}
