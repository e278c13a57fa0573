import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type Db, openDb } from './db.js';
import { type Sink, writeJsonExport } from './export/json.js';
import { openPool } from './pg/connect.js';
import { isPostgresUrl, redactUrl } from './pg/url.js';
import { writeJsonExportPg } from './pg/export-json.js';
import { pgArticleSink, WRITER_LOCK } from './pg/article-writer.js';
import {
  bumpStoreVersion,
  CORPUS_TABLES,
  DERIVED_TABLES,
  EVENT_TABLES,
  NATIVE_CORPUS_TABLES,
  guardBaseTables,
  pullStore,
  pushDerived,
  pushStore,
  storeVersion,
} from './pg/mirror.js';
import { pgStoryIo } from './pg/stories.js';
import { mergeEventsInPlace, type EventStepSummary } from './pg/events.js';
import { activeCorrections } from './corrections.js';
import { resolvedStamp } from './corpus.js';
import type { StoryPlace, StoryTarget } from './stories.js';
import type { ArticleSink } from './article-sink.js';
import { inSnapshot } from './pg/rows.js';
import { searchPg } from './pg/search.js';
import { type SearchFacets, type SearchHit, type SearchOptions, search } from './search.js';

export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: SearchFacets;
}

/**
 * A store of either kind, chosen by the `--db` value: a SQLite file, or a PostgreSQL database
 * (`postgres://…`). What both answer natively: the export JSON and full-text search. The per-article pipeline
 * and the corpus steps are written against SQLite's synchronous connection; `write` and `read` give them one
 * (on PostgreSQL a working copy: see `pgStore`).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the store is, fit to print (no password). */
  readonly location: string;
  /** Run `fn` on a SQLite connection to the store; what it wrote is in the store once the promise resolves. */
  write<T>(fn: (db: Db) => Promise<T> | T): Promise<T>;
  /** Run `fn` on a read-only SQLite view of the store (the readers only SQLite has yet). */
  read<T>(fn: (db: Db) => Promise<T> | T): Promise<T>;
  /**
   * Where an analysis stores articles natively (PostgreSQL: batches written with COPY, no working copy; several
   * processes at once), or null where articles go through `write` like everything else: a SQLite store, and a
   * PostgreSQL store while an analyst's split or join of articles is in force (an analysis must then skip the
   * articles it replaced and make sure its results are there: `keepArticleCorrections`, on a working copy).
   */
  articles(): Promise<ArticleSink | null>;
  /**
   * Run the corpus steps (`fn`: resolve, stories) on a SQLite connection holding the store's articles, and keep what
   * they derive. On SQLite, `write`. On PostgreSQL, one resolve at a time (an advisory lock): the tables the steps
   * read are copied out in one snapshot, `fn` runs on the copy, and only the derived tables (and `meta`) are replaced,
   * in one transaction, while other processes go on adding articles; their new articles wait for the next resolve.
   * While a correction that rewrites stored rows (a quote's speaker, an article split or join) is in force, it is a
   * `write` (the whole store through a working copy).
   *
   * `stories`, the story step, runs after `fn` under the same lock: on `fn`'s connection, or, on PostgreSQL's native
   * resolve, in the store itself (its story tables are neither copied out nor written back: placing new articles
   * reads and writes only the rows they touch, see `pgStoryIo`).
   *
   * On PostgreSQL's native resolve the events are merged in the store itself too (src/store/pg/events.ts): the event
   * mentions and events are not copied out, `fn` finds none on the copy, and only the events the new articles touch
   * are merged again and replaced, in the derived tables' transaction; `events` is then told the store's event count.
   */
  resolve<T>(
    fn: (db: Db) => Promise<T> | T,
    stories?: (place: StoryPlace) => Promise<void>,
    events?: (step: EventStepSummary) => void,
  ): Promise<T>;
  writeJsonExport(sink: Sink): Promise<void>;
  /**
   * The store's version: on PostgreSQL a counter each write moves (one row, cheap to poll); on SQLite null (a
   * SQLite store is read in place, and its connections see each commit themselves).
   */
  version(): Promise<string | null>;
  /**
   * Copy the whole store, as of one snapshot, into `db` (a new, empty SQLite store) and give the version copied:
   * the read copy `sitrep serve` answers from on PostgreSQL. SQLite stores are not copied (they are read in place).
   */
  copyInto(db: Db): Promise<string>;
  search(q: string, offset?: number, limit?: number, options?: SearchOptions): Promise<SearchResult>;
  close(): Promise<void>;
}

