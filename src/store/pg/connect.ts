import pg from 'pg';
import { MIGRATIONS, type Migration } from '../migrations/index.js';
import { redactUrl } from './url.js';

/**
 * Counts (`COUNT(*)`, int8) and sums (numeric) as JS numbers, as better-sqlite3 gives them: every count a store
 * holds fits in a double long before it would fit on one machine.
 */
function typeParser(oid: number, format?: string): unknown {
  if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
  return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format as 'text');
}

/** How long opening a connection (or waiting for one of the pool's) may take, ms. */
const CONNECT_TIMEOUT_MS = 30_000;
/** Idle time on a connection before TCP keepalive probes start, ms. */
const KEEPALIVE_DELAY_MS = 10_000;

/** Same key as every sitrep process takes before it applies migrations or replaces the store's tables. */
export const STORE_LOCK = 0x5174_0001;

/**
 * A pool on the database at `url`, its schema migrated. The database must sort text by bytes (`LC_COLLATE` C),
 * as SQLite does: names, ids and dates are ordered in SQL, and another collation would order the export and the
 * API's pages differently from the same store in SQLite.
 */
export async function openPool(url: string, options: { max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    // A server that does not answer a connection (or a pool with none free) fails the query instead of hanging it.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A peer gone silent (host down, network cut) is found by TCP keepalive, and its queries fail, not hang.
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    types: { getTypeParser: typeParser as pg.CustomTypesConfig['getTypeParser'] },
  });
  // An idle client's error (the server restarted) is reported on the next query, not as an unhandled event.
  pool.on('error', () => undefined);
  try {
    const { rows } = await pool.query<{ collate: string }>(
      'SELECT datcollate AS collate FROM pg_database WHERE datname = current_database()',
    );
    const collate = rows[0]?.collate ?? '';
    if (collate !== 'C' && collate !== 'POSIX')
      throw new Error(
        `database ${redactUrl(url)} sorts text by "${collate}", sitrep needs byte order: create it with ` +
          `CREATE DATABASE name TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`,
      );
    await migratePg(pool);
  } catch (err) {
    await pool.end();
    if (err instanceof Error && /ECONNREFUSED|does not exist|authentication/.test(err.message))
      throw new Error(`cannot open database ${redactUrl(url)}: ${err.message}`);
    throw err;
  }
  return pool;
}

/** Apply every migration newer than the database (PostgreSQL's SQL where it has its own), all under one lock. */
export async function migratePg(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [STORE_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      await client.query(m.postgres ?? m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return applied;
}
