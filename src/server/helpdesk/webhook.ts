/** A generic webhook: POSTs each submission as JSON. Receivers drop repeats by the Idempotency-Key header. */
import { createHmac } from 'node:crypto';
import { jsonOrNull, send } from './http.ts';
import type { HelpdeskClient } from './types.ts';

export interface WebhookOptions {
	url: string;
	/** When set, `X-Feedback-Signature: sha256=<hex HMAC of the body>` lets the receiver check the sender. */
	secret?: string | undefined;
}

/** Creates the webhook client. */
export function webhookClient(options: WebhookOptions): HelpdeskClient {
	return {
		name: 'webhook',
		async deliver(item, signal) {
			// The address is what the reader typed, never confirmed: the receiver sees it named so.
			const { id: _id, email, ...rest } = item.submission;
			const submission = { ...rest, unverifiedEmail: email };
			const body = JSON.stringify({ type: 'feedback.submission', attempt: item.attempts, submission });
			const headers: Record<string, string> = {
				'content-type': 'application/json',
				'idempotency-key': item.submission.reference,
				'user-agent': 'partner-help-feedback',
			};
			if (options.secret)
				headers['x-feedback-signature'] = `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`;
			const response = await send('The webhook', options.url, { method: 'POST', headers, body }, signal);
			const json = await jsonOrNull(response);
			return {
				externalId:
					json && (typeof json['id'] === 'string' || typeof json['id'] === 'number') ? String(json['id']) : null,
			};
		},
	};
}
