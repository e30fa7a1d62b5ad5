/**
 * The site's words → the stems Pagefind files them under (src/lib/search-stems.ts), split by
 * first letter as `/search/words/<letter>.json` is, so that a search fetches the shards of its
 * own words alone: `/search/stems/c.json` holds "commission": "commiss"…
 *
 * Pagefind stems English pages with Snowball's English stemmer (Porter2); `snowball-stemmers`
 * is that algorithm compiled from Snowball's own source, in the release before Snowball 2,
 * which measures words beginning with a few more prefixes ("past", "inter"…) from after the
 * prefix, as Pagefind's stemmer does: such words are left out. The integration test checks
 * every entry against the built index. Build time only: no browser loads it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { newStemmer } from 'snowball-stemmers';
import { stemTable } from '../../../lib/search-stems.ts';
import { synonymShard } from '../../../lib/search-words.ts';
import { siteWordCounts } from '../_words.ts';

const shards = [...'abcdefghijklmnopqrstuvwxyz', '_'];

export const getStaticPaths = (() => shards.map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

const english = newStemmer('english');
/** Prefixes Snowball 2 added to the three ("gener", "commun", "arsen") its stemmer already treats so. */
const snowball2Prefixes = ['past', 'univers', 'later', 'emerg', 'organ', 'inter'];
/** Pagefind's stem of a word; a word whose stem may differ between the two releases keeps itself (no entry). */
const pagefindStem = (word: string) => (snowball2Prefixes.some((p) => word.startsWith(p)) ? word : english.stem(word));
let table: Promise<Record<string, string>> | undefined;

export const GET: APIRoute = async ({ params }) => {
	table ??= siteWordCounts().then((counts) => stemTable(counts.keys(), pagefindStem));
	const shard = Object.fromEntries(
		Object.entries(await table).filter(([word]) => synonymShard(word) === params['shard']),
	);
	return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
