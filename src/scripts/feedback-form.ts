/**
 * Progressive enhancement for the feedback forms. Everything here is optional: the forms post and
 * confirm without it. Nothing the reader typed is ever inserted as HTML.
 */

interface FeedbackError {
	error?: { message?: string; fields?: Array<{ field: string; message: string }> };
}

/** Sends a form as JSON and confirms in place; falls back to the plain form post if the request fails. */
export function enhanceFeedbackForms(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-feedback-form]')) {
		if (form.dataset['enhanced']) continue;
		form.dataset['enhanced'] = 'true';
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
			const status = form.querySelector<HTMLElement>('[data-feedback-status]');
			const section = form.querySelector<HTMLInputElement>('input[name="section"]');
			if (section) section.value = location.hash.slice(1);
			const fields = Object.fromEntries(new FormData(form, submitter));
			const buttons = form.querySelectorAll<HTMLButtonElement>('button');
			buttons.forEach((b) => (b.disabled = true));
			let response: Response;
			try {
				response = await fetch(form.action, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify(fields),
				});
			} catch {
				// Offline or blocked: let the browser post the form itself, so nothing typed is lost.
				buttons.forEach((b) => (b.disabled = false));
				HTMLFormElement.prototype.submit.call(form);
				return;
			}
			buttons.forEach((b) => (b.disabled = false));
			const body = (await response.json().catch(() => ({}))) as FeedbackError & { reference?: string; message?: string };
			if (!status) return;
			if (response.ok) {
				status.textContent = body.message ?? 'Thank you.';
				status.dataset['state'] = 'sent';
				form.querySelector('fieldset')?.setAttribute('disabled', '');
				if (form.dataset['feedbackForm'] === 'question') form.reset();
			} else {
				status.dataset['state'] = 'error';
				const problems = body.error?.fields?.map((f) => `${f.field}: ${f.message}`).join(' ');
				status.textContent = `${body.error?.message ?? `The server answered ${response.status}.`}${problems && !body.error?.message?.includes(problems) ? ` ${problems}` : ''}`;
				const first = body.error?.fields?.[0]?.field;
				if (first) form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]:not([type=hidden])`)?.focus();
			}
		});
	}
}

/** Fills the question form from `/ask/?q=<query>&from=<path or "search">`, the contract with the search page. */
export function prefillQuestion(): void {
	const params = new URLSearchParams(location.search);
	const form = document.querySelector<HTMLFormElement>('form[data-feedback-form="question"]');
	if (!form) return;
	const set = (name: string, value: string | null) => {
		const field = form.elements.namedItem(name);
		if (value && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && !field.value) field.value = value;
	};
	set('question', params.get('q'));
	set('query', params.get('q'));
	set('from', params.get('from'));
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
		const engine = question ? await import('../client/search-engine.ts').catch(() => null) : null;
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
