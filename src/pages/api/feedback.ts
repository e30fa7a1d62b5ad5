import type { APIRoute } from 'astro';
import { handleFeedback } from '../../server/handler.ts';
import { getRuntime } from '../../server/runtime.ts';

/** Rendered on demand: readers' questions and "Was this helpful?" votes (see src/server/handler.ts). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => handleFeedback(request, { clientAddress }, await getRuntime());
