import type { Audience } from '../schemas/common.ts';
import type { SupportChannel } from '../schemas/program.ts';

/** The written channel that answers a question from one audience, and how soon it replies. */
export interface ReplyTarget {
	audience: Audience;
	channel: SupportChannel;
}

/**
 * For each audience, the email channel that serves it with the quickest first reply: where a question
 * sent from the ask form is answered, and by when. An audience with no email channel has no target.
 */
export function replyTargets(channels: readonly SupportChannel[], audiences: readonly Audience[]): ReplyTarget[] {
	return audiences.flatMap((audience) => {
		const written = channels
			.filter((c) => c.kind === 'email' && c.audiences.includes(audience))
			.sort((a, b) => a.firstResponseHours - b.firstResponseHours);
		return written[0] ? [{ audience, channel: written[0] }] : [];
	});
}
