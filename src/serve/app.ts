import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { allowStaleCounts, type Db } from '../store/index.js';
import { apiRoutes, type ApiOptions, readRoutes } from './api.js';
import { indexHtml, STYLES_CSS } from './assets.js';
import { allowedHosts, apiGuard, hostCheck } from './guard.js';
import { JobQueue } from './jobs.js';
import { NetworkViews } from './network.js';
import { ReadPool, type Waiting } from './read-pool.js';
import { queueRoutes } from './queue-routes.js';
import type { WorkQueue } from '../queue/index.js';
import { RESPONSE_CACHE_DEFAULTS, responseCache, type ResponseCacheOptions } from './response-cache.js';
import { etagMatches, etagOf, StaticFiles, type StaticFile } from './static-files.js';
import { storeToken, tokenMatches } from './token.js';

/** The largest request body the API reads (a Sources POST is one URL): larger ones are refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;
/** The largest alias file the corrections import reads (`POST /api/corrections/aliases`). */
export const MAX_ALIAS_FILE_BYTES = 2 * 1024 * 1024;
const ALIAS_IMPORT = '/api/corrections/aliases';
/** The brief as a standalone HTML document (`GET /api/brief.html`): served with its own CSP. */
const BRIEF_HTML = '/api/brief.html';

export interface AppOptions extends ApiOptions {
  /** The address the server is bound to (`--host`): its name is accepted in the Host header. */
  host?: string;
  /** The store's API token (default: the one kept in the store, made on first use). */
  token?: string;
  /** Every API request needs the token, reads too (a server open to the network). */
  tokenForReads?: boolean;
  /** The cache of read answers (`responseCache`); its defaults allow answers 1 s older than the store. */
  responseCache?: ResponseCacheOptions;
  /**
   * Reader threads answering the read routes, each on its own connection (default 0: every request is answered
   * on the request thread; an in-memory store always is).
   */
  readers?: number;
  /** The job queue shown at `/api/jobs` (`sitrep serve --queue`). */
  queue?: WorkQueue;
  /**
   * Where the API's writes go once they have passed the guards (default: this app's own routes, on `db`). A
   * PostgreSQL store's server answers from a read copy and hands its writes here (`CopyServer`).
   */
  writes?: (request: Request) => Promise<Response>;
}

/** The served app, with what the server must stop when it stops. */
export interface ServedApp extends Hono {
  /** End the worker threads: readers, background jobs, the network builder. */
  stopWorkers(): void;
  /** Settles when the Sources jobs submitted so far have finished. */
  settled(): Promise<unknown>;
  /**
   * Answer a request of the node server from the response cache, past the app, and say whether it did (`serve` asks
   * before handing a request to the app). Only a GET the app's guards would pass unchanged: a cached API answer, by
   * a Host the server answers to, the token not needed for reads. Anything else, or an answer the cache would not
   * serve as it is, is left to the app (false).
   *
   * With `app` given (the app's own node listener for this request), a read route's GET that the cache misses is
   * handed to a reader thread from here too, and its answer kept and written as the app would write it (true): the
   * request thread then spends nothing on the app's routing and middleware for it. Whatever the app would answer
   * otherwise (a busy pool's 503, a request a reader died on) is passed to `app`.
   */
  answerCached(incoming: IncomingMessage, outgoing: ServerResponse, app?: () => void): boolean;
}

/** What a request answered past the app waits on: gone when its response closes before it is written. */
function goneWith(outgoing: ServerResponse): Waiting {
  let gone = false;
  const listeners: Array<() => void> = [];
  outgoing.once('close', () => {
    gone = true;
    for (const f of listeners.splice(0)) f();
  });
  return {
    get aborted() {
      return gone || outgoing.destroyed;
    },
    addEventListener: (_type, listener) => {
      listeners.push(listener);
    },
  };
}

/** API paths never answered past the app: not kept by the response cache, or with headers of their own. */
const NOT_CACHED = /^\/api\/(?:sources|export\/|jobs|brief\.html)/;
/** A Host header the node server takes as it is (no normalizing) and its port; anything else goes to the app. */
const PLAIN_HOST = /^([a-z0-9._-]+)(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
/** A request target the node server takes as it is (the same test as @hono/node-server's), without dot segments. */
const PLAIN_TARGET = /^\/[!#$&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/**
 * The headers `secure` (a secureHeaders middleware) puts on every answer, lower-case names: taken from an answer of
 * an app with only it, so that answers written past the app carry exactly what the app's carry.
 */
async function secureHeaderValues(secure: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use('*', secure);
  probe.get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  const values: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'content-type') values[name] = value;
  });
  return values;
}

