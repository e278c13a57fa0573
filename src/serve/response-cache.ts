import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Db, stillServes, storeVersionReader } from '../store/index.js';
import { bodyOf, contentTypeOf } from './light-response.js';

export interface ResponseCacheOptions {
  /** Bytes of response bodies kept at most (UTF-8, as sent; least recently used go first). */
  maxBytes?: number;
  /** A body longer than this is not kept. */
  maxEntryBytes?: number;
  /**
   * How long an answer may be served after the store changed, ms. While an ingest commits an article every few
   * milliseconds, an exact cache would miss on every request; this bounds how old an answer can be instead.
   */
  staleMs?: number;
  /**
   * Past `staleMs`, and while only other connections (an ingest) have written, an answer up to this old (ms) is still
   * served at once while one request of its URL, run in the background (`refresh`), makes the next one: clients do not
   * queue behind a miss of a popular URL every `staleMs`. 0: no background refresh. Needs `refresh`.
   */
  maxStaleMs?: number;
  /** Run a request again through the app (the cache sees it as `isRefresh` and stores its answer). */
  refresh?: (request: Request) => Promise<unknown>;
}

/** Requests the cache itself sends to refresh an answer (`refresh`): they skip the lookup and store what they get. */
const refreshes = new WeakSet<Request>();

/** Whether a request is one of the cache's background refreshes (a reader pool runs them after clients' requests). */
export const isRefresh = (request: Request): boolean => refreshes.has(request);

/** A request for the cache to run again in the background: `request`'s URL and headers, marked as a refresh. */
export function refreshRequest(request: Request): Request {
  const r = new Request(request.url, { headers: request.headers });
  refreshes.add(r);
  return r;
}

/** The defaults of `sitrep serve`: answers at most 1 s older than the store, or 30 s while a successor is made. */
export const RESPONSE_CACHE_DEFAULTS: Required<Omit<ResponseCacheOptions, 'refresh'>> = {
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
  staleMs: 1000,
  maxStaleMs: 30_000,
};

/*
 * What the bodies cost beyond `maxBytes`: a body dropped from the cache is freed only when the request thread's
 * garbage collector finalizes it (V8 collects on external memory only after it has grown by tens of MB), and its
 * memory then goes back to the allocator of the reader thread that made it, which keeps it for reuse. Measured under
 * 200 clients (docs/reliability.md): bodies kept and not yet freed 71–127 MB beside native memory that rises as they
 * fall, ~120–150 MB in all for the 64 MB budget.
 */
interface Entry {
  version: string;
  at: number;
  /** The body as sent: bytes outside the JavaScript heap, counted exactly against `maxBytes`. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
}

/**
 * Repeated reads answered from memory: the JSON body of each successful GET, keyed by its URL and stamped with the
 * store's version (`data_version`, moved by another connection's commits, and this connection's own changes) and
 * the time it was made. An entry is served while the store is unchanged, or for `staleMs` after it was made when only
 * another connection (an ingest) has written since — a correction made through the server shows at once; so an
 * answer is at most `staleMs` older than the store, or, while an ingest writes, at most `maxStaleMs` old with a
 * request for its successor already running (`refresh`). Every kept answer carries an `ETag` (a hash of the
 * body), and a request whose `If-None-Match` names it gets a 304 with no body.
 */
export function responseCache(db: Db, options: ResponseCacheOptions = {}): MiddlewareHandler {
  const { maxBytes, maxEntryBytes, staleMs, maxStaleMs, refresh } = { ...RESPONSE_CACHE_DEFAULTS, ...options };
  const entries = new Map<string, Entry>();
  /** URLs whose refresh runs in the background now: one at a time each. */
  const refreshing = new Set<string>();
  const versionOf = storeVersionReader(db);
  let bytes = 0;
  const drop = (key: string, e: Entry): void => {
    entries.delete(key);
    bytes -= e.body.byteLength;
  };
  const answer = (e: Entry, ifNoneMatch: string | undefined): Response =>
    ifNoneMatch === e.etag
      ? new Response(null, { status: 304, headers: { ETag: e.etag, 'Cache-Control': 'no-cache' } })
      : new Response(e.body, {
          status: 200,
          headers: { 'Content-Type': e.type, ETag: e.etag, 'Cache-Control': 'no-cache' },
        });

  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const key = c.req.url;
    const version = versionOf.get() as string;
    const now = performance.now();
    const isRefresh = refreshes.has(c.req.raw);
    const hit = isRefresh ? undefined : entries.get(key);
    if (hit) {
      const fresh = stillServes(hit.version, hit.at, version, now, staleMs);
      // Too old to serve as it is, but young enough to serve while a background request makes the next answer.
      const revalidate =
        !fresh &&
        refresh !== undefined &&
        maxStaleMs > staleMs &&
        stillServes(hit.version, hit.at, version, now, maxStaleMs);
      if (fresh || revalidate) {
        // Most recently used last: the Map's order is the eviction order.
        entries.delete(key);
        entries.set(key, hit);
        if (revalidate && !refreshing.has(key)) {
          refreshing.add(key);
          void refresh(refreshRequest(c.req.raw))
            .catch(() => undefined)
            .finally(() => refreshing.delete(key));
        }
        return answer(hit, c.req.header('if-none-match'));
      }
      drop(key, hit);
    }
    await next();
    const type = contentTypeOf(c.res);
    if (c.res.status !== 200 || !type.startsWith('application/json')) return;
    const body = await bodyOf(c.res);
    const e: Entry = {
      version,
      at: now,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      type,
    };
    if (body.byteLength <= maxEntryBytes) {
      // Two misses of one URL at once both arrive here: the later replaces the earlier, counted once.
      const old = entries.get(key);
      if (old) drop(key, old);
      entries.set(key, e);
      bytes += body.byteLength;
      for (const [k, old] of entries) {
        if (bytes <= maxBytes) break;
        drop(k, old);
      }
    }
    // Replaced, not merged: the answer's own headers are all it had (its Content-Type), and merging would build a
    // native Response around it and stream its body back out.
    c.res = undefined;
    c.res = answer(e, c.req.header('if-none-match'));
  };
}
