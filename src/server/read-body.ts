/**
 * Reads a submission body: off the connection within a deadline (readNodeBody), then content type,
 * size limit, UTF-8, and JSON or form fields (readBody).
 */
import type { IncomingMessage } from 'node:http';
import { refusals, type Refusal } from './errors.ts';

/**
 * A body taken off the connection: `bytes` null when there is none to read (or its declared length is
 * over the limit, which readBody refuses by the header alone); `complete` false when bytes were left
 * unread on the connection, which then cannot carry another request.
 */
export type NodeBody = { ok: true; bytes: Buffer | null; complete: boolean } | { ok: false; refusal: Refusal | null };

/**
 * What the endpoint reads of a request. A web Request is one; the node:http adapter (api.ts) passes
 * a lighter one over the bytes it has already read, which always declares its length.
 */
export type FeedbackRequest = Pick<Request, 'method' | 'url' | 'headers' | 'body' | 'arrayBuffer'>;

/** The answer to a body that did not arrive in time. */
export const bodyTimeout = (ms: number): Refusal => ({
	status: 408,
	code: 'request_timeout',
	message: `The request body did not arrive within ${Math.round(ms / 1000)} s; nothing was recorded. Please send it again.`,
	headers: { connection: 'close' },
});

/**
 * Reads a request's body from node:http, at most `limit` + 1 bytes (one more than allowed, so readBody
 * sees it is too long) and within `deadlineMs` of the call: a client that trickles its body is answered
 * 408 then. A client that goes away gets no answer (`refusal` null) and costs no log line.
 */
export function readNodeBody(req: IncomingMessage, limit: number, deadlineMs: number): Promise<NodeBody> {
	const declared = req.headers['content-length'];
	const chunked = req.headers['transfer-encoding'] !== undefined;
	if (declared === undefined && !chunked) return Promise.resolve({ ok: true, bytes: null, complete: true });
	if (declared !== undefined && Number(declared) > limit)
		return Promise.resolve({ ok: true, bytes: null, complete: false });
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (result: NodeBody) => {
			clearTimeout(timer);
			req.off('data', onData).off('end', onEnd).off('error', onGone).off('aborted', onGone);
			if (!result.ok || !result.bytes || !result.complete) req.pause();
			resolve(result);
		};
		const onData = (chunk: Buffer) => {
			chunks.push(chunk);
			size += chunk.byteLength;
			if (size > limit) finish({ ok: true, bytes: Buffer.concat(chunks), complete: false });
		};
		const onEnd = () =>
			finish({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), complete: true });
		const onGone = () => finish({ ok: false, refusal: null });
		const timer = setTimeout(() => finish({ ok: false, refusal: bodyTimeout(deadlineMs) }), deadlineMs);
		req.on('data', onData).on('end', onEnd).on('error', onGone).on('aborted', onGone);
	});
}

/** A body read into plain values, and whether it came from an HTML form. */
export type ReadResult = { ok: true; value: unknown; form: boolean } | { ok: false; refusal: Refusal };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads at most `limit` bytes of the body; a longer body is refused without reading the rest. */
export async function readLimited(request: FeedbackRequest, limit: number): Promise<Uint8Array | Refusal> {
	const declared = request.headers.get('content-length');
	if (declared !== null) {
		if (!/^\d+$/.test(declared.trim())) return refusals.badLength();
		if (Number(declared) > limit) return refusals.tooLarge(limit);
		// The HTTP parser ends a body at its declared length, so one within the limit is read in one go.
		return new Uint8Array(await request.arrayBuffer());
	}
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			return refusals.tooLarge(limit);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

/** Parses URL-encoded form fields strictly: a broken %-escape or a repeated field is an error, not a guess. */
function parseForm(text: string): { fields: Record<string, string> } | { refusal: Refusal } {
	const fields: Record<string, string> = Object.create(null);
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const [rawName, rawValue] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
		let name: string;
		let value: string;
		try {
			name = decodeURIComponent(rawName.replace(/\+/g, ' '));
			value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
		} catch {
			return {
				refusal: refusals.form(
					`the field ${JSON.stringify(rawName.slice(0, 40))} has a broken %-escape or is not UTF-8.`,
				),
			};
		}
		if (name in fields) return { refusal: refusals.repeated(name) };
		fields[name] = value;
	}
	return { fields };
}

/** Reads and parses the body of a feedback POST. */
export async function readBody(request: FeedbackRequest, limit: number): Promise<ReadResult> {
	const contentType = request.headers.get('content-type');
	const [mediaType = '', ...params] = (contentType ?? '')
		.toLowerCase()
		.split(';')
		.map((s) => s.trim());
	const charset = params
		.find((p) => p.startsWith('charset='))
		?.slice(8)
		.replace(/"/g, '');
	if (charset && charset !== 'utf-8' && charset !== 'utf8')
		return { ok: false, refusal: refusals.contentType(contentType) };
	const form = mediaType === 'application/x-www-form-urlencoded';
	if (!form && mediaType !== 'application/json') return { ok: false, refusal: refusals.contentType(contentType) };

	const bytes = await readLimited(request, limit);
	if (!(bytes instanceof Uint8Array)) return { ok: false, refusal: bytes };
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		return { ok: false, refusal: refusals.encoding() };
	}
	// A NUL has no place in any field and upsets some databases (PostgreSQL refuses it in text).
	if (text.includes('\u0000'))
		return { ok: false, refusal: { ...refusals.encoding(), message: 'The request body contains a NUL character.' } };

	if (form) {
		const parsed = parseForm(text);
		return 'refusal' in parsed
			? { ok: false, refusal: parsed.refusal }
			: { ok: true, value: parsed.fields, form: true };
	}
	if (text.trim() === '') return { ok: false, refusal: refusals.json('the body is empty.') };
	let value: unknown;
	let nul = false;
	try {
		// The reviver sees every string once, without walking the result again (which deep nesting would overflow).
		value = JSON.parse(text, (_key, v: unknown) => ((nul ||= typeof v === 'string' && v.includes('\u0000')), v));
	} catch (error) {
		return {
			ok: false,
			refusal: refusals.json(error instanceof RangeError ? 'it is nested too deeply.' : (error as Error).message),
		};
	}
	if (nul)
		return { ok: false, refusal: { ...refusals.encoding(), message: 'The request body contains a NUL character.' } };
	return { ok: true, value, form: false };
}
