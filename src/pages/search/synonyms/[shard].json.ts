/**
 * Readers' words → the site's words (src/pages/search/_wordnet.ts), split by first letter so that
 * a search fetches only the few small shards its words need: `/search/synonyms/b.json` holds
 * "broken", "bought"…; `_.json` any word not starting with a–z.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { synonymShard } from '../../../lib/search-words.ts';
import { siteSynonyms } from '../_words.ts';

const shards = [...'abcdefghijklmnopqrstuvwxyz', '_'];

export const getStaticPaths = (() => shards.map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const table = await siteSynonyms();
	const shard = Object.fromEntries(Object.entries(table).filter(([word]) => synonymShard(word) === params['shard']));
	return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
