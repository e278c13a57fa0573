import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/** Open (or create) a store: WAL journal, foreign keys on, migrations applied. */
export function openDb(path: string, options: { readonly?: boolean } = {}): Db {
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
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      migrate(db);
      ensureIndexes(db);
    }
    else if (currentVersion(db) < latestVersion()) throw new Error('database schema is older than this sitrep; open it once without --readonly');
  } catch (err) {
    db.close();
    if (err instanceof Error && /file is not a database|malformed/.test(err.message)) throw new Error(`${path} is not a sitrep database`);
    throw err;
  }
  return db;
}

/**
 * Secondary indexes that dominate the cost of a large ingest: their keys (actor, event type and date) are
 * scattered, so every article's commit rewrites dozens of their pages (at 20,000 articles they cost ~2 ms
 * of the ~3.5 ms an article takes to store; building both afterwards takes ~2 s). A bulk load drops them
 * (`deferIndexes`) and builds them once when it ends (`ensureIndexes`). Opening a store for writing always
 * builds any that are missing, so a crash in the middle of a bulk load only costs that rebuild.
 */
export const DEFERRABLE_INDEXES: ReadonlyArray<{ name: string; sql: string }> = [
  { name: 'mentions_actor', sql: 'CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_key)' },
  { name: 'event_mentions_type', sql: 'CREATE INDEX IF NOT EXISTS event_mentions_type ON event_mentions(type, date)' },
];

export function deferIndexes(db: Db): void {
  db.transaction(() => {
    for (const ix of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${ix.name}`);
  })();
}

export function ensureIndexes(db: Db): void {
  db.transaction(() => {
    for (const ix of DEFERRABLE_INDEXES) db.exec(ix.sql);
  })();
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
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const have = currentVersion(db);
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= have) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}
