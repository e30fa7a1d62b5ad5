/**
 * The site's words (`/search/words.json`), split by first letter as the synonym table is: a
 * search fetches only the shards of its own words' first letters (`/search/words/c.json` holds
 * "commission", "cookie"…; `_.json` any word not starting with a–z), most frequent first.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { synonymShard } from '../../../lib/search-words.ts';
import { siteWordCounts } from '../_words.ts';

const shards = [...'abcdefghijklmnopqrstuvwxyz', '_'];

export const getStaticPaths = (() => shards.map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const words = [...(await siteWordCounts()).keys()].filter((word) => synonymShard(word) === params['shard']);
	return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json' } });
};
