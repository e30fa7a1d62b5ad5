/**
 * Freshdesk, through the tickets API (POST /api/v2/tickets). Freshdesk has no idempotency key, so each
 * ticket carries the tag `feedback-<reference>`; before a repeated attempt the client looks the tag up
 * (GET /api/v2/search/tickets) and, when the first attempt did create the ticket, does not create another.
 */
import { basicAuth, jsonOrNull, send, ticketId } from './http.ts';
import { ticketHtml, ticketSubjectHtml } from './ticket-text.ts';
import type { HelpdeskClient } from './types.ts';

export interface FreshdeskOptions {
	/** The account's address, e.g. https://acme.freshdesk.com. */
	url: string;
	apiKey: string;
	/** Requester of every ticket (Freshdesk requires one); the reader's address is in the description. */
	fallbackEmail: string;
}

/** The tag that identifies a submission's ticket; Freshdesk tags are at most 32 characters. */
export const freshdeskTag = (reference: string) => `feedback-${reference}`.toLowerCase();

/**
 * The tag that marks a ticket's language (`lang:de`). Freshdesk's ticket has no language of its own
 * (a contact has one, and our tickets are filed under the team's address), so a tag carries it.
 */
export const freshdeskLanguageTag = (locale: string) => `lang:${locale}`;

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
				const found = await jsonOrNull(
					await send('Freshdesk search', search.href, { headers: { authorization: auth } }, signal),
				);
				const first = (found?.['results'] as Array<{ id?: unknown }> | undefined)?.[0];
				const externalId = ticketId(first?.id);
				if (externalId !== null) return { externalId };
			}
			const response = await send(
				'Freshdesk',
				new URL('/api/v2/tickets', options.url).href,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: auth },
					body: JSON.stringify({
						// Freshdesk shows the subject as HTML too.
						subject: ticketSubjectHtml(s),
						description: ticketHtml(s),
						// Freshdesk's ticket API has no way to mark an address unverified, and its requester becomes a
						// contact: the ticket is filed under the team's own address, and the reader's address is contact
						// data in the description, for an agent to use after judging it.
						email: options.fallbackEmail,
						status: 2, // open
						priority: 1, // low
						source: 2, // portal
						tags: ['partner-help', `feedback-${s.kind}`, tag, freshdeskLanguageTag(s.locale)],
					}),
				},
				signal,
			);
			const json = await jsonOrNull(response);
			return { externalId: ticketId(json?.['id']) };
		},
	};
}
