import { createHash } from 'node:crypto';
import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
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
  /**
   * After a background refresh of a URL ended without an answer kept (refused by busy readers, failed, not a 200),
   * the next one is started no sooner than this, ms; meanwhile the stale answer is served as before, within
   * `maxStaleMs`.
   */
  refreshRetryMs?: number;
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

/**
 * The defaults of `sitrep serve`: answers at most 1 s older than the store, or 30 s while a successor is made. A
 * refused refresh is tried again after 1 s: under 200 clients the readers take a background refresh only when no
 * client waits, and retried on every hit, refused refreshes outnumbered completed ones 17–26 to 1 (each a trip
 * through the app on the request thread; docs/reliability.md).
 */
export const RESPONSE_CACHE_DEFAULTS: Required<Omit<ResponseCacheOptions, 'refresh'>> = {
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
  staleMs: 1000,
  maxStaleMs: 30_000,
  refreshRetryMs: 1000,
};

/*
 * Bodies are held to `maxBytes` by their owner, the cache, not by the garbage collector: a body leaves memory when it
 * leaves the cache, or, if answers that send it are still being written, when the last of them is written. Before,
 * a dropped body was freed only when the request thread's collector finalized it (V8 collects on external memory
 * only after it has grown by tens of MB) and went back to the reader thread that made it; measured under 200 clients
 * (docs/reliability.md), bodies kept and not yet freed were 71–127 MB for the 64 MB budget.
 */
interface Entry {
  version: string;
  at: number;
  /** The body as sent: bytes outside the JavaScript heap, counted exactly against `maxBytes`. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
  /** Answers being written to a socket from `body` itself (not a copy): it is freed only once they are done. */
  sending: number;
  /** Out of the cache: freed when `sending` falls to 0. */
  dropped: boolean;
  /** Dropped while answers were being written from it: its bytes are counted in `held().sending` until freed. */
  counted?: boolean;
  /** The headers of a 200 and a 304 written by `answerNode`, made on its first use. */
  head200?: Record<string, string>;
  head304?: Record<string, string>;
}

/** The other end of a closed channel: a buffer posted here with a transfer list is freed at once, no collection. */
let sink: MessagePort | null = null;
/** Free `bytes`' memory now (its views read as empty from then on). Nothing may still read it. */
function free(bytes: Uint8Array<ArrayBuffer>): void {
  if (bytes.byteLength === 0) return;
  if (!sink) {
    const channel = new MessageChannel();
    channel.port2.close();
    sink = channel.port1;
    sink.unref();
  }
  try {
    sink.postMessage(null, [bytes.buffer]);
  } catch {
    // Not transferable (a pooled or shared buffer): left to the collector.
  }
}

/** Calls waiting for a connection to close: one listener per connection, however many answers are queued on it. */
const closing = new WeakMap<Socket, Set<() => void>>();
/** Call `fn` when `socket` closes; returns the undoing of it. */
function whenClosed(socket: Socket, fn: () => void): () => void {
  let calls = closing.get(socket);
  if (!calls) {
    const set = new Set<() => void>();
    calls = set;
    closing.set(socket, set);
    socket.once('close', () => {
      closing.delete(socket);
      for (const f of set) f();
    });
  }
  calls.add(fn);
  const own = calls;
  return () => {
    own.delete(fn);
  };
}

/** An answer of the cache written straight to a node socket, past the app (`answerNode`). */
export interface NodeAnswerOptions {
  /** The headers every answer carries besides its own (the secure headers), lower-case names. */
  headers: Readonly<Record<string, string>>;
  /** The store's version and the time, read already (`stampNow`): the lookup does not read them again. */
  made?: AnswerStamp;
}

/** The response cache's middleware, and its lookup for answers written straight to a node socket. */
export interface ResponseCacheHandler extends MiddlewareHandler {
  /**
   * Write the kept answer of `url` (the full request URL, as the app sees it) to `outgoing` when it may be served as it
   * is (fresh, or stale with its refresh already running), and say whether it did; false leaves the request to the
   * app. The caller has checked that the app's guards would let this GET through.
   */
  answerNode(
    url: string,
    ifNoneMatch: string | undefined,
    outgoing: ServerResponse,
    options: NodeAnswerOptions,
  ): boolean;
  /** Bytes of bodies kept, and bytes of dropped bodies not yet freed (answers still being written from them). */
  held(): { kept: number; sending: number };
  /** The store's version and the time now: what an answer made from here on is stamped with (`keepNode`). */
  stampNow(): AnswerStamp;
  /**
   * Keep an answer made past the app (a reader's 200 JSON answer of `url`, asked at `made`) as the middleware keeps
   * the app's, and write it to `outgoing` as `answerNode` writes a kept one (a 304 to its ETag).
   */
  keepNode(
    url: string,
    made: AnswerStamp,
    answer: { body: Uint8Array<ArrayBuffer>; type: string; etag?: string },
    ifNoneMatch: string | undefined,
    outgoing: ServerResponse,
    options: NodeAnswerOptions,
  ): void;
}

