import Database from 'better-sqlite3';
import { LIMITS } from '../model/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { isPostgresUrl } from './pg/url.js';

export type Db = Database.Database;

/**
 * SQLite's page cache of one connection of a long-running server, KiB (`PRAGMA cache_size` takes it negated): the
 * build's default is 16 MB a connection, and each reader thread, the server's own connection and its workers have
 * one. Memory-mapped reads are off: a mapped file's pages count in the process's RSS as they are touched.
 */
export const SERVER_PAGE_CACHE_KIB = 8000;

/** Bound SQLite's own memory on a connection a server keeps open: `SERVER_PAGE_CACHE_KIB` of pages, no mmap. */
export function boundServerConnection(db: Db): void {
  db.pragma(`cache_size = -${SERVER_PAGE_CACHE_KIB}`);
  db.pragma('mmap_size = 0');
}

/** Open (or create) a store: WAL journal, foreign keys on, migrations applied. */
export function openDb(path: string, options: { readonly?: boolean } = {}): Db {
  if (isPostgresUrl(path))
    throw new Error(
      'this command works on a SQLite store only; analyze, export, search, serve, brief and corrections take postgres:// (docs/scale.md)',
    );
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new Error(`cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoint the WAL every ~40 MB instead of every 4 MB: an ingest commits once per article, and
      // frequent checkpoints cost it about a fifth of its store time (bench: 2.6 -> 2.0 ms per article).
      db.pragma('wal_autocheckpoint = 10000');
    }
    db.pragma('foreign_keys = ON');
    // Another process's write (an ingest's commit, a corpus resolve, an index rebuild) holds the lock for up to
    // seconds on a large store: wait for it rather than fail with "database is locked". Every write transaction
    // is BEGIN IMMEDIATE, so it waits here for the lock instead of failing later on a stale snapshot.
    db.pragma(`busy_timeout = ${LIMITS.storeBusyMs}`);
    if (!options.readonly) {
      migrate(db);
      if (abandonedBulkLoad(db)) finishBulkLoad(db);
    } else if (currentVersion(db) < latestVersion())
      throw new Error('database schema is older than this sitrep; open it once without --readonly');
  } catch (err) {
    db.close();
    if (err instanceof Error && /file is not a database|malformed/.test(err.message))
      throw new Error(`${path} is not a sitrep database`);
    throw err;
  }
  return db;
}

/**
 * Index upkeep that dominates the cost of a large ingest. Two secondary indexes have scattered keys (actor,
 * event type and date), so every article's commit rewrites dozens of their pages, and the full-text index
 * writes a segment per commit: at 20,000 articles these cost ~3 ms of the ~4 ms an article takes to store,
 * while building all three afterwards takes ~3.5 s. A bulk load drops them (`beginBulkLoad`) and builds them
 * once when it ends (`finishBulkLoad`). Opening a store for writing finishes a bulk load whose process is
 * gone, so a killed run costs one rebuild, never a missing index or unsearchable articles.
 */
export const DEFERRABLE_INDEXES: ReadonlyArray<{ name: string; sql: string }> = [
  {
    name: 'mentions_actor_article',
    sql: 'CREATE INDEX IF NOT EXISTS mentions_actor_article ON mentions(actor_key, article_seq)',
  },
  { name: 'event_mentions_type', sql: 'CREATE INDEX IF NOT EXISTS event_mentions_type ON event_mentions(type, date)' },
];
/** The full-text index's insert trigger (as migration 001 made it). */
const FTS_INSERT_TRIGGER = `CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END`;

/** Drop the deferrable indexes and the full-text trigger; `meta.bulk_load` names the process doing the load. */
export function beginBulkLoad(db: Db): void {
  immediate(db, () => {
    for (const ix of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${ix.name}`);
    db.exec('DROP TRIGGER IF EXISTS articles_ai');
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('bulk_load', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(process.pid));
  });
}

/** Build what a bulk load deferred: the indexes, the full-text trigger, the full-text index (a no-op when none was begun). */
export function finishBulkLoad(db: Db): void {
  immediate(db, () => {
    if (!db.prepare("SELECT 1 FROM meta WHERE key = 'bulk_load'").get()) return;
    for (const ix of DEFERRABLE_INDEXES) db.exec(ix.sql);
    db.exec(FTS_INSERT_TRIGGER);
    db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
    db.exec("DELETE FROM meta WHERE key = 'bulk_load'");
  });
}

/**
 * Run `fn` as a write transaction that takes the write lock at its start (BEGIN IMMEDIATE), waiting up to the
 * busy timeout for another process's write to end. A deferred transaction that reads first and then writes
 * fails at once with SQLITE_BUSY when another process committed in between; this one cannot.
 */
export function immediate<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * A bulk load whose process is gone (killed or crashed): opening the store for writing finishes it. One
 * whose process still runs is left to it, or a `sitrep serve` started beside a long ingest would hold the
 * write lock for the whole rebuild and make the ingest's next commit time out.
 */
function abandonedBulkLoad(db: Db): boolean {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'bulk_load'").get() as { value: string } | undefined;
  if (!row) return false;
  const pid = Number(row.value);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export function currentVersion(db: Db): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Apply every migration newer than the database, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= currentVersion(db)) continue;
    // Checked again under the write lock: two processes opening a new store both get here.
    const done = immediate(db, () => {
      if (m.version <= currentVersion(db)) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
