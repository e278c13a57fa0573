import { type ClientResponse, hc, type InferResponseType } from 'hono/client';
import type { Api } from '../api.js';

/**
 * The API client, typed by the server's own route chain (`Api`): every path, parameter and answer the UI
 * uses is checked against the server when the UI compiles, so the two cannot drift apart. The store's token
 * comes from the page's meta tag (same-origin only) and goes with every request.
 */
const token = document.querySelector<HTMLMetaElement>('meta[name="sitrep-token"]')?.content ?? '';

/** The headers every API request carries. */
export const apiHeaders: Record<string, string> = token
  ? { 'X-Sitrep-Token': token, Accept: 'application/json' }
  : { Accept: 'application/json' };

export const client = hc<Api>(new URL('/api', location.origin).href, { headers: apiHeaders });

/** A response's JSON, typed as the union of what the route answers with any status (errors are `{error}`). */
export async function answer<R extends ClientResponse<unknown>>(
  res: R,
): Promise<R extends ClientResponse<infer T> ? T : never> {
  return (await res.json()) as R extends ClientResponse<infer T> ? T : never;
}

/** The answers the views render, as the server declares them. */
export type ArticleDetail = InferResponseType<(typeof client.articles)[':id']['$get'], 200>;
export type Mention = ArticleDetail['mentions'][number];
export type NetworkAnswer = InferResponseType<typeof client.network.$get, 200>;
export type LedgerGroup = InferResponseType<typeof client.ledger.$get, 200>['items'][number];
export type LedgerEntry = LedgerGroup['entries'][number];
export type FeedState = InferResponseType<typeof client.sources.feeds.$get, 200>['feeds'][number];
export type FeedPoll = InferResponseType<typeof client.sources.feeds.$post, 200>['poll'];
export type StoryDetail = InferResponseType<(typeof client.stories)[':id']['$get'], 200>;
export type TimelineAnswer = InferResponseType<typeof client.timeline.$get, 200>;
export type ChronologyEvent = TimelineAnswer['days'][number]['events'][number];
export type ActorProfile = InferResponseType<(typeof client.entities)[':id']['profile']['$get'], 200>;