/** When an answer was asked: the store's version then, and the time (`performance.now()`, ms). */
export interface AnswerStamp {
  version: string;
  at: number;
}

/** The ETag of a body: a hash of its bytes. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** ETags made with their bodies elsewhere (a reader thread's): the cache takes them instead of hashing again. */
const knownEtags = new WeakMap<Uint8Array, string>();

/** Say that `body`'s ETag is `etag` (`etagOf(body)`, made where the body was). */
export function noteEtag(body: Uint8Array, etag: string): void {
  knownEtags.set(body, etag);
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
export function responseCache(db: Db, options: ResponseCacheOptions = {}): ResponseCacheHandler {
  const { maxBytes, maxEntryBytes, staleMs, maxStaleMs, refresh, refreshRetryMs } = {
    ...RESPONSE_CACHE_DEFAULTS,
    ...options,
  };
  const entries = new Map<string, Entry>();
  /**
   * URLs whose refresh was started, and when one may start again (`performance.now()` ms): Infinity while it runs or
   * waits for a reader, then, if it ended with no answer kept, `refreshRetryMs` after it ended. One pending refresh
   * per URL; an entry leaves once its URL's answer is replaced or dropped.
   */
  const refreshing = new Map<string, number>();
  const versionOf = storeVersionReader(db);
  let bytes = 0;
  let sendingBytes = 0;
  const drop = (key: string, e: Entry): void => {
    entries.delete(key);
    // A held-back retry goes with its answer (a running refresh clears its own mark when it ends).
    if (refreshing.get(key) !== Infinity) refreshing.delete(key);
    bytes -= e.body.byteLength;
    e.dropped = true;
    if (e.sending === 0) free(e.body);
    else {
      e.counted = true;
      sendingBytes += e.body.byteLength;
    }
  };
  /**
   * `e`'s body for an answer: itself when written to `outgoing` (freed once written, if dropped by then); for any other
   * reader (a background refresh, `app.request`), a copy of a kept body, which the cache may free at any time.
   */
  const bodyFor = (e: Entry, outgoing: ServerResponse | undefined): Uint8Array<ArrayBuffer> => {
    if (!outgoing) return e.dropped ? e.body : e.body.slice();
    // The connection, closed once nothing more is written on it: an answer queued behind others on a kept-alive
    // connection (pipelined) is never given the socket if the client goes first, and never closes itself.
    const socket = outgoing.req?.socket ?? outgoing.socket;
    // Gone already: nothing is written from the body (the node server drops writes to a closed connection).
    if (socket?.closed) return e.body;
    e.sending++;
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      outgoing.off('close', release);
      unwatch?.();
      e.sending--;
      if (e.dropped && e.sending === 0) {
        if (e.counted) sendingBytes -= e.body.byteLength;
        e.counted = false;
        free(e.body);
      }
    };
    outgoing.once('close', release);
    const unwatch = socket ? whenClosed(socket, release) : undefined;
    return e.body;
  };
  const answer = (e: Entry, ifNoneMatch: string | undefined, outgoing: ServerResponse | undefined): Response =>
    ifNoneMatch === e.etag
      ? new Response(null, { status: 304, headers: { ETag: e.etag, 'Cache-Control': 'no-cache' } })
      : new Response(bodyFor(e, outgoing), {
          status: 200,
          headers: { 'Content-Type': e.type, ETag: e.etag, 'Cache-Control': 'no-cache' },
        });
  /**
   * The entry of `key` if it may be served now, most recently used from then on. A stale one with no refresh running
   * or held back starts its refresh (with `request`'s headers) and is served; with no request to refresh with, it is
   * not served, and the app answers.
   */
  const lookup = (key: string, version: string, now: number, request: Request | null): Entry | undefined => {
    const hit = entries.get(key);
    if (!hit) return undefined;
    const fresh = stillServes(hit.version, hit.at, version, now, staleMs);
    // Too old to serve as it is, but young enough to serve while a background request makes the next answer.
    const revalidate =
      !fresh &&
      refresh !== undefined &&
      maxStaleMs > staleMs &&
      stillServes(hit.version, hit.at, version, now, maxStaleMs);
    if (!fresh && !revalidate) {
      drop(key, hit);
      return undefined;
    }
    if (revalidate && !((refreshing.get(key) ?? -Infinity) > now)) {
      if (!request) return undefined;
      refreshing.set(key, Infinity);
      void refresh(refreshRequest(request))
        .catch(() => undefined)
        .finally(() => {
          // Still `hit` (refused by busy readers, failed, not kept): the next attempt is held back; retried on each
          // hit, a refresh the readers refuse while clients keep them busy cost a trip through the app per hit.
          // Replaced (the refresh kept its answer) or dropped: nothing to hold back.
          if (entries.get(key) === hit) refreshing.set(key, performance.now() + refreshRetryMs);
          else refreshing.delete(key);
        });
    }
    // Most recently used last: the Map's order is the eviction order.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  };

  /** Write `e` to `outgoing`: a 304 when the client holds its ETag, else the body. */
  const writeNode = (
    e: Entry,
    ifNoneMatch: string | undefined,
    outgoing: ServerResponse,
    headers: Readonly<Record<string, string>>,
  ): void => {
    if (ifNoneMatch === e.etag) {
      e.head304 ??= { ...headers, etag: e.etag, 'cache-control': 'no-cache' };
      outgoing.writeHead(304, e.head304);
      outgoing.end();
    } else {
      e.head200 ??= {
        ...headers,
        'content-type': e.type,
        etag: e.etag,
        'cache-control': 'no-cache',
        'content-length': String(e.body.byteLength),
      };
      outgoing.writeHead(200, e.head200);
      outgoing.end(bodyFor(e, outgoing));
    }
  };

  const answerNode: ResponseCacheHandler['answerNode'] = (url, ifNoneMatch, outgoing, { headers, made }) => {
    const e = lookup(url, made?.version ?? (versionOf.get() as string), made?.at ?? performance.now(), null);
    if (!e) return false;
    writeNode(e, ifNoneMatch, outgoing, headers);
    return true;
  };

  /** Keep `body` as the answer of `key` made at `version` and `at` (not kept past the budgets: `dropped`). */
  const keep = (key: string, version: string, at: number, body: Uint8Array<ArrayBuffer>, type: string): Entry => {
    const e: Entry = {
      version,
      at,
      body,
      etag: knownEtags.get(body) ?? etagOf(body),
      type,
      sending: 0,
      dropped: false,
    };
    // An answer larger than the whole budget is not kept (the budget would drop, and free, the answer itself).
    if (body.byteLength <= maxEntryBytes && body.byteLength <= maxBytes) {
      // Two misses of one URL at once both arrive here: the later replaces the earlier, counted once.
      const old = entries.get(key);
      if (old) drop(key, old);
      entries.set(key, e);
      bytes += body.byteLength;
      for (const [k, old] of entries) {
        if (bytes <= maxBytes) break;
        drop(k, old);
      }
    } else e.dropped = true;
    return e;
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const key = c.req.url;
    const version = versionOf.get() as string;
    const now = performance.now();
    const outgoing = nodeOutgoing(c.env);
    const hit = refreshes.has(c.req.raw) ? undefined : lookup(key, version, now, c.req.raw);
    if (hit) return answer(hit, c.req.header('if-none-match'), outgoing);
    await next();
    const type = contentTypeOf(c.res);
    if (c.res.status !== 200 || !type.startsWith('application/json')) return;
    const e = keep(key, version, now, await bodyOf(c.res), type);
    // Replaced, not merged: the answer's own headers are all it had (its Content-Type), and merging would build a
    // native Response around it and stream its body back out.
    c.res = undefined;
    c.res = answer(e, c.req.header('if-none-match'), outgoing);
  };
  const keepNode: ResponseCacheHandler['keepNode'] = (url, made, answer, ifNoneMatch, outgoing, { headers }) => {
    if (answer.etag !== undefined) noteEtag(answer.body, answer.etag);
    writeNode(keep(url, made.version, made.at, answer.body, answer.type), ifNoneMatch, outgoing, headers);
  };
  return Object.assign(middleware, {
    answerNode,
    keepNode,
    stampNow: (): AnswerStamp => ({ version: versionOf.get() as string, at: performance.now() }),
    held: () => ({ kept: bytes, sending: sendingBytes }),
  });
}

/** The node response a request of the node server is answered on (its `env.outgoing`), if it is one. */
function nodeOutgoing(env: unknown): ServerResponse | undefined {
  const outgoing = (env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
}