/** The store a command works on: `--db`, else `SITREP_DB`, else `sitrep.db`. */
export function storeLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.SITREP_DB || 'sitrep.db');
}

export async function openStore(location: string): Promise<Store> {
  return isPostgresUrl(location) ? pgStore(location, await openPool(location)) : sqliteStore(location);
}

function sqliteStore(path: string): Store {
  const withDb = async <T>(readonly: boolean, fn: (db: Db) => Promise<T> | T): Promise<T> => {
    const db = openDb(path, { readonly });
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  };
  return {
    kind: 'sqlite',
    location: path,
    write: (fn) => withDb(false, fn),
    read: (fn) => withDb(true, fn),
    articles: async () => null,
    resolve: (fn, stories) =>
      withDb(false, async (db) => {
        const result = await fn(db);
        await stories?.({ db });
        return result;
      }),
    writeJsonExport: (sink) => withDb(true, (db) => writeJsonExport(db, sink)),
    version: async () => null,
    copyInto: () => Promise.reject(new Error('a SQLite store is read in place, not copied')),
    // The window is the server's CPU budget per request: a command line search ranks every hit.
    search: (q, offset, limit, options) =>
      withDb(true, (db) => search(db, q, offset, limit, { window: Number.POSITIVE_INFINITY, ...options })),
    close: async () => undefined,
  };
}

/**
 * Taken (for the session) by a corpus resolve that replaces the derived tables (one at a time), and by a working-copy
 * write before the writer lock (a write replaces every table, the derived ones too).
 */
const RESOLVE_LOCK = 0x5174_0003;

/**
 * The story step's target on `client` (holding the resolve lock): each batch in one transaction, which moves the
 * store's version when it wrote anything (read copies then refresh).
 */
