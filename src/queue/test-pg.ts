import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Throw-away PostgreSQL databases for tests: one per call, made on the server `SITREP_TEST_PG` names (default the
 * local one, trust auth) and dropped (connections and all) by `drop`. No mocks: the queue's tests need the real
 * server. Where none answers, tests that need one are skipped, except under CI, where that is a failure.
 */
export const TEST_PG = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** True when the test server answers; throws under CI when it does not. */
export async function postgresForTests(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return true;
  } catch (err) {
    if (process.env.CI)
      throw new Error(`PostgreSQL at ${TEST_PG} is needed for the PostgreSQL tests under CI: ${String(err)}`);
    return false;
  }
}

export interface ThrowawayDb {
  url: string;
  drop(): Promise<void>;
}

export async function throwawayDb(): Promise<ThrowawayDb> {
  const name = `sitrep_queue_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
