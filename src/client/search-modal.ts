/**
 * The header search box (src/components/Search.astro): opens with its button or Ctrl/⌘+K, runs
 * the site's search pipeline as the reader types (loaded on first use, src/client/search-engine.ts),
 * and lists one result per answer. Down and Up arrows move between the input and the results,
 * Enter opens the focused result (or the first, from the input), Escape closes. The status line
 * says "Searching…", then how many answers were found; none found offers the ask form with the query.
 */
import { askLink } from '../lib/ask-link.ts';
import { resultTitle, type Landing } from '../lib/search-landing.ts';
import { searchQueryString } from '../lib/search-url.ts';
import { fill, readSearchUiStrings } from '../lib/search-ui.ts';
import { renderExcerpt } from './search-results.ts';
import { reportSearch, watchSearchLinks } from './search-events.ts';

/** Answers the box lists. */
const shown = 5;

class SiteSearch extends HTMLElement {
	connectedCallback() {
		const open = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
		const close = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
		const dialog = this.querySelector('dialog')!;
		const frame = this.querySelector<HTMLElement>('.ph-modal-frame')!;
		const form = this.querySelector<HTMLFormElement>('form')!;
		const input = this.querySelector<HTMLInputElement>('input[name="q"]')!;
		const status = this.querySelector<HTMLElement>('.ph-modal-status')!;
		const list = this.querySelector<HTMLOListElement>('.ph-modal-results')!;
		const more = this.querySelector<HTMLElement>('.ph-modal-more')!;
		const searchPage = more.querySelector<HTMLAnchorElement>('[data-search-page]')!;
		const ask = more.querySelector<HTMLAnchorElement>('[data-ask]')!;
		const strings = readSearchUiStrings(this.dataset['strings']);
		// The search page and the ask form in the page's language, as the page's links name them.
		const searchPath = new URL(searchPage.href).pathname;
		const askPath = new URL(ask.href).pathname;
		const askFor = (query: string) => askLink(query, 'search', askPath);

		showShortcut(open);

		const onClick = (event: MouseEvent) => {
			// A click on a result link, or outside the dialog's frame, closes it.
			const target = event.target as Node;
			if (
				(target instanceof HTMLAnchorElement && dialog.contains(target)) ||
				(document.body.contains(target) && !frame.contains(target))
			)
				dialog.close();
		};
		const openModal = (event?: Event) => {
			dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
			input.focus();
			input.select();
			event?.stopPropagation();
			window.addEventListener('click', onClick);
			void engine()
				.then((e) => e.loadPagefind())
				.catch(() => undefined); // load the index while the reader types
		};
		open.addEventListener('click', openModal);
		open.disabled = false;
		close.addEventListener('click', () => dialog.close());
		dialog.addEventListener('close', () => {
			document.body.toggleAttribute('data-search-modal-open', false);
			window.removeEventListener('click', onClick);
		});
		window.addEventListener('keydown', (event) => {
			if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
				event.preventDefault();
				if (dialog.open) dialog.close();
				else openModal();
			}
		});

		let latest = 0;
		watchSearchLinks(dialog);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

		const update = async () => {
			const query = input.value.trim();
			const run = ++latest;
			searchPage.href = `${searchPath}${searchQueryString({ query, filters: {} })}`;
			ask.href = askFor(query);
			more.hidden = query === '';
			if (!query) {
				list.replaceChildren();
				status.textContent = '';
				return;
			}
			status.textContent = strings.searching;
			list.setAttribute('aria-busy', 'true');
			let landings: Landing[];
			try {
				const { search, pageAudience } = await engine();
				let total: number;
				({ landings, total } = await search(query, { limit: shown, prefer: pageAudience() }));
				if (run === latest) reportSearch({ query, results: total });
			} catch {
				if (run !== latest) return;
				list.removeAttribute('aria-busy');
				list.replaceChildren();
				status.replaceChildren(`${strings.loadFailed} `, anchor(askFor(query), strings.askInstead), '.');
				return;
			}
			if (run !== latest) return; // a later keystroke has its own search under way
			list.removeAttribute('aria-busy');
			list.replaceChildren(...landings.map(resultItem));
			if (landings.length === 0) {
				status.replaceChildren(
					`${fill(strings.noAnswer, { query })} `,
					anchor(askFor(query), strings.ask),
					` ${strings.carriedOver}`,
				);
			} else {
				const found = landings.length === 1 ? strings.answersOne : strings.answersMany;
				status.textContent = fill(found, { query, count: landings.length });
			}
		};

		input.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(() => void update(), 200);
		});
		form.addEventListener('submit', (event) => {
			// Enter in the box opens the first answer; with none yet, the search page takes the query.
			const first = links()[0];
			if (first && input.value.trim()) {
				event.preventDefault();
				first.click();
			}
		});
		dialog.addEventListener('keydown', (event) => {
			// Escape closes at once: in a search field, Chromium would first only clear the field.
			if (event.key === 'Escape') {
				event.preventDefault();
				dialog.close();
				return;
			}
			if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
			const all = links();
			if (all.length === 0) return;
			const at = all.indexOf(document.activeElement as HTMLAnchorElement);
			if (at === -1 && document.activeElement !== input) return;
			event.preventDefault();
			const next = event.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : at - 1;
			(next < 0 ? input : all[next]!).focus();
		});
		list.addEventListener('keydown', (event) => {
			// Typing while on a result goes on typing in the box.
			if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) input.focus();
		});
	}
}

let loaded: Promise<typeof import('./search-engine.ts')> | undefined;
/** The pipeline, loaded when the box is first opened. */
const engine = () => {
	loaded ??= import('./search-engine.ts');
	loaded.catch(() => (loaded = undefined));
	return loaded;
};

function resultItem(landing: Landing): HTMLLIElement {
	const item = document.createElement('li');
	const link = anchor(landing.url, '');
	const title = document.createElement('span');
	title.className = 'ph-result-title';
	title.textContent = resultTitle(landing);
	link.append(title, renderExcerpt(landing.excerpt, 'span'));
	item.append(link);
	return item;
}

function anchor(href: string, text: string): HTMLAnchorElement {
	const a = document.createElement('a');
	a.href = href;
	a.textContent = text;
	return a;
}

/**
 * Shows the shortcut on the button (⌘ on Apple devices; `navigator.platform`, since the user agent
 * is spoofed by some browsers' developer tools). The button's name then contains the words it
 * shows, "Search Ctrl K" (WCAG 2.5.3, Label in Name), so that a speech user who says what they
 * see reaches it; spaces, which the flex layout does not show, keep the words apart.
 */
function showShortcut(open: HTMLButtonElement) {
	const shortcut = open.querySelector<HTMLElement>(':scope > kbd');
	const keys = [...(shortcut?.querySelectorAll('kbd') ?? [])];
	if (!shortcut || keys.length === 0) return;
	if (/(Mac|iPhone|iPod|iPad)/i.test(navigator.platform)) {
		keys[0]!.textContent = '⌘';
		open.setAttribute('aria-keyshortcuts', 'Meta+K');
	}
	shortcut.hidden = false;
	for (const element of [...open.children, ...keys].slice(1)) element.before(' ');
	open.setAttribute(
		'aria-label',
		`${open.getAttribute('aria-label') ?? 'Search'} ${keys.map((k) => k.textContent?.trim()).join(' ')}`,
	);
}

customElements.define('site-search', SiteSearch);
