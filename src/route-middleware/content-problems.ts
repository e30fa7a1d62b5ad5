/**
 * In `npm run dev`, a page whose entries break a content rule shows the problems at its top
 * (file, field, message, hint) instead of the whole site failing; a build still stops on them.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadContent } from '../data/content.ts';
import { fieldOf } from '../lib/errors.ts';
import { escapeHtml as escape } from '../lib/escape.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
	if (import.meta.env.MODE !== 'development') return;
	const problems = (await loadContent()).problemsAt(context.url.pathname);
	if (!problems.length) return;
	const items = problems
		.map(
			(p) =>
				`<li><code>${escape(p.where.file ?? '')}</code> › ${escape(fieldOf(p.where))}: ${escape(p.message)} <em>${escape(p.hint ?? '')}</em></li>`,
		)
		.join('');
	const data = context.locals.starlightRoute.entry.data as { banner?: { content: string } };
	data.banner = {
		content: `<div id="content-problems" role="alert" data-content-problems><strong>${problems.length} content problem${problems.length === 1 ? '' : 's'} on this page</strong> (a build stops on ${problems.length === 1 ? 'it' : 'them'}; <code>npm run check:content</code> lists them all):<ul style="text-align:start">${items}</ul></div>`,
	};
});
