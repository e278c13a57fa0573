// A throw-away PostgreSQL database for a bench: made with byte-order collation (as sitrep requires) on the server
// $SITREP_TEST_PG names (default: the local one), and dropped by `drop()`; and what a step costs on it, client and
// server.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** Tuples the server has read for database `name` so far (returned + fetched), read over the `admin` connection. */
export async function tuplesRead(admin, name) {
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await admin.query(
    'SELECT tup_returned + tup_fetched AS n FROM pg_stat_database WHERE datname = $1',
    [name],
  );
  return Number(rows[0].n);
}

/** CPU seconds a process has used (user + system, from /proc/<pid>/stat; 0 once it has gone). */
function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * A `measure(fn)` for a bench on the database at `url`, queried through `pool`: what `fn` cost in wall time, in this
 * process's CPU and in the CPU of the database's server backends (only the bench connects to it), each to `digits`
 * decimals, then what `fn` returned, in brackets, when it returns anything.
 */
export function costMeter(pool, url, digits) {
  const name = new URL(url).pathname.slice(1);
  async function serverCpu() {
    const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    return new Map(rows.map((r) => [r.pid, procCpu(r.pid)]));
  }
  return async (fn) => {
    const before = await serverCpu();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await fn();
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const after = await serverCpu();
    let server = 0;
    for (const [pid, cpu] of after) server += cpu - (before.get(pid) ?? 0);
    const client = (c.user + c.system) / 1e6;
    const cost = `${wall.toFixed(digits)} s wall, ${client.toFixed(digits)} s client CPU, ${server.toFixed(digits)} s server CPU`;
    return out === undefined ? cost : `${cost} (${out})`;
  };
}
