import { parentPort, workerData } from 'node:worker_threads';
import { Hono } from 'hono';
import {
  allowStaleCounts,
  boundServerConnection,
  forgetCounts,
  forgetKeptItems,
  newReadScope,
  openDb,
} from '../store/index.js';
import { type ApiOptions, readRoutes } from './api.js';
import { bodyOf, contentTypeOf, useLightResponses } from './light-response.js';
import { etagOf } from './response-cache.js';

/** What a reader thread is started with. */
export interface ReadWorkerData {
  path: string;
  api: ApiOptions;
  /** How much older than the store a kept count may be, ms (the response cache's bound). */
  staleMs: number;
}

/** One GET for a reader thread: the path and query under `/api`, and the server connection's own writes so far. */
export interface ReadRequest {
  id: number;
  url: string;
  own: string;
}

/** A reader thread's answer: the body as UTF-8 bytes, whose buffer is moved to the server's thread, not copied. */
export interface ReadAnswer {
  id: number;
  status: number;
  type: string;
  body: Uint8Array<ArrayBuffer>;
  /** The ETag of a 200 JSON answer (`etagOf`): hashed here, off the request thread, for the response cache. */
  etag?: string;
}

/**
 * A reader: the API's read routes on this thread's own read-only connection (WAL lets readers run beside the
 * writer and each other), so a slow query holds up this thread only, never the server's.
 */
const { path, api, staleMs } = workerData as ReadWorkerData;
// A route's JSON answer is encoded from the string it made, not read back through a native Response.
useLightResponses();
const db = openDb(path, { readonly: true });
// SQLite's own memory per reader, bounded: 8 MB of page cache, and no memory-mapped reads.
boundServerConnection(db);
allowStaleCounts(db, staleMs);
const app = new Hono().route('/api', readRoutes(db, api));
app.onError((err, c) => {
  process.stderr.write(`sitrep serve: GET ${c.req.path}: ${err.message}\n`);
  return c.json({ error: 'internal error' }, 500);
});

let own = '';
const encoder = new TextEncoder();

/** Answer one request and post the answer to the request thread. */
async function answer({ id, url, own: ownNow }: ReadRequest): Promise<void> {
  // One read of the store's version (and of what is kept under it) for the whole page: it asks for it several times.
  newReadScope(db);
  // The server's connection wrote (a correction): counts and list items kept under the old state must not
  // outlive it.
  if (ownNow !== own) {
    forgetCounts(db);
    forgetKeptItems(db);
    own = ownNow;
  }
  const res = await app.request(`http://127.0.0.1${url}`);
  const type = contentTypeOf(res);
  const body = await bodyOf(res);
  const answer: ReadAnswer = {
    id,
    status: res.status,
    type,
    body,
    ...(res.status === 200 && type.startsWith('application/json') ? { etag: etagOf(body) } : {}),
  };
  parentPort!.postMessage(answer, [answer.body.buffer as ArrayBuffer]);
}

/**
 * Requests are answered one after another in the order posted (a reader holds two at once, `READER_DEPTH`): were a
 * route ever to wait on a timer or I/O, the next request would otherwise start its read scope, or forget what is
 * kept, in the middle of the first. One that fails still gets an answer (500), so that nobody waits for it.
 */
let last: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: ReadRequest) => {
  last = last
    .then(() => answer(request))
    .catch((err: Error) => {
      process.stderr.write(`sitrep serve: GET ${request.url}: ${err.message}\n`);
      const body = encoder.encode(JSON.stringify({ error: 'internal error' })) as Uint8Array<ArrayBuffer>;
      const failed: ReadAnswer = { id: request.id, status: 500, type: 'application/json', body };
      parentPort!.postMessage(failed, [body.buffer as ArrayBuffer]);
    });
});
