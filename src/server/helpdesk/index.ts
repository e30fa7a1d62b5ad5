/** Builds the helpdesk client the configuration names, or none when submissions stay in the store. */
import type { FeedbackConfig } from '../../schemas/feedback-config.ts';
import { freshdeskClient } from './freshdesk.ts';
import type { HelpdeskClient } from './types.ts';
import { webhookClient } from './webhook.ts';
import { zendeskClient } from './zendesk.ts';

/** The configured destination's client; the config schema has already checked its settings are present. */
export function helpdeskFor(config: FeedbackConfig): HelpdeskClient | null {
	switch (config.FEEDBACK_DESTINATION) {
		case 'webhook':
			return webhookClient({ url: config.FEEDBACK_WEBHOOK_URL!, secret: config.FEEDBACK_WEBHOOK_SECRET });
		case 'zendesk':
			return zendeskClient({
				url: config.ZENDESK_URL!,
				email: config.ZENDESK_EMAIL!,
				apiToken: config.ZENDESK_API_TOKEN!,
			});
		case 'freshdesk':
			return freshdeskClient({
				url: config.FRESHDESK_URL!,
				apiKey: config.FRESHDESK_API_KEY!,
				fallbackEmail: config.FRESHDESK_FALLBACK_EMAIL,
			});
		case 'none':
			return null;
	}
}
