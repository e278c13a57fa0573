import { Worker } from 'node:worker_threads';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/index.js';
import { isRefresh, noteEtag } from './response-cache.js';
import type { ReadAnswer, ReadRequest, ReadWorkerData } from './read-worker.js';
import { workerScript } from './worker-script.js';

/** Readers' answers whose bytes one request has taken already. */
const handedOut = new WeakSet<ReadAnswer>();

/**
 * `a`'s body for one of the requests that joined its task: the first takes its bytes, each other one a copy, so that
 * every answer owns its body (the response cache frees a body it drops; a shared one would empty the others).
 */
function takeBody(a: ReadAnswer): Uint8Array<ArrayBuffer> {
  const shared = handedOut.has(a);
  handedOut.add(a);
  return shared ? a.body.slice() : a.body;
}

/** What a request waits on: gone once its client has gone (an AbortSignal is one). */
export interface Waiting {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options: { once: true }): void;
}

/** A reader's answer for the node server's fast path (`ReadPool.answerNode`), or what to do instead. */
export type NodeOutcome =
  | { answer: ReadAnswer; body: Uint8Array<ArrayBuffer> }
  /** Left to the app: a reader died running it, or too many wait (the app answers 503), or no reader is left. */
  | 'app'
  /** The client has gone, or the server is stopping. */
  | 'gone';

/** A task's outcome when its reader died running it: the request thread answers it instead. */
const ON_REQUEST_THREAD = Symbol('on the request thread');
/** A request refused because too many wait for a reader already (`READ_QUEUE_MAX`): answered 503. */
const BUSY = Symbol('busy');
type Outcome = ReadAnswer | null | typeof ON_REQUEST_THREAD | typeof BUSY;

interface Task {
  url: string;
  own: string;
  /** Asked only by the response cache's background refresh: it waits until no client's request does. */
  background: boolean;
  /** Clients still waiting for it; a task nobody waits for any more is not run. */
  waiting: number;
  done: (a: Outcome) => void;
  answer: Promise<Outcome>;
}

/** Whether a route pattern (`/articles/:id`) matches a path. */
function routeMatcher(patterns: readonly string[]): (path: string) => boolean {
  const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const res = [...new Set(patterns)].map(
    (p) =>
      new RegExp(
        `^${p
          .split('/')
          .map((part) => (part.startsWith(':') ? '[^/]+' : literal(part)))
          .join('/')}$`,
      ),
  );
  return (path) => res.some((r) => r.test(path));
}

/**
 * Reader threads answering the API's read routes, each on its own read-only connection: the request thread only
 * parses, checks and forwards, so one slow query (a search over a common word, a deep page) holds up one reader and
 * never the whole server, and the two cores of a small machine both serve. Requests wait in one queue, first come
 * first served, the response cache's background refreshes only when no client waits; the same URL asked again while
 * it waits or runs joins the one answer; a request whose client has gone before a reader takes it is dropped unrun.
 */
export class ReadPool {
  /** Each live reader and the ids of the tasks posted to it and not yet answered, oldest first. */
  private readonly posted = new Map<Worker, number[]>();
  private readonly all = new Set<Worker>();
  private readonly queue: Task[] = [];
  /** Background refreshes (`refreshRequest`), run when `queue` is empty. */
  private readonly later: Task[] = [];
  private readonly running = new Map<number, Task>();
  private readonly byKey = new Map<string, Task>();
  private readonly serves: (path: string) => boolean;
  private readonly own: { get(): unknown };
  private seq = 0;
  /** When readers died lately (ms, `performance.now()`): past MAX_FAILURES within FAILURE_WINDOW_MS, none is replaced. */
  private readonly deaths: number[] = [];
  /**
   * URLs (path and query) a reader died running (out of its heap): the request thread answers them from then on,
   * rather than kill a reader again each time they are asked. The most recent MAX_HEAVY.
   */
  private readonly heavy = new Set<string>();
  private closed = false;

  /**
   * `size` reader threads on the store at `db.name`; `routes`: the read routes' patterns, as mounted (`/api/…`);
   * `heapMb`: a limit on each reader's old generation, MB (default none: see READER_HEAP_MB); `maxQueued`: requests
   * that may wait for a reader (see READ_QUEUE_MAX).
   */
  constructor(
    db: Db,
    size: number,
    routes: readonly string[],
    private readonly data: Omit<ReadWorkerData, 'path'>,
    private readonly heapMb: number | undefined = READER_HEAP_MB,
    private readonly maxQueued: number = READ_QUEUE_MAX,
    private readonly depth: number = READER_DEPTH,
  ) {
    const script = workerScript('read-worker.js');
    if (!script) throw new Error('the reader script is missing (run npm run build)');
    this.serves = routeMatcher(routes);
    // The server connection's own writes (its `total_changes()`): a reader forgets its counts when they move.
    this.own = db.prepare('SELECT total_changes()').pluck();
    for (let i = 0; i < size; i++) this.spawn(script, db.name);
  }

