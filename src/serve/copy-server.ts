import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDb, type Store } from '../store/index.js';
import { abortPull } from '../store/pg/mirror.js';
import type { ServedApp } from './app.js';
import { keptToken, storeToken } from './token.js';

/** What the served app of one copy is made with. */
export interface CopyAppOptions {
  /** The store's API token (kept in the store, the same for every copy). */
  token: string;
  /** Where the app's writes go: set for a read copy, absent for the working copy a write runs on. */
  writes?: (request: Request) => Promise<Response>;
}

export interface CopyServerOptions {
  /** How often the store's version is checked, ms. */
  refreshMs: number;
  /** A refresh that failed (the server goes on answering from the copy it has, and tries again later). */
  onError?: (err: Error) => void;
  /**
   * How long a refresh (version check and copy) may take before it is abandoned and its copy cut short, ms; at
   * least four times the last copy's duration. Default 10 minutes.
   */
  deadlineMs?: number;
  /** Where the copies' directory is made (default the system's temporary directory). */
  tmp?: string;
  /** Aborts the first copy (the process is stopping before the server listens); its files are removed. */
  signal?: AbortSignal;
}

/** Prefix of a server's directory of copies; the pid file inside says whose it is. */
const DIR_PREFIX = 'sitrep-serve-';
const PID_FILE = 'pid';
const DEFAULT_DEADLINE_MS = 10 * 60_000;

/** One read copy of the store and the app answering from it. */
interface Copy {
  version: string;
  path: string;
  db: Db;
  app: ServedApp;
  /** Requests under way on it, response bodies still being sent included. */
  busy: number;
  retired: boolean;
}

/** A write's answer, read whole before its working copy goes. */
interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

/** A write refused (4xx) or failed (5xx): it changed nothing, so the working copy is not written back. */
class Unchanged extends Error {
  constructor(readonly answer: Answer) {
    super('unchanged');
  }
}

const toResponse = (a: Answer): Response =>
  new Response(a.status === 204 || a.status === 304 ? null : a.body, { status: a.status, headers: a.headers });

/**
 * `sitrep serve` on a PostgreSQL store. The API's read routes are ~60 synchronous SQLite statements, so the server
 * answers from a local SQLite **read copy** of the store (every table copied out with COPY … TO, in one snapshot:
 * `Store.copyInto`), with the very app a SQLite store is served with, reader threads included. Every `refreshMs`
 * it reads the store's version (one row); when another process has written (a `sitrep analyze`), it builds a new
 * copy beside the one it serves and swaps it in between two requests: a request is answered wholly from one copy,
 * never from a half-built one, and the new copy comes with a new app, so every cache keyed on the old copy (the
 * response cache, counts, searches, networks) goes with the old one. The old copy is deleted once its last request
 * (and response body) is done.
 *
 * Writes (corrections, Sources) go through `Store.write`: the same app's routes run on a working copy under the
 * store's writer lock, and the tables are written back; then the read copy is rebuilt. Each change therefore costs a
 * copy of the whole store (a write: three), O(store): fine for a desk's store, not for millions of articles
 * (docs/scale.md).
 */
export class CopyServer {
  private current!: Copy;
  private readonly retired = new Set<Copy>();
  private readonly dir: string;
  private made = 0;
  /** The copy being built now, and how to cut it short (a deadline passed, or the server stops). */
  private building: { db: Db; abort: (err: Error) => void } | null = null;
  private lastCopyMs = 0;
  /** Refreshes run one after another; a write waits for its own. */
  private refreshing: Promise<unknown> = Promise.resolve();
  private polling = false;
  private writing: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private token = '';

  private constructor(
    private readonly store: Store,
    private readonly makeApp: (db: Db, options: CopyAppOptions) => ServedApp,
    private readonly options: CopyServerOptions,
  ) {
    const tmp = options.tmp ?? tmpdir();
    removeStaleDirs(tmp);
    this.dir = mkdtempSync(join(tmp, DIR_PREFIX));
    writeFileSync(join(this.dir, PID_FILE), `${process.pid}\n`);
  }

