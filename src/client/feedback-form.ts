/**
 * Progressive enhancement for the feedback forms. Everything here is optional: the forms post and
 * confirm without it. Nothing the reader typed is ever inserted as HTML. The texts it shows come
 * from the form's `data-text-*` attributes, written by the component in the page's language.
 */

import { showLocalHours } from './local-hours.ts';

/** A text the component wrote on the form (`data-text-<name>`), with `{{name}}` filled in. */
function text(form: HTMLFormElement, name: string, values: Record<string, string> = {}): string {
	const template = form.dataset[`text${name[0]!.toUpperCase()}${name.slice(1)}`] ?? '';
	return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

interface FeedbackError {
	error?: { message?: string; fields?: Array<{ field: string; message: string }> };
}
type FeedbackAnswer = FeedbackError & { reference?: string; message?: string; delivery?: 'helpdesk' | 'store' };

/** Posts fields as JSON; null when the request could not be made at all (offline, blocked). */
async function post(
	form: HTMLFormElement,
	fields: Record<string, FormDataEntryValue>,
): Promise<{ response: Response; body: FeedbackAnswer } | null> {
	let response: Response;
	try {
		response = await fetch(form.action, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(fields),
		});
	} catch {
		return null;
	}
	return { response, body: (await response.json().catch(() => ({}))) as FeedbackAnswer };
}

