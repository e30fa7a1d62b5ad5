/**
 * The feedback endpoint: guard → read → validate → store (with its outbox row) → acknowledge.
 * Every refusal is a JSON answer naming what was wrong; a store failure is a 503 that asks the
 * sender to retry, never a 500 and never an acknowledgement of something not stored.
 */
import { formatPath } from '../lib/errors.ts';
import { defaultFeedbackLocale, feedbackSubmissionSchema } from '../schemas/feedback.ts';
import { jsonHeaders, refusalResponse, refusals, safeJson, type FeedbackResponse } from './errors.ts';
import { checkOrigin, clientKey, originAllowed } from './guards.ts';
import { readBody, type FeedbackRequest } from './read-body.ts';
import { newReference } from './reference.ts';
import type { Runtime } from './runtime.ts';
import { StoreBusyError } from './store.ts';

/** Where a form submission without JavaScript lands: the thank-you page, which shows the reference. */
export const thanksPath = '/ask/thanks/';

/** What the server knows about the connection, beside the request itself. */
export interface Connection {
	clientAddress: string;
}

/**
 * A form posted without JavaScript from `/ask/?q=…&from=…` has no script to copy the query into the
 * form, so the page the form was on (Referer, same origin only) says where the reader came from.
 */
function fillFromReferer(value: Record<string, unknown>, request: FeedbackRequest, allowed: ReadonlySet<string>): void {
	// Filled values are cleaned by the schema like any hidden field: a bad link is dropped, never refused.
	const referer = request.headers.get('referer');
	if (!referer || value['kind'] !== 'question') return;
	let url: URL;
	try {
		url = new URL(referer);
	} catch {
		return;
	}
	if (!originAllowed(url.origin, allowed, request.headers.get('host'))) return;
	if (value['from'] === undefined || value['from'] === '') value['from'] = url.searchParams.get('from') ?? undefined;
	if (value['query'] === undefined || value['query'] === '') value['query'] = url.searchParams.get('q') ?? undefined;
}

/** Handles one POST to the feedback endpoint. */
export async function handleFeedback(
	request: FeedbackRequest,
	connection: Connection,
	runtime: Runtime,
): Promise<FeedbackResponse> {
	if (request.method !== 'POST') return refusalResponse(refusals.method(request.method));

	// Only configured origins (and loopback addresses, for local use): never one built from the Host header.
	const allowed = runtime.allowedOrigins;
	const crossSite = checkOrigin(request.headers, allowed);
	if (crossSite) return refusalResponse(crossSite);

	let limited;
	try {
		limited = await runtime.limiter.take(
			clientKey(request.headers, connection.clientAddress, runtime.config.FEEDBACK_TRUSTED_PROXIES),
		);
	} catch (error) {
		if (!(error instanceof StoreBusyError)) throw error;
		console.error(`[feedback] Failed to count a submission: ${error.message}`);
		return refusalResponse(refusals.storeBusy(error.retryAfterSeconds));
	}
	if (limited)
		return refusalResponse(
			limited.scope === 'client'
				? refusals.rateLimited(limited.retryAfterSeconds)
				: refusals.siteBusy(limited.retryAfterSeconds),
		);

	const body = await readBody(request, runtime.config.FEEDBACK_MAX_BODY_BYTES);
	if (!body.ok) return refusalResponse(body.refusal);

	if (body.form) fillFromReferer(body.value as Record<string, unknown>, request, allowed);
	const parsed = feedbackSubmissionSchema.safeParse(body.value);
	if (!parsed.success) {
		return refusalResponse(
			refusals.invalid(parsed.error.issues.map((i) => ({ field: formatPath(i.path), message: i.message }))),
		);
	}

	const reference = newReference();
	try {
		await runtime.store.save(parsed.data, { reference, createdAt: Date.now(), destination: runtime.destination });
	} catch (error) {
		console.error(`[feedback] Failed to store a submission: ${(error as Error).message}`);
		return refusalResponse(
			error instanceof StoreBusyError ? refusals.storeBusy(error.retryAfterSeconds) : refusals.unavailable(),
		);
	}
	runtime.worker?.kick();

	const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
	// Whether a question goes on to the team's helpdesk (which replies by email) or stays in the store.
	const delivery = runtime.destination ? 'helpdesk' : 'store';
	if (body.form && !wantsJson) {
		// The page's language goes along (`&locale=de`), so the thank-you page can answer in it.
		const language = parsed.data.locale === defaultFeedbackLocale ? '' : `&locale=${parsed.data.locale}`;
		const location = `${thanksPath}?ref=${reference}&kind=${parsed.data.kind}${parsed.data.kind === 'question' ? `&delivery=${delivery}` : ''}${language}`;
		return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: null };
	}
	const message =
		parsed.data.kind === 'question'
			? delivery === 'helpdesk'
				? `Thank you: your question has reached the support team, who reply by email if you left an address. Your reference is ${reference}.`
				: `Thank you: your question is saved for the support team, who read every question; questions sent here are not answered by email. Your reference is ${reference}.`
			: 'Thank you for your feedback.';
	return {
		status: 201,
		headers: { ...jsonHeaders },
		body: safeJson({
			reference,
			kind: parsed.data.kind,
			message,
			...(parsed.data.kind === 'question' ? { delivery } : {}),
		}),
	};
}
