import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests use (`SITREP_TEST_PG`, else this machine's, trust auth). */
const SERVER = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Null when a server answers; else why not (the PostgreSQL tests are then skipped with that message). */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `no PostgreSQL server at ${SERVER} (${err instanceof Error ? err.message : String(err)}): PostgreSQL tests skipped`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A new, empty database sorting text by bytes (what sitrep needs) unless told otherwise; `drop` removes it. */
export async function throwAwayDatabase(collate = 'C'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '${collate}' LC_CTYPE 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
