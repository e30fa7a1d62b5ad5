/**
 * The search page's live results (src/pages/search.astro): reads the query and filters from the
 * address, runs the site's search pipeline (src/client/search-engine.ts) as the reader types or
 * changes a filter, and writes the search back into the address so it can be shared.
 */
import { askLink } from '../lib/ask-link.ts';
import { resultTitle, type Landing } from '../lib/search-landing.ts';
import { readSearch, searchQueryString } from '../lib/search-url.ts';
import { fill, readSearchUiStrings } from '../lib/search-ui.ts';
import { renderExcerpt } from './search-results.ts';
import { reportSearch, watchSearchLinks } from './search-events.ts';

type Labels = Record<'audience' | 'type', Record<string, string>>;

const form = document.querySelector<HTMLFormElement>('form.ph-search');
if (form) start(form);

function start(form: HTMLFormElement) {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
	const status = document.getElementById('ph-search-status')!;
	const list = document.getElementById('ph-search-results')!;
	const ask = document.getElementById('ph-search-ask')!;
	const busy = document.getElementById('ph-search-busy')!;
	const labels = JSON.parse(form.dataset['labels'] ?? '{}') as Labels;
	const strings = readSearchUiStrings(form.dataset['strings']);
	// The ask form in the page's language, as the page's own link to it names it.
	const askPath = new URL(ask.querySelector('a')?.href ?? '/ask/', location.href).pathname;
	const engine = import('./search-engine.ts');
	let latest = 0;
	// The result a reader opens, or the ask link they follow, is reported with the search it belongs to.
	watchSearchLinks(document.querySelector('main') ?? document.body);

	/** Reads q and the filters from the address, so a shared link reproduces the search. */
	const fromUrl = () => {
		const allowed = Object.fromEntries(
			selects.map((s) => [s.name, [...s.options].map((o) => o.value).filter(Boolean)]),
		);
		const { query, filters } = readSearch(location.search, allowed);
		input.value = query;
		for (const select of selects) select.value = filters[select.name] ?? '';
	};

	/** Writes the current search into the address (replacing, so Back leaves the page). */
	const toUrl = (query: string, filters: Record<string, string>) => {
		const search = searchQueryString({ query, filters });
		if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
	};

	const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
		const node = document.createElement(tag);
		if (className) node.className = className;
		if (text !== undefined) node.textContent = text;
		return node;
	};
	const askAnchor = (query: string, text: string) => {
		const anchor = element('a', undefined, text);
		anchor.href = askLink(query, 'search', askPath);
		return anchor;
	};

	const renderResult = (landing: Landing): HTMLLIElement => {
		const item = element('li');
		const link = element('a', 'ph-search-title', resultTitle(landing));
		link.href = landing.url;
		item.append(link);
		const audiences = landing.filters['audience'] ?? [];
		const context = [
			...(landing.filters['type'] ?? []).map((t) => labels.type[t] ?? t),
			audiences.length < Object.keys(labels.audience).length
				? fill(strings.forAudiences, {
						audiences: audiences.map((a) => (labels.audience[a] ?? a).toLowerCase()).join(', '),
					})
				: '',
		].filter(Boolean);
		if (context.length) item.append(element('p', 'ph-meta', context.join(' · ')));
		item.append(renderExcerpt(landing.excerpt, 'p'));
		return item;
	};

	const search = async () => {
		const query = input.value.trim();
		const filters = Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
		toUrl(query, filters);
		const run = ++latest;
		ask.hidden = true;
		if (!query) {
			busy.hidden = true;
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		// The status line keeps its last words until the results are in, then announces them.
		busy.hidden = false;
		list.setAttribute('aria-busy', 'true');
		let outcome;
		try {
			outcome = await (await engine).search(query, { filters, limit: 20 });
		} catch {
			if (run !== latest) return;
			busy.hidden = true;
			list.removeAttribute('aria-busy');
			list.replaceChildren();
			status.replaceChildren(`${strings.loadFailed} `, askAnchor(query, strings.askInstead), '.');
			return;
		}
		if (run !== latest) return; // a newer search has started; its results win
		reportSearch({ query, results: outcome.total, filters });
		busy.hidden = true;
		list.removeAttribute('aria-busy');
		list.replaceChildren(...outcome.landings.map(renderResult));
		const filtered = Object.keys(filters).length > 0;
		if (outcome.landings.length === 0) {
			status.replaceChildren(
				`${fill(filtered ? strings.noPagesFiltered : strings.noPages, { query })} `,
				askAnchor(query, strings.askLower),
				` ${strings.carriedOver}`,
			);
			return;
		}
		const shown = outcome.landings.length;
		const matched = outcome.corrected
			? fill(strings.matchedCorrected, { query, count: outcome.total, searched: outcome.searched })
			: fill(outcome.total === 1 ? strings.matchedOne : strings.matchedMany, { query, count: outcome.total });
		status.textContent = `${matched}${shown < outcome.total ? fill(strings.bestShown, { count: shown }) : ''}.`;
		ask.querySelector('a')!.href = askLink(query, 'search', askPath);
		ask.hidden = false;
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		void search();
	});
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => void search(), 250);
	});
	for (const select of selects) select.addEventListener('change', () => void search());
	fromUrl();
	if (input.value) void search();
	// Start fetching the index while the reader types.
	void engine.then((e) => e.loadPagefind()).catch(() => undefined);
}
