/**
 * Freshdesk, through the tickets API (POST /api/v2/tickets). Freshdesk has no idempotency key, so each
 * ticket carries the tag `feedback-<reference>`; before a repeated attempt the client looks the tag up
 * (GET /api/v2/search/tickets) and, when the first attempt did create the ticket, does not create another.
 */
import { basicAuth, jsonOrNull, send } from './http.ts';
import { ticketHtml, ticketSubject } from './ticket-text.ts';
import type { HelpdeskClient } from './types.ts';

export interface FreshdeskOptions {
	/** The account's address, e.g. https://acme.freshdesk.com. */
	url: string;
	apiKey: string;
	/** Requester for submissions without an email address (Freshdesk requires one). */
	fallbackEmail: string;
}

/** The tag that identifies a submission's ticket; Freshdesk tags are at most 32 characters. */
export const freshdeskTag = (reference: string) => `feedback-${reference}`.toLowerCase();

/** Creates the Freshdesk client. */
export function freshdeskClient(options: FreshdeskOptions): HelpdeskClient {
	const auth = basicAuth(options.apiKey, 'X');
	return {
		name: 'freshdesk',
		async deliver(item, signal) {
			const s = item.submission;
			const tag = freshdeskTag(s.reference);
			if (item.attempts > 1) {
				const search = new URL('/api/v2/search/tickets', options.url);
				search.searchParams.set('query', `"tag:'${tag}'"`);
				const found = await jsonOrNull(await send('Freshdesk search', search.href, { headers: { authorization: auth } }, signal));
				const first = (found?.['results'] as Array<{ id?: unknown }> | undefined)?.[0];
				if (first?.id !== undefined) return { externalId: String(first.id) };
			}
			const response = await send(
				'Freshdesk',
				new URL('/api/v2/tickets', options.url).href,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: auth },
					body: JSON.stringify({
						subject: ticketSubject(s),
						description: ticketHtml(s),
						email: s.email ?? options.fallbackEmail,
						status: 2, // open
						priority: 1, // low
						source: 2, // portal
						tags: ['partner-help', `feedback-${s.kind}`, tag],
					}),
				},
				signal,
			);
			const json = await jsonOrNull(response);
			return { externalId: json?.['id'] === undefined ? null : String(json['id']) };
		},
	};
}