/** The built UI files: beside this module once compiled, or the build's output when run from the sources. */
const UI_FILES = new StaticFiles([new URL('./ui/', import.meta.url), new URL('../../dist/serve/ui/', import.meta.url)]);
const STYLES = { body: STYLES_CSS, etag: etagOf(STYLES_CSS) };

/**
 * The HTTP API (mirrors the export) and the web UI. Article text only ever reaches the page as JSON and is
 * inserted with textContent, never as HTML; a strict CSP forbids inline scripts. A request must name the server
 * by a host it is bound to (no DNS rebinding); writes need the store's token and same-origin JSON.
 */
export function createApp(db: Db, options: AppOptions = {}): ServedApp {
  const token = options.token ?? storeToken(db);
  const reads = options.tokenForReads === true;
  const jobs = new JobQueue(db, { allowPrivate: options.allowPrivate, delayMs: options.delayMs });
  const network = new NetworkViews(db);
  const app = new Hono();
  const hosts = allowedHosts(options.host ?? '127.0.0.1');

  const headers = (
    contentSecurityPolicy: NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>,
  ) =>
    secureHeaders({
      contentSecurityPolicy,
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
      // Two of secureHeaders' defaults are left off: each makes Chromium discard the renderer process it has
      // ready and start another before the workbench can paint (COOP from a blank tab, Origin-Agent-Cluster when
      // arriving from another site): ~40–100 ms on every first visit (docs/workbench.md, "First paint"). What they
      // add here is small: the workbench never opens or is framed by another origin (frame-ancestors 'none',
      // X-Frame-Options; its links open with noopener), never listens to postMessage, never sets document.domain,
      // and Chromium already keys agent clusters by origin; a window handle held by a foreign opener can
      // navigate the tab but read nothing (same-origin policy), and every write needs the store's token.
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
    });
  const appHeaders = headers({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  });
  // The brief's HTML download is a standalone document with its own inline <style> and no script: it keeps every
  // other secure header but takes its own CSP (secureHeaders writes after the route and would replace the route's).
  const briefHeaders = headers({ defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"] });
  app.use('*', (c, next) => (c.req.path === BRIEF_HTML ? briefHeaders(c, next) : appHeaders(c, next)));
  app.use('*', hostCheck(hosts));
  const limit = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => c.json({ error: `the request body is over ${maxSize} bytes` }, 413) });
  const small = limit(MAX_BODY_BYTES);
  const aliases = limit(MAX_ALIAS_FILE_BYTES);
  // A GET or HEAD has no body (the node server gives it none), so the limits are not asked: asking a request for its
  // body made the node server build a full Request for it (~12 % of a cached answer's CPU).
  let passHeaders: Record<string, string> | null = null;
  void secureHeaderValues(appHeaders).then((h) => {
    passHeaders = h;
  });
  const bodiless = (c: Context): boolean => c.req.method === 'GET' || c.req.method === 'HEAD';
  app.use(ALIAS_IMPORT, (c, next) => (bodiless(c) ? next() : aliases(c, next)));
  app.use('/api/*', (c, next) => (bodiless(c) || c.req.path === ALIAS_IMPORT ? next() : small(c, next)));
  app.use('/api/*', apiGuard(token, reads));
  // Before the read cache: jobs change without a store commit.
  app.route('/api/jobs', queueRoutes(options.queue ?? null));
  const writes = options.writes;
  if (writes)
    app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : writes(c.req.raw)));
  // Reads answered from memory (after the guards, so a cached answer is refused like a fresh one). Not the
  // Sources routes: their jobs and feeds change without a store commit; nor whole-list exports: they stream.
  // A stale answer's successor is made by the app itself, in the background (`refresh`): the same URL and headers
  // through the same guards and readers.
  const cached = responseCache(db, {
    ...options.responseCache,
    refresh: (request) => Promise.resolve(app.fetch(request)).then((res) => res.arrayBuffer()),
  });
  const staleMs = options.responseCache?.staleMs ?? RESPONSE_CACHE_DEFAULTS.staleMs;
  allowStaleCounts(db, staleMs);
  app.use('/api/*', (c, next) =>
    c.req.path.startsWith('/api/sources') || c.req.path.startsWith('/api/export/') ? next() : cached(c, next),
  );
  // What the cache misses of the read routes goes to the reader threads, if there are any.
  const readers =
    (options.readers ?? 0) > 0 && !db.memory
      ? new ReadPool(
          db,
          options.readers!,
          readRoutes(db).routes.map((r) => `/api${r.path}`),
          { api: { searchBudgetMs: options.searchBudgetMs }, staleMs },
        )
      : null;
  if (readers) app.use('/api/*', readers.middleware());

  // The UI learns the token from its own page: only a same-origin script can read it (and the Host check keeps
  // rebound names out). Open to the network, the page carries it only when asked with it (`/?token=…`).
  app.get('/', (c) => {
    const shown = !reads || tokenMatches(c.req.query('token'), token);
    return c.html(indexHtml(shown ? token : null));
  });
  // The UI's files carry no version in their names, so a browser must ask again each time (no-cache), but with the
  // ETag of what it holds it gets a 304 and no body when the file has not changed (a rebuild changes the tag).
  const STATIC = { 'Cache-Control': 'no-cache' };
  const serveFile = (c: Context, file: StaticFile, type: string) => {
    const headers = { ...STATIC, ETag: file.etag };
    if (etagMatches(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, { ...headers, 'Content-Type': `${type}; charset=utf-8` });
  };
  app.get('/styles.css', (c) => serveFile(c, STYLES, 'text/css'));
  app.get('/ui/:file{[a-z0-9-]+\\.(?:js|css)}', (c) => {
    const name = c.req.param('file');
    const file = UI_FILES.get(name);
    return file === null
      ? c.text('not found', 404)
      : serveFile(c, file, name.endsWith('.css') ? 'text/css' : 'text/javascript');
  });

  app.route('/api', apiRoutes(db, { jobs, network }, options));

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.text('not found', 404),
  );
  app.onError((err, c) => {
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return Object.assign(app, {
    stopWorkers: () => {
      readers?.close();
      jobs.close();
      network.close();
    },
    settled: () => jobs.idle(),
    answerCached: (incoming: IncomingMessage, outgoing: ServerResponse, toApp?: () => void): boolean => {
      const url = incoming.url;
      const host = incoming.headers.host;
      if (
        passHeaders === null ||
        reads ||
        incoming.method !== 'GET' ||
        url === undefined ||
        host === undefined ||
        !url.startsWith('/api/') ||
        NOT_CACHED.test(url) ||
        !PLAIN_TARGET.test(url) ||
        DOT_SEGMENT.test(url)
      )
        return false;
      // The app's host check, on the same name (the URL's host is the Host header's); a refused one gets its 403 there.
      const name = PLAIN_HOST.exec(host)?.[1];
      if (name === undefined || !hosts.has(name)) return false;
      const ifNoneMatch = incoming.headers['if-none-match'];
      const key = `http://${host}${url}`;
      // The store's version read once: for the lookup and, on a miss, as the stamp of the answer a reader makes
      // (read before the reader runs, as the cache's middleware stamps an answer before the app makes it).
      const made = cached.stampNow();
      if (cached.answerNode(key, ifNoneMatch, outgoing, { headers: passHeaders, made })) return true;
      if (!readers || !toApp) return false;
      // The path a reader is asked, as the readers' middleware gives it (`new URL(c.req.url)`).
      const target = new URL(key);
      const path = `${target.pathname}${target.search}`;
      if (!readers.takes(target.pathname, path)) return false;
      const headers = passHeaders;
      void readers
        .answerNode(path, goneWith(outgoing))
        .then((outcome) => {
          if (outcome === 'app') return toApp();
          if (outcome === 'gone') {
            if (!outgoing.headersSent) outgoing.writeHead(499, headers).end();
            return;
          }
          const { answer, body } = outcome;
          if (answer.status === 200 && answer.type.startsWith('application/json'))
            cached.keepNode(key, made, { body, type: answer.type, etag: answer.etag }, ifNoneMatch, outgoing, {
              headers,
            });
          else
            outgoing
              .writeHead(answer.status, {
                ...headers,
                'content-type': answer.type,
                'content-length': String(body.byteLength),
              })
              .end(body);
        })
        .catch((err: Error) => {
          process.stderr.write(`sitrep serve: GET ${target.pathname}: ${err.message}\n`);
          if (outgoing.headersSent) outgoing.destroy();
          else {
            const body = JSON.stringify({ error: 'internal error' });
            outgoing
              .writeHead(500, {
                ...headers,
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(body)),
              })
              .end(body);
          }
        });
      return true;
    },
  });
}