  /** Copy the store, make its token if it has none yet, and start checking for changes. */
  static async open(
    store: Store,
    makeApp: (db: Db, options: CopyAppOptions) => ServedApp,
    options: CopyServerOptions,
  ): Promise<CopyServer> {
    const server = new CopyServer(store, makeApp, options);
    const stop = (): void => server.abortBuilding(new Error('the server is stopping'));
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      options.signal?.throwIfAborted();
      let copy = await server.copy();
      let token = keptToken(copy.db);
      if (token === null) {
        // First served: the token is made once and kept in the store, as on SQLite.
        token = await store.write((db) => storeToken(db));
        server.dispose(copy);
        options.signal?.throwIfAborted();
        copy = await server.copy();
      }
      server.token = token;
      server.current = server.withApp(copy);
    } catch (err) {
      await server.close();
      throw err;
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
    server.timer = setInterval(() => server.poll(), options.refreshMs);
    server.timer.unref();
    return server;
  }

  /** The store's API token. */
  get apiToken(): string {
    return this.token;
  }

  /** The version of the store the copy served now holds. */
  get version(): string {
    return this.current.version;
  }

  /** Answer a request from the current copy; that copy stays until the response body is sent. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const copy = this.current;
    copy.busy++;
    let res: Response;
    try {
      res = await copy.app.fetch(request);
    } catch (err) {
      this.release(copy);
      throw err;
    }
    return whenSent(res, () => this.release(copy));
  };

  /**
   * A write request (it passed the read app's guards): run by the same routes on a working copy under the writer
   * lock, written back unless refused, then the read copy rebuilt so the next request sees it. One at a time.
   */
  readonly write = (request: Request): Promise<Response> => {
    const run = this.writing.then(() => this.writeOnce(request));
    this.writing = run.catch(() => undefined);
    return run;
  };

