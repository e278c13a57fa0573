import type { Env, MiddlewareHandler } from 'hono';
import { TOTAL_CAP } from '../store/index.js';

/** The largest `offset` a list takes: far past any store, and far below SQLite's 64-bit integers. */
export const MAX_OFFSET = 1_000_000_000;

export interface Paging {
  offset: number;
  limit: number;
  /** A page after this key (the `next` of the page before) instead of after `offset` rows. */
  cursor?: string;
}

/** `offset` and `limit` from a query string, or the message saying what is wrong with them. */
export function parsePaging(
  offsetRaw: string | undefined,
  limitRaw: string | undefined,
  maxLimit: number,
  defaultLimit: number,
): Paging | { error: string } {
  const whole = (raw: string | undefined, fallback: number): number | null =>
    raw === undefined || raw === '' ? fallback : /^\d{1,10}$/.test(raw) ? Number(raw) : null;
  const offset = whole(offsetRaw, 0);
  if (offset === null || offset > MAX_OFFSET) return { error: `offset must be a whole number from 0 to ${MAX_OFFSET}` };
  const limit = whole(limitRaw, defaultLimit);
  if (limit === null || limit < 1) return { error: `limit must be a whole number from 1 to ${maxLimit}` };
  // A limit past the cap is served at the cap (as before), not refused: the page says which limit it used.
  return { offset, limit: Math.min(limit, maxLimit) };
}

/** A paged route's query: `offset` and `limit` (or `cursor`), and the route's own parameters `Q`. */
type PagedQuery<Q> = { offset?: string; limit?: string; cursor?: string } & Q;

/**
 * The paging of every list route: `?offset=&limit=` (or `?cursor=&limit=`, the `next` of the page before: keyset
 * paging, where the list has it) checked before the handler runs (a 400 with a message for
 * anything but whole numbers in range), read in the handler as `c.req.valid('query')`. `Q` names the route's
 * other query parameters, so that the typed client knows them too.
 */
// biome-ignore lint/complexity/noBannedTypes: a route with no other parameters adds none
export function paged<Q extends Record<string, string | undefined> = {}>(
  maxLimit = 500,
  defaultLimit = 50,
): MiddlewareHandler<Env, string, { in: { query: PagedQuery<Q> }; out: { query: Paging } }> {
  return async (c, next) => {
    const p = parsePaging(c.req.query('offset'), c.req.query('limit'), maxLimit, defaultLimit);
    if ('error' in p) return c.json({ error: p.error }, 400);
    const cursor = c.req.query('cursor');
    if (cursor !== undefined && cursor !== '') {
      if (p.offset !== 0) return c.json({ error: 'a page is asked by offset or by cursor, not both' }, 400);
      c.req.addValidatedData('query', { ...p, cursor });
    } else c.req.addValidatedData('query', p);
    await next();
  };
}

/** The `count` parameter of the counted lists (articles, entities, events, quotes, claims, timeline). */
export type CountQuery = { count?: string };

/**
 * How far a counted list counts its rows, from its `count` parameter: absent, up to `TOTAL_CAP` (past it `total`
 * says the cap and `totalCapped` is true); `exact`, all of them (`Infinity`), whatever that costs. Anything else is
 * the message saying so.
 */
export function parseCount(raw: string | undefined): number | { error: string } {
  if (raw === undefined || raw === '') return TOTAL_CAP;
  if (raw === 'exact') return Number.POSITIVE_INFINITY;
  return { error: 'count must be exact (or absent: counted up to the cap)' };
}
