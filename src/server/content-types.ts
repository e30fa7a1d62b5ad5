/** Content types of the files the built site holds, and which of them are worth compressing. */
import { extname } from 'node:path';

const types: Record<string, { type: string; compress: boolean }> = {
	'.html': { type: 'text/html; charset=utf-8', compress: true },
	'.css': { type: 'text/css; charset=utf-8', compress: true },
	'.js': { type: 'text/javascript; charset=utf-8', compress: true },
	'.mjs': { type: 'text/javascript; charset=utf-8', compress: true },
	'.json': { type: 'application/json; charset=utf-8', compress: true },
	'.map': { type: 'application/json; charset=utf-8', compress: true },
	'.webmanifest': { type: 'application/manifest+json; charset=utf-8', compress: true },
	'.xml': { type: 'application/xml; charset=utf-8', compress: true },
	'.rss': { type: 'application/rss+xml; charset=utf-8', compress: true },
	'.txt': { type: 'text/plain; charset=utf-8', compress: true },
	'.svg': { type: 'image/svg+xml', compress: true },
	'.ico': { type: 'image/x-icon', compress: true },
	'.wasm': { type: 'application/wasm', compress: true },
	'.png': { type: 'image/png', compress: false },
	'.jpg': { type: 'image/jpeg', compress: false },
	'.jpeg': { type: 'image/jpeg', compress: false },
	'.gif': { type: 'image/gif', compress: false },
	'.webp': { type: 'image/webp', compress: false },
	'.avif': { type: 'image/avif', compress: false },
	'.woff': { type: 'font/woff', compress: false },
	'.woff2': { type: 'font/woff2', compress: false },
	'.pdf': { type: 'application/pdf', compress: false },
	// Pagefind's index, fragments and WebAssembly come gzipped already, and are read by its script.
	'.pagefind': { type: 'application/octet-stream', compress: false },
	'.pf_fragment': { type: 'application/octet-stream', compress: false },
	'.pf_index': { type: 'application/octet-stream', compress: false },
	'.pf_filter': { type: 'application/octet-stream', compress: false },
	'.pf_meta': { type: 'application/octet-stream', compress: false },
};

/** The Content-Type to send for a file, by its extension. */
export const contentType = (path: string): string =>
	types[extname(path).toLowerCase()]?.type ?? 'application/octet-stream';

/** Whether a file is text-like enough for brotli and gzip to shrink it. */
export const isCompressible = (path: string): boolean => types[extname(path).toLowerCase()]?.compress ?? false;
