/**
 * Zendesk, through the Requests API (POST /api/v2/requests.json): a request is a ticket seen from the
 * requester's side, so the reader who left an email address receives Zendesk's replies.
 * The Idempotency-Key header makes Zendesk return the first ticket for a repeated key instead of a second one.
 */
import { basicAuth, jsonOrNull, send, ticketId } from './http.ts';
import { ticketBody, ticketSubject } from './ticket-text.ts';
import type { HelpdeskClient } from './types.ts';

export interface ZendeskOptions {
	/** The account's address, e.g. https://acme.zendesk.com. */
	url: string;
	/** The agent the token belongs to. */
	email: string;
	apiToken: string;
}

/**
 * Zendesk's ids of our languages (its Locales API, GET /api/v2/locales: 1 is en-US, 8 is de). A new
 * requester's `locale_id` sets the language Zendesk writes to them in; Zendesk leaves an existing
 * user's language as it is.
 */
export const zendeskLocaleIds: Readonly<Record<string, number>> = { en: 1, de: 8 };

/** The tag that marks a ticket's language, so views and triggers can route it (`lang-de`). */
export const zendeskLanguageTag = (locale: string) => `lang-${locale}`;

/** Creates the Zendesk client. */
export function zendeskClient(options: ZendeskOptions): HelpdeskClient {
	const endpoint = new URL('/api/v2/requests.json', options.url).href;
	return {
		name: 'zendesk',
		async deliver(item, signal) {
			const s = item.submission;
			const request: Record<string, unknown> = {
				subject: ticketSubject(s),
				comment: { body: ticketBody(s) },
				tags: ['partner-help', `feedback-${s.kind}`, zendeskLanguageTag(s.locale)],
			};
			// Without an email the request is filed under the agent that owns the token (whose language is
			// not the reader's: the tag and the ticket text carry it). With one, the reader becomes the
			// requester, in their language, so Zendesk's replies reach them, but unverified: anyone can type
			// anyone's address.
			const localeId = zendeskLocaleIds[s.locale];
			if (s.email)
				request['requester'] = {
					name: s.email.split('@')[0],
					email: s.email,
					verified: false,
					...(localeId === undefined ? {} : { locale_id: localeId }),
				};
			const response = await send(
				'Zendesk',
				endpoint,
				{
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						authorization: basicAuth(`${options.email}/token`, options.apiToken),
						'idempotency-key': s.reference,
					},
					body: JSON.stringify({ request }),
				},
				signal,
			);
			const json = await jsonOrNull(response);
			return { externalId: ticketId((json?.['request'] as { id?: unknown } | undefined)?.id) };
		},
	};
}
