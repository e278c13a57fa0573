// A throw-away PostgreSQL database for a bench: made with byte-order collation (as sitrep requires) on the server
// $SITREP_TEST_PG names (default: the local one), and dropped by `drop()`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_SERVER = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates the database; returns its URL and a `drop()` that removes it and closes the admin connection. */
export async function benchDatabase(server = PG_SERVER) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const name = `sitrep_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
