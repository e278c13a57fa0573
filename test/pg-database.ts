import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresForTests, TEST_PG } from '../src/queue/test-pg.js';

/**
 * The PostgreSQL server is `TEST_PG` (`SITREP_TEST_PG`, else this machine's, trust auth).
 * Null when a server answers; else why not (the PostgreSQL tests are then skipped with that message). Under CI a
 * missing server throws instead (`postgresForTests`): there the PostgreSQL tests must run, not skip.
 */
export async function postgresUnavailable(): Promise<string | null> {
  return (await postgresForTests()) ? null : `no PostgreSQL server at ${TEST_PG}: PostgreSQL tests skipped`;
}

/** A new, empty database sorting text by bytes (what sitrep needs) unless told otherwise; `drop` removes it. */
export async function throwAwayDatabase(collate = 'C'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '${collate}' LC_CTYPE 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
