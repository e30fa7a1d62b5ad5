/**
 * /faq/<topic>/questions.json, for topics that span pages: each question's id and the page that
 * holds it now. Questions are listed in order, so when a topic grows, a question can move to the
 * next page; a link someone saved to its old page finds it through this (see MovedQuestion.astro).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadContent } from '../../../data/content.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths: GetStaticPaths = async () => {
	const { faqsByTopic } = await loadContent();
	return faqsByTopic
		.filter(({ pages }) => pages.length > 1)
		.map(({ topic, questions }) => ({
			params: { topic },
			props: { places: Object.fromEntries(questions.map((f) => [f.id, urls.faq(topic, f.id, f.page)])) },
		}));
};

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props['places']), { headers: { 'content-type': 'application/json' } });