  /** The middleware: a GET of a read route goes to a reader; anything else to the next handler. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (this.closed || this.all.size === 0 || c.req.method !== 'GET' || !this.serves(c.req.path)) return next();
      const url = new URL(c.req.url);
      const path = `${url.pathname}${url.search}`;
      if (this.heavy.has(path)) return next();
      const a = await this.answer(path, c.req.raw.signal, isRefresh(c.req.raw));
      // Its reader died running it (out of its heap): answered here, where the heap is not bounded.
      if (a === ON_REQUEST_THREAD) return next();
      if (a === BUSY)
        return c.json({ error: 'the server is busy; try again in a moment' }, 503, {
          'Retry-After': String(RETRY_AFTER_S),
        });
      // No answer: the client has gone (or the server is stopping); nobody reads this one, and it is not kept.
      if (!a) return new Response(null, { status: 499 });
      return new Response(takeBody(a), { status: a.status, headers: { 'Content-Type': a.type } });
    };
  }

  /**
   * Whether the fast path of the node server may hand this GET's `path` (pathname and query) to a reader: a read
   * route, not one the request thread answers since a reader died on it, readers running.
   */
  takes(pathname: string, path: string): boolean {
    return !this.closed && this.all.size > 0 && this.serves(pathname) && !this.heavy.has(path);
  }

  /**
   * The fast path's answer of `path` (see `takes`), as the middleware's but without a Request: `waiting` says when
   * its client has gone. Anything the middleware answers otherwise (a busy pool's 503, a reader that died on it) is
   * left to the app.
   */
  async answerNode(path: string, waiting: Waiting): Promise<NodeOutcome> {
    const a = await this.answer(path, waiting, false);
    if (a === ON_REQUEST_THREAD || a === BUSY) return 'app';
    if (!a) return 'gone';
    return { answer: a, body: takeBody(a) };
  }

  close(): void {
    this.closed = true;
    for (const w of this.all) void w.terminate();
    this.all.clear();
    this.posted.clear();
    for (const t of [...this.queue, ...this.later, ...this.running.values()]) t.done(null);
    this.queue.length = 0;
    this.later.length = 0;
    this.running.clear();
  }

  /** Live reader threads. */
  get size(): number {
    return this.all.size;
  }

  private answer(url: string, signal: Waiting, background = false): Promise<Outcome> {
    if (signal.aborted) return Promise.resolve(null);
    const own = String(this.own.get());
    const key = `${own}\u0000${url}`;
    let task = this.byKey.get(key);
    if (!task) {
      // Back-pressure: past `maxQueued` waiting, a new request is refused at once (503, Retry-After) rather than
      // queued, so a flood of requests holds a bounded amount of memory and a bounded wait. A request that joins
      // one already waiting costs nothing more and is not refused; a background refresh is simply not made.
      if ((background ? this.later : this.queue).length >= this.maxQueued)
        return Promise.resolve(background ? null : BUSY);
      let done!: (a: Outcome) => void;
      const answer = new Promise<Outcome>((resolve) => {
        done = resolve;
      });
      task = { url, own, background, waiting: 0, done, answer };
      this.byKey.set(key, task);
      void answer.then(() => this.byKey.delete(key));
      (background ? this.later : this.queue).push(task);
    } else if (task.background && !background) {
      // A client now waits for what was a background refresh: it moves to the clients' queue.
      task.background = false;
      const i = this.later.indexOf(task);
      if (i >= 0) {
        this.later.splice(i, 1);
        this.queue.push(task);
      }
    }
    const t = task;
    t.waiting++;
    signal.addEventListener('abort', () => t.waiting--, { once: true });
    this.pump();
    return t.answer;
  }

  private pump(): void {
    while (this.queue.length > 0 || this.later.length > 0) {
      // The reader with the fewest tasks posted, if it may take one more: an idle one first.
      let worker: Worker | undefined;
      let least = this.depth;
      for (const [w, ids] of this.posted)
        if (ids.length < least) {
          worker = w;
          least = ids.length;
          if (least === 0) break;
        }
      if (!worker) return;
      // Background refreshes go only to an idle reader: one never waits behind a client's request on a reader.
      const fromQueue = this.queue.length > 0;
      if (!fromQueue && least > 0) return;
      const task = (fromQueue ? this.queue : this.later).shift()!;
      if (task.waiting <= 0) {
        task.done(null);
        continue;
      }
      const id = ++this.seq;
      this.running.set(id, task);
      this.posted.get(worker)!.push(id);
      worker.postMessage({ id, url: task.url, own: task.own } satisfies ReadRequest);
    }
  }