/** Says what went wrong, names the fields, and puts focus on the first one. */
function showError(form: HTMLFormElement, status: HTMLElement | null, response: Response, body: FeedbackAnswer): void {
	if (!status) return;
	status.dataset['state'] = 'error';
	const problems = body.error?.fields?.map((f) => `${f.field}: ${f.message}`).join(' ');
	status.textContent = `${body.error?.message ?? text(form, 'serverAnswered', { status: String(response.status) })}${problems && !body.error?.message?.includes(problems) ? ` ${problems}` : ''}`;
	const first = body.error?.fields?.[0]?.field;
	if (first) form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]:not([type=hidden])`)?.focus();
}

/** Without the script's request, the browser posts the form itself, so nothing typed is lost. */
function postPlainly(form: HTMLFormElement, submitter: HTMLButtonElement | null): void {
	if (submitter?.name) {
		const carry = document.createElement('input');
		carry.type = 'hidden';
		carry.name = submitter.name;
		carry.value = submitter.value;
		form.append(carry);
	}
	HTMLFormElement.prototype.submit.call(form);
}

/**
 * The question form, once sent: the confirmation panel (reference, what happens next, reply targets)
 * takes the form's place and receives focus. Only the lines for the reader's audience and for the
 * delivery in force stay; the email address goes in as text.
 */
function confirmQuestion(form: HTMLFormElement, body: FeedbackAnswer): void {
	const panel = form.closest('[data-ask-block]')?.querySelector<HTMLElement>('[data-ask-confirm]');
	if (!panel || !body.reference) return;
	const audience = (form.elements.namedItem('audience') as HTMLSelectElement | null)?.value ?? '';
	const email = ((form.elements.namedItem('email') as HTMLInputElement | null)?.value ?? '').trim();
	const delivery = body.delivery === 'helpdesk' ? 'helpdesk' : 'store';
	panel.querySelector('[data-reference]')!.textContent = body.reference;
	const shownEmail = panel.querySelector('[data-confirm-email]');
	if (shownEmail) shownEmail.textContent = email;
	for (const line of panel.querySelectorAll<HTMLElement>('[data-delivery]')) {
		line.hidden =
			line.dataset['delivery'] !== delivery ||
			(line.dataset['email'] !== undefined && line.dataset['email'] !== (email ? 'given' : 'none'));
	}
	const from = (form.elements.namedItem('from') as HTMLInputElement | null)?.value ?? '';
	const back = panel.querySelector<HTMLAnchorElement>('[data-confirm-back]');
	if (back && from.startsWith('/') && !from.startsWith('//')) {
		back.href = from;
		back.hidden = false;
	}
	for (const line of panel.querySelectorAll<HTMLElement>('[data-reply-for]'))
		line.hidden = Boolean(audience) && line.dataset['replyFor'] !== audience;
	// The reply targets' hours, in the reader's own time too (the ask page's table does the same).
	showLocalHours(panel);
	form.hidden = true;
	panel.hidden = false;
	panel.focus();
}

/** Marks the vote button pressed (and only that one). */
function press(form: HTMLFormElement, value: string): void {
	for (const b of form.querySelectorAll<HTMLButtonElement>('[data-vote]'))
		b.setAttribute('aria-pressed', String(b.dataset['vote'] === value));
}

/**
 * Sends a form as JSON and confirms in place; falls back to the plain form post if the request fails.
 * A vote: "Yes" goes at once; "No" opens the comment box and the way to ask the team, and goes with
 * the comment when the reader sends it, or alone when the reader leaves the page first.
 */
export function enhanceFeedbackForms(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-feedback-form]')) {
		if (form.dataset['enhanced']) continue;
		form.dataset['enhanced'] = 'true';
		const status = form.querySelector<HTMLElement>('[data-feedback-status]');
		const isVote = form.dataset['feedbackForm'] === 'vote';
		let pendingNo = false;
		if (isVote) {
			// A "No" not yet sent with a comment still counts: it goes when the page is left.
			addEventListener('pagehide', () => {
				if (!pendingNo) return;
				pendingNo = false;
				fillSection();
				const fields = Object.fromEntries(new FormData(form));
				delete fields['comment'];
				navigator.sendBeacon(
					form.action,
					new Blob([JSON.stringify({ ...fields, helpful: 'no' })], { type: 'application/json' }),
				);
			});
		}
		// A page-wide vote on a page of several questions records the one the reader was on (the address's #fragment).
		const fillSection = () => {
			const section = form.querySelector<HTMLInputElement>('input[name="section"][data-section-from-address]');
			if (section) section.value = location.hash.slice(1);
		};
		// post() answers null when the network fails, so the handler settles without rejecting.
		const submit = async (event: SubmitEvent) => {
			event.preventDefault();
			const submitter = event.submitter as HTMLButtonElement | null;
			fillSection();
			const more = form.querySelector<HTMLElement>('[data-vote-more]');
			if (isVote && submitter?.dataset['vote'] === 'no' && more) {
				press(form, 'no');
				pendingNo = true;
				more.hidden = false;
				if (status) {
					status.dataset['state'] = '';
					status.textContent = text(form, 'sorry');
				}
				form.querySelector<HTMLTextAreaElement>('textarea[name="comment"]')?.focus();
				return;
			}
			if (isVote && submitter?.dataset['vote'] === 'yes') press(form, 'yes');
			const fields = Object.fromEntries(new FormData(form, submitter));
			if (isVote && submitter?.dataset['vote'] === 'yes') delete fields['comment'];
			const buttons = form.querySelectorAll<HTMLButtonElement>('button');
			buttons.forEach((b) => (b.disabled = true));
			const answer = await post(form, fields);
			buttons.forEach((b) => (b.disabled = false));
			if (!answer) {
				pendingNo = false;
				postPlainly(form, submitter);
				return;
			}
			const { response, body } = answer;
			if (!response.ok) return showError(form, status, response, body);
			if (!isVote) return confirmQuestion(form, body);
			pendingNo = false;
			if (status) {
				status.dataset['state'] = 'sent';
				status.textContent = text(form, submitter?.dataset['vote'] === 'yes' ? 'glad' : 'thanksComment');
			}
			for (const b of form.querySelectorAll<HTMLButtonElement>('[data-vote]')) b.disabled = true;
			const send = form.querySelector<HTMLElement>('[data-vote-send]');
			if (send) send.hidden = true;
			const comment = form.querySelector<HTMLTextAreaElement>('textarea[name="comment"]');
			if (comment) comment.readOnly = true;
		};
		form.addEventListener('submit', (event) => void submit(event));
	}
}

/** Fills the question form from `/ask/?q=<query>&from=<path or "search">`, the contract with the search page. */
export function prefillQuestion(): void {
	const params = new URLSearchParams(location.search);
	const form = document.querySelector<HTMLFormElement>('form[data-feedback-form="question"]');
	if (!form) return;
	const set = (name: string, value: string | null) => {
		const field = form.elements.namedItem(name);
		if (value && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && !field.value)
			field.value = value;
	};
	set('question', params.get('q'));
	set('query', params.get('q'));
	set('from', params.get('from'));
	const audience = params.get('audience');
	const select = form.elements.namedItem('audience');
	if (audience && select instanceof HTMLSelectElement && [...select.options].some((o) => o.value === audience))
		select.value = audience;
}

/** On the ask page: the support channels table shows the rows for the audience chosen under "I am". */
export function channelsForAudience(): void {
	const select = document.querySelector<HTMLSelectElement>('[data-audience-select]');
	const table = document.querySelector<HTMLElement>('[data-support-channels]');
	if (!select || !table) return;
	const show = () => {
		for (const row of table.querySelectorAll<HTMLElement>('tr[data-audiences]'))
			row.hidden = Boolean(select.value) && !row.dataset['audiences']!.split(' ').includes(select.value);
	};
	select.addEventListener('change', show);
	show();
}

/**
 * Suggests articles that match the question while it is typed: the site's one search pipeline,
 * as the header search box and the search page run it (src/client/search-engine.ts; measured by
 * npm run bench:relevance), loaded on first use.
 */
export function suggestWhileTyping(): void {
	const source = document.querySelector<HTMLTextAreaElement>('[data-suggest-source]');
	const box = document.querySelector<HTMLElement>('[data-suggestions]');
	const list = document.querySelector<HTMLElement>('[data-suggestions-list]');
	if (!source || !box || !list) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let latest = 0;
	const update = async () => {
		const run = ++latest;
		const question = source.value.trim();
		const engine = question ? await import('./search-engine.ts').catch(() => null) : null;
		const found = engine ? await engine.search(question, { limit: 5 }).catch(() => null) : null;
		if (run !== latest) return; // a later keystroke has its own search under way
		list.replaceChildren(
			...(found?.landings ?? []).map((landing) => {
				const item = document.createElement('li');
				const link = document.createElement('a');
				link.href = landing.url;
				link.textContent = engine!.resultTitle(landing);
				item.append(link);
				return item;
			}),
		);
		box.hidden = list.childElementCount === 0;
	};
	source.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => void update(), 250);
	});
	if (source.value) void update();
}
