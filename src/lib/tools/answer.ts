/**
 * What every tool answers with, and its one HTML form: the on-demand route and the browser script
 * both render an answer with `answerHtml`, so the two show the same words.
 */
import { escapeHtml } from '../escape.ts';

/** One figure of an answer: what the reader sees, and its machine form where there is one. */
export interface AnswerFact {
	/** Stable name of the figure, e.g. "commission" (the `data-key` of its `<dd>`). */
	key: string;
	label: string;
	text: string;
	/** Machine form, e.g. "2026-11-16" or "10.40" (the `data-value`). */
	value?: string | undefined;
}

export interface AnswerItem {
	text: string;
	href?: string | undefined;
	/** pass / fail marks a checked item. */
	mark?: 'pass' | 'fail' | undefined;
}

export interface AnswerList {
	key: string;
	title: string;
	items: AnswerItem[];
}

export interface Answer {
	/** The verdict in one sentence. */
	headline: string;
	/** pass and fail colour the verdict; most answers are neutral. */
	tone: 'neutral' | 'pass' | 'fail';
	facts: AnswerFact[];
	/** Lists under the figures: rules in force, changes since, each check's result. */
	lists: AnswerList[];
	/** Why, in sentences. */
	notes: string[];
	/** Where to read more. */
	links: AnswerItem[];
}

export const emptyAnswer = (headline: string, tone: Answer['tone'] = 'neutral'): Answer => ({
	headline,
	tone,
	facts: [],
	lists: [],
	notes: [],
	links: [],
});

const markText = { pass: 'Pass', fail: 'Fail' } as const;
function itemHtml(item: AnswerItem): string {
	const mark = item.mark ? `<span class="ph-answer-mark" data-mark="${item.mark}">${markText[item.mark]}:</span> ` : '';
	const text = item.href ? `<a href="${escapeHtml(item.href)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text);
	return `<li>${mark}${text}</li>`;
}

/** The answer as HTML, headed "Answer", for the result region of a tool page. */
export function answerHtml(answer: Answer): string {
	const facts = answer.facts.length
		? `<dl class="ph-answer-facts">${answer.facts
				.map(
					(f) =>
						`<dt>${escapeHtml(f.label)}</dt><dd data-key="${escapeHtml(f.key)}"${f.value !== undefined ? ` data-value="${escapeHtml(f.value)}"` : ''}>${escapeHtml(f.text)}</dd>`,
				)
				.join('')}</dl>`
		: '';
	const lists = answer.lists
		.map(
			(l) =>
				`<h3>${escapeHtml(l.title)}</h3><ul data-list="${escapeHtml(l.key)}">${l.items.map(itemHtml).join('')}</ul>`,
		)
		.join('');
	const notes = answer.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
	const links = answer.links.length ? `<ul class="ph-answer-links">${answer.links.map(itemHtml).join('')}</ul>` : '';
	return `<div class="ph-answer" data-tone="${answer.tone}"><h2 id="answer">Answer</h2><p class="ph-answer-headline" data-headline><strong>${escapeHtml(answer.headline)}</strong></p>${facts}${lists}${notes}${links}</div>`;
}

/** The id of a tool form's control for a field, and of its hint and error. */
export const fieldIds = (name: string) => ({
	control: `tool-${name}`,
	hint: `tool-${name}-hint`,
	error: `tool-${name}-error`,
});

/** The refusals as a list of links to the fields, for the result region of a tool page. */
export function errorsHtml(errors: Record<string, string>): string {
	const entries = Object.entries(errors);
	return `<div class="ph-answer" data-tone="fail" data-errors><h2 id="answer">Please correct ${entries.length === 1 ? 'one field' : `${entries.length} fields`}</h2><ul>${entries
		.map(([name, message]) => `<li><a href="#${fieldIds(name).control}">${escapeHtml(message)}</a></li>`)
		.join('')}</ul></div>`;
}