  private spawn(script: string, path: string): void {
    const worker = new Worker(script, {
      workerData: { path, ...this.data } satisfies ReadWorkerData,
      ...(this.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } }),
    });
    worker.unref();
    worker.on('message', (a: ReadAnswer) => {
      const ids = this.posted.get(worker);
      const at = ids?.indexOf(a.id) ?? -1;
      if (at >= 0) ids!.splice(at, 1);
      const task = this.running.get(a.id);
      this.running.delete(a.id);
      if (a.etag !== undefined) noteEtag(a.body, a.etag);
      task?.done(a);
      this.pump();
    });
    worker.on('error', (err) => process.stderr.write(`sitrep serve: a reader thread failed: ${err.message}\n`));
    worker.on('exit', () => {
      this.all.delete(worker);
      const ids = this.posted.get(worker) ?? [];
      this.posted.delete(worker);
      ids.forEach((id, i) => {
        const task = this.running.get(id);
        this.running.delete(id);
        if (!task) return;
        if (i > 0) {
          // Posted behind the one it died running, not started: it waits for another reader, first in line.
          this.queue.unshift(task);
          return;
        }
        // It died running this one (out of its heap, most likely): the request thread answers it, now and whenever
        // it is asked again, instead of a 500 and another reader lost to it.
        this.heavy.delete(task.url);
        this.heavy.add(task.url);
        if (this.heavy.size > MAX_HEAVY) this.heavy.delete(this.heavy.values().next().value!);
        task.done(ON_REQUEST_THREAD);
      });
      // A reader that died is replaced, unless the server is stopping or readers keep dying (MAX_FAILURES within
      // FAILURE_WINDOW_MS, answers between them or not: no endless respawning); then the request thread answers,
      // as without readers.
      const now = performance.now();
      this.deaths.push(now);
      while (this.deaths.length > 0 && now - this.deaths[0]! > FAILURE_WINDOW_MS) this.deaths.shift();
      if (!this.closed && this.deaths.length <= MAX_FAILURES) this.spawn(script, path);
      if (this.all.size === 0) {
        // No reader left: what waits for one is answered on the request thread (a background refresh is not made).
        for (const t of this.queue.splice(0)) t.done(ON_REQUEST_THREAD);
        for (const t of this.later.splice(0)) t.done(null);
      }
      this.pump();
    });
    this.all.add(worker);
    this.posted.set(worker, []);
  }
}

/**
 * A limit on a reader thread's old generation, MB: none by default. A thread over its limit is stopped only between
 * JavaScript steps, so one native call that allocates far past it (a large `JSON.parse`, a query's `.all()`) aborts
 * the whole process, not the reader; a limit would turn a heavy request into a crashed server. (Checked on Node 20:
 * a thread filling arrays past a 48 MB limit aborted the process, "Reached heap limit"; a `JSON.parse` past it ended
 * the thread only.) A smaller young generation (`maxYoungGenerationSizeMb: 24`, half V8's) was tried and dropped: it
 * promoted more to the old generation and the server's RSS ended higher (docs/reliability.md). What a reader keeps
 * (counts, searches, statements, articles) is bounded by its caches instead; a reader that dies all the same has its
 * request answered by the request thread (above). Tests pass a small limit to exercise that path.
 */
export const READER_HEAP_MB: number | undefined = undefined;

/**
 * Requests posted to one reader at once: the one it runs and the next, waiting in its own message queue. With one at
 * a time a reader sat idle from its answer until the request thread had taken that answer and posted the next request,
 * and the request thread takes messages between its sockets' reads and writes: under 200 clients the two readers were
 * busy a third of the time each while clients waited (docs/reliability.md, "Readers fed two at a time"). A second
 * request waits behind the first on its reader; a background refresh is posted only to an idle reader.
 */
export const READER_DEPTH = 2;

/** Readers that may die within FAILURE_WINDOW_MS, each replaced, before the request thread takes over their work. */
const MAX_FAILURES = 3;
const FAILURE_WINDOW_MS = 10 * 60_000;

/**
 * Requests that may wait for a reader at once (clients' requests; background refreshes have a queue of this size of
 * their own); past it a new one is answered 503 with `Retry-After`. Well above the 200 concurrent clients the load
 * bench runs: at ~1–3 ms of CPU an answer, a full queue is ~1–3 s of work for two cores.
 */
export const READ_QUEUE_MAX = 1000;
/** The Retry-After of a busy answer, seconds. */
const RETRY_AFTER_S = 1;

/** URLs kept as answered on the request thread (a reader died running them). */
const MAX_HEAVY = 1000;
