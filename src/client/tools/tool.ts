/**
 * Answers a tool form in the browser, with the same validation and function as the on-demand
 * route, and shows refusals next to their fields. Without this script the form is sent as usual.
 */
// First: zod must not probe for eval under the page's policy.
import '../zod-jitless.ts';
import { runTool, type ToolSlug } from '../../lib/tools/index.ts';
import { answerHtml, errorsHtml, fieldIds } from '../../lib/tools/answer.ts';
import { reviveToolData } from '../../lib/tools/data.ts';
import { inZone } from '../../lib/tools/time.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form's fields as the query string would carry them (an unticked box is left out). */
function rawInput(form: HTMLFormElement): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const [name, value] of new FormData(form)) if (typeof value === 'string') raw[name] = value;
	return raw;
}

function showErrors(form: HTMLFormElement, errors: Record<string, string>) {
	for (const control of form.querySelectorAll<Control>('[name]')) {
		const ids = fieldIds(control.name);
		const error = form.querySelector<HTMLElement>(`#${ids.error}`);
		const message = errors[control.name];
		if (error) {
			error.textContent = message ?? '';
			error.hidden = !message;
		}
		const hint = form.querySelector(`#${ids.hint}`) ? ids.hint : '';
		const described = [hint, message ? ids.error : ''].filter(Boolean).join(' ');
		if (described) control.setAttribute('aria-describedby', described);
		else control.removeAttribute('aria-describedby');
		if (message) control.setAttribute('aria-invalid', 'true');
		else control.removeAttribute('aria-invalid');
	}
}

/** Wires every tool form on the page. */
export function enhanceToolForms(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-tool]')) {
		const slug = form.dataset['tool'] as ToolSlug;
		const data = reviveToolData(form.dataset['toolData'] ?? '{}');
		const result = document.querySelector<HTMLElement>('[data-tool-result]');
		// A fresh form starts in the reader's own time zone.
		if (form.dataset['fresh'] !== undefined) {
			const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
			for (const input of form.querySelectorAll<HTMLInputElement>('input[data-zone-default]'))
				if (zone && input.value === input.dataset['zoneDefault']) input.value = zone;
			// A link can preset fields: /tools/disclosure/?channel=video.
			for (const [name, value] of new URLSearchParams(location.search)) {
				const control = form.elements.namedItem(name);
				if (
					control instanceof HTMLSelectElement
						? [...control.options].some((o) => o.value === value)
						: control instanceof HTMLInputElement && control.type !== 'checkbox'
				)
					(control as Control).value = value;
			}
		}
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const today = inZone(Date.now(), data.program.payout.cutoffTimeZone).date;
			const run = runTool(slug, data, rawInput(form), today);
			showErrors(form, run.errors);
			if (result) {
				result.innerHTML = run.answer ? answerHtml(run.answer) : errorsHtml(run.errors);
				result.dataset['answeredBy'] = 'browser';
			}
			const first = Object.keys(run.errors)[0];
			if (first) form.querySelector<HTMLElement>(`#${fieldIds(first).control}`)?.focus();
		});
	}
}