  /** Build a new copy if the store's version moved, and serve it. Resolves once the copy served is that recent. */
  refresh(): Promise<void> {
    const run = this.refreshing.then(() => this.refreshOnce());
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  /**
   * Stop checking, end every copy's workers, delete the copies. A copy being built is cut short (its connection
   * closed), not waited for; a write under way is (it is written back whole or not at all).
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.abortBuilding(new Error('the server is stopping'));
    await this.refreshing;
    await this.writing;
    for (const copy of [...this.retired]) this.dispose(copy);
    if (this.current) this.dispose(this.current);
    this.tidy(() => rmSync(this.dir, { recursive: true, force: true }));
    await this.store.close();
  }

  /** End the served app's worker threads (the server is stopping). */
  stopWorkers(): void {
    this.current?.app.stopWorkers();
  }

  private poll(): void {
    if (this.polling || this.closed) return;
    this.polling = true;
    this.refresh()
      .catch((err: unknown) => this.report(err))
      .finally(() => {
        this.polling = false;
      });
  }

  /**
   * One refresh, under a deadline: past it (a connection that hangs, a COPY that stalls) the copy under way is cut
   * short and the refresh fails, so neither the checks nor the writes waiting for it hang for ever.
   */
  private refreshOnce(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const ms = Math.max(this.options.deadlineMs ?? DEFAULT_DEADLINE_MS, 4 * this.lastCopyMs);
    let timer: NodeJS.Timeout | undefined;
    const attempt = { abandoned: false };
    const cut = new Promise<never>((_, reject) => {
      this.stopRefresh = (err) => {
        attempt.abandoned = true;
        reject(err);
      };
      timer = setTimeout(() => {
        const err = new Error(`the refresh took over ${Math.round(ms / 1000)} s: abandoned, tried again later`);
        this.abortBuilding(err);
      }, ms);
    });
    cut.catch(() => undefined);
    return Promise.race([this.refreshNow(attempt), cut]).finally(() => {
      clearTimeout(timer);
      this.stopRefresh = undefined;
    });
  }

  private stopRefresh: ((err: Error) => void) | undefined;

  /** Cut short the copy being built and the refresh waiting for it. */
  private abortBuilding(err: Error): void {
    this.building?.abort(err);
    this.stopRefresh?.(err);
  }

  /** The refresh proper; `attempt.abandoned` once its deadline passed (what it still gets is thrown away). */
  private async refreshNow(attempt: { abandoned: boolean }): Promise<void> {
    if (this.closed || (await this.store.version()) === this.current.version) return;
    if (this.closed || attempt.abandoned) return;
    const copy = await this.copy();
    if (this.closed || attempt.abandoned || copy.version === this.current.version) {
      this.dispose(copy);
      return;
    }
    const old = this.current;
    this.current = this.withApp(copy);
    old.retired = true;
    this.retired.add(old);
    if (old.busy === 0) this.dispose(old);
  }

  private async writeOnce(request: Request): Promise<Response> {
    let answer: Answer;
    try {
      answer = await this.store.write(async (db) => {
        const app = this.makeApp(db, { token: this.token });
        try {
          const res = await app.fetch(request);
          const a: Answer = { status: res.status, headers: [...res.headers], body: await res.arrayBuffer() };
          // A Sources job answered before it finished (`"wait": false`) must still finish on this working copy.
          await app.settled();
          if (a.status >= 400) throw new Unchanged(a);
          return a;
        } finally {
          app.stopWorkers();
        }
      });
    } catch (err) {
      if (err instanceof Unchanged) return toResponse(err.answer);
      throw err;
    }
    // The write is in the store: its answer is sent even when the new read copy fails (the next check builds it).
    // An error here would have a client that retries post the same write twice.
    await this.refresh().catch((err: unknown) => this.report(err));
    return toResponse(answer);
  }

  /** A new read copy of the store, not yet served. */
  private async copy(): Promise<Copy> {
    const path = join(this.dir, `copy-${++this.made}.db`);
    const db = openDb(path);
    const started = performance.now();
    let cutShort!: (err: Error) => void;
    const cut = new Promise<never>((_, reject) => {
      cutShort = reject;
    });
    const building = {
      db,
      abort: (err: Error) => {
        // Its connection closed (the copy fails at once), and not waited for in any case.
        abortPull(db, err);
        cutShort(err);
      },
    };
    this.building = building;
    const copying = this.store.copyInto(db);
    copying.catch(() => undefined);
    cut.catch(() => undefined);
    try {
      const version = await Promise.race([copying, cut]);
      this.lastCopyMs = performance.now() - started;
      return { version, path, db, app: null as unknown as ServedApp, busy: 0, retired: false };
    } catch (err) {
      this.tidy(() => db.close());
      this.tidy(() => removeCopy(path));
      throw err;
    } finally {
      if (this.building === building) this.building = null;
    }
  }

  private withApp(copy: Copy): Copy {
    copy.app = this.makeApp(copy.db, { token: this.token, writes: this.write });
    return copy;
  }

  private release(copy: Copy): void {
    copy.busy--;
    if (copy.retired && copy.busy === 0) this.dispose(copy);
  }

  /**
   * End a copy's workers, close and delete it. Called when a response body has been sent, too: a failure here is
   * reported, never thrown into the response stream.
   */
  private dispose(copy: Copy): void {
    this.retired.delete(copy);
    this.tidy(() => copy.app?.stopWorkers());
    this.tidy(() => copy.db.close());
    this.tidy(() => removeCopy(copy.path));
  }

  private tidy(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.report(err);
    }
  }

  private report(err: unknown): void {
    this.options.onError?.(err instanceof Error ? err : new Error(String(err)));
  }
}

/** Whether a process of that id runs (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the copies left by servers that were killed (SIGKILL, a crash, power lost): every `sitrep-serve-*`
 * directory under `tmp` whose pid file names a process that no longer runs. A directory without a pid file is
 * another's (or one being made) and is left alone.
 */
export function removeStaleDirs(tmp: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(tmp).filter((n) => n.startsWith(DIR_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(tmp, name);
    try {
      const pid = Number(readFileSync(join(dir, PID_FILE), 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // No pid file (not ours, or being made), or not readable: left alone.
    }
  }
  return removed;
}

function removeCopy(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
}

/** `res`, with `done` called once its body has been sent (or abandoned); at once when it has none. */
function whenSent(res: Response, done: () => void): Response {
  if (!res.body) {
    done();
    return res;
  }
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    done();
  };
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        finish();
        controller.error(err);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