function nativeStories(client: pg.PoolClient): StoryTarget {
  const io = pgStoryIo(client);
  return {
    io,
    rows: io.rows,
    finish: () => io.markPlaced(),
    async transaction(fn) {
      const written = io.rows.written;
      await client.query('BEGIN');
      try {
        const result = await fn();
        if (io.rows.written > written) await bumpStoreVersion(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

/** actor key → entity id, as `db` holds them. */
function actorKeysOf(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT actor_key, entity_id FROM actor_keys').raw().all() as Array<[string, string]>;
  return new Map(rows);
}

/** The kinds of correction in force on a PostgreSQL store. */
async function correctionKinds(pool: pg.Pool | pg.PoolClient): Promise<Set<string>> {
  const { rows } = await pool.query<{ kind: string }>('SELECT DISTINCT kind FROM corrections WHERE undone_at IS NULL');
  return new Set(rows.map((r) => r.kind));
}
const isArticleKind = (k: string): boolean => k === 'article.split' || k === 'article.join';

/**
 * PostgreSQL: export and search run as SQL on the server. A write works on a SQLite working copy: the tables are
 * copied out (COPY … TO), `fn` runs on the copy with the same code as a SQLite store, and the tables are replaced
 * in one transaction (COPY … FROM), under an advisory lock so two writers never interleave. Each write costs a
 * copy of the whole store both ways: right for a desk's store, not for millions of articles (docs/scale.md).
 */
function pgStore(url: string, pool: pg.Pool): Store {
  const workingCopy = async <T>(
    client: pg.PoolClient,
    fn: (db: Db) => Promise<T> | T,
    after?: (db: Db) => Promise<unknown>,
  ) => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
    const db = openDb(join(dir, 'working.db'));
    try {
      await pullStore(client, db);
      const result = await fn(db);
      await after?.(db);
      return result;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const write = async <T>(fn: (db: Db) => Promise<T> | T): Promise<T> => {
    const client = await pool.connect();
    try {
      // First the resolve lock: a resolve under way is waited for here, where no batch of articles queues behind the
      // wait (batches never take it). Only then the writer lock, exclusively: it waits for the batches under way (a
      // short transaction each) and keeps new ones out while the working copy replaces every table. Taken the other
      // way round (or the writer lock held by the resolve), a write waiting for a resolve would hold up every batch
      // writer for the rest of that resolve: PostgreSQL queues a shared request behind a waiting exclusive one.
      await client.query('SELECT pg_advisory_lock($1)', [RESOLVE_LOCK]);
      try {
        await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
        try {
          return await workingCopy(client, fn, (db) => pushStore(client, db));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [RESOLVE_LOCK]);
      }
    } finally {
      client.release();
    }
  };
  /**
   * The native resolve (`Store.resolve`), on `client` holding the resolve lock: the tables
   * the corpus steps read copied out in one snapshot, `fn` run on the copy, the derived tables written back.
   */
  const native = async <T>(
    client: pg.PoolClient,
    fn: (db: Db) => Promise<T> | T,
    stories?: (place: StoryPlace) => Promise<void>,
    events?: (step: EventStepSummary) => void,
  ): Promise<T> => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
    const db = openDb(join(dir, 'resolve.db'));
    // The event step in place (src/store/pg/events.ts) only when asked for: measured, it costs more than merging on
    // the copy on the synthetic stores (docs/scale.md, step 3), so the copy stays the default.
    const inPlace = process.env.SITREP_PG_EVENTS === 'in-place';
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await pullStore(client, db, inPlace ? NATIVE_CORPUS_TABLES : CORPUS_TABLES);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      guardBaseTables(db);
      if (!inPlace) {
        const result = await fn(db);
        await pushDerived(client, db);
        if (stories) await stories({ native: nativeStories(client) });
        return result;
      }
      // What the stored events were merged with, before `fn` resolves the actors again.
      const oldActorKeys = actorKeysOf(db);
      const result = await fn(db);
      const entities = new Map(
        (
          db.prepare('SELECT id, name, code FROM entities').all() as Array<{
            id: string;
            name: string;
            code: string | null;
          }>
        ).map((e) => [e.id, e]),
      );
      const input = {
        stamp: resolvedStamp(db),
        actorKeys: actorKeysOf(db),
        oldActorKeys,
        corrections: activeCorrections(db),
        entity: (id: string) => entities.get(id),
      };
      let step: EventStepSummary | undefined;
      await pushDerived(
        client,
        db,
        DERIVED_TABLES.filter((t) => !EVENT_TABLES.includes(t)),
        async () => {
          step = await mergeEventsInPlace(client, input);
        },
      );
      if (step) events?.(step);
      if (stories) await stories({ native: nativeStories(client) });
      return result;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    kind: 'postgres',
    location: redactUrl(url),
    write,
    articles: async () => ([...(await correctionKinds(pool))].some(isArticleKind) ? null : pgArticleSink(pool)),
    resolve: async (fn, stories, events) => {
      const client = await pool.connect();
      try {
        // The resolve lock alone: batches of articles (the writer lock, shared) go on meanwhile; a working copy
        // (`write`) takes this lock before the writer lock, so it waits for the resolve without holding up batches.
        await client.query('SELECT pg_advisory_lock($1)', [RESOLVE_LOCK]);
        try {
          // Read under the lock: corrections are written by a working copy's write-back, which this lock now keeps
          // out, so none can come between this look and the pull (one committed while this resolve waited for its
          // lock is seen here).
          const kinds = await correctionKinds(client);
          if (!kinds.has('quote.speaker') && ![...kinds].some(isArticleKind))
            return await native(client, fn, stories, events);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [RESOLVE_LOCK]);
        }
      } finally {
        client.release();
      }
      // The whole store through a working copy, its locks released first (`write` takes the writer lock exclusively).
      return write(async (db) => {
        const result = await fn(db);
        await stories?.({ db });
        return result;
      });
    },
    read: (fn) => inSnapshot(pool, (client) => workingCopy(client, fn)),
    writeJsonExport: (sink) => writeJsonExportPg(pool, sink),
    version: () => storeVersion(pool),
    copyInto: (db) =>
      inSnapshot(pool, async (client) => {
        const version = await storeVersion(client);
        await pullStore(client, db);
        return version;
      }),
    search: (q, offset, limit, options) => searchPg(pool, q, offset, limit, options),
    close: () => pool.end(),
  };
}
