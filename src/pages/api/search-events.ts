import type { APIRoute } from 'astro';
import { handleSearchEventsRequest } from '../../server/search-events/handler.ts';
import { getSupportRuntime } from '../../server/search-events/runtime.ts';

/** Rendered on demand: search events from the browser, counted per day (see src/server/search-events/handler.ts). */
export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => handleSearchEventsRequest(request, clientAddress, await getSupportRuntime());
