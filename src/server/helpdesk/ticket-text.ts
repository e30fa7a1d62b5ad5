/** The subject and body of a ticket, shared by the helpdesk clients so every destination reads alike. */
import type { StoredSubmission } from '../store.ts';
import { escapeHtml } from '../../lib/escape.ts';
import { locales } from '../../i18n/locales.ts';

/** "de (Deutsch)": the tag a submission carries, with the language's own name when the site has it. */
export function languageLine(tag: string): string {
	const name = Object.values(locales).find((l) => l.lang === tag)?.label;
	return `Language: ${name ? `${tag} (${name})` : tag}`;
}

/** One line that tells an agent what this is. */
export function ticketSubject(s: StoredSubmission): string {
	if (s.kind === 'vote') return `[${s.reference}] Page ${s.helpful ? 'helpful' : 'not helpful'}: ${s.page}`;
	const question = (s.question ?? '').replace(/\s+/g, ' ');
	return `[${s.reference}] ${question.length > 80 ? `${question.slice(0, 77)}...` : question}`;
}

/** The full text, as plain lines. */
export function ticketBody(s: StoredSubmission): string {
	const lines =
		s.kind === 'vote'
			? [
					`Was this page helpful? ${s.helpful ? 'Yes' : 'No'}`,
					`Page: ${s.page}`,
					s.comment ? `Comment:\n${s.comment}` : 'No comment.',
					languageLine(s.locale),
				]
			: [
					s.question ?? '',
					'',
					`Audience: ${s.audience ?? 'not given'}`,
					// Agents answer in the language the reader asked in.
					languageLine(s.locale),
					`Came from: ${s.from ?? 'not given'}`,
					...(s.query ? [`Search query: ${s.query}`] : []),
					// Anyone can type any address into the form: the agent is told it is unconfirmed.
					`Reply to: ${s.email ? `${s.email} (typed by the reader, not verified)` : 'no email given'}`,
				];
	return [...lines, '', `Reference: ${s.reference}`, `Received: ${new Date(s.createdAt).toISOString()}`].join('\n');
}

/** The subject for helpdesks that render it as HTML (Freshdesk). */
export const ticketSubjectHtml = (s: StoredSubmission) => escapeHtml(ticketSubject(s));

/** The same text as HTML for helpdesks that render descriptions as HTML; every character of the reader's text is escaped. */
export function ticketHtml(s: StoredSubmission): string {
	return ticketBody(s).split('\n').map(escapeHtml).join('<br>');
}
