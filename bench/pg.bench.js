// The same synthetic dump analyzed into SQLite and into a throw-away PostgreSQL database: wall and CPU time of
// `sitrep analyze` and `sitrep export` on each (the client process; the server's own CPU is read from
// pg_stat_database where it can be), whether the two exports are byte-identical (exit 1 if not), and search
// latency on each. BENCH_PG_ARTICLES (default 2000); SITREP_TEST_PG names the server (default this machine's).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDatabase } from './pg-database.js';
import { openStore } from '../dist/store/index.js';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });
const N = Number(process.env.BENCH_PG_ARTICLES ?? 2000);
const SERVER = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const input = join(OUT, `synthetic-${N}.txt`);
if (!existsSync(input)) {
  const fd = openSync(input, 'w');
  const words = writeSyntheticDump(N, (s) => writeSync(fd, s), { seed: 2026, median: 600 });
  closeSync(fd);
  console.log(`generated ${input}: ${N} articles, ${words} words, ${(statSync(input).size / 1e6).toFixed(1)} MB`);
}

/** `sitrep …` under /usr/bin/time: wall seconds, user+system CPU seconds, peak RSS (MB). */
function timed(args, outFile) {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, join(ROOT, 'dist/cli/main.js'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  if (r.status !== 0) throw new Error(`sitrep ${args[0]} failed: ${r.stderr}`);
  const [wall, user, sys, rss] = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(r.stderr).slice(1).map(Number);
  if (outFile) writeSync(openSync(outFile, 'w'), r.stdout);
  return { wall, cpu: user + sys, rss: rss / 1024 };
}

const database = await benchDatabase(SERVER);
const url = database.url;
const sqlitePath = join(OUT, `pg-bench-${N}.db`);
for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) rmSync(f, { force: true });

const backends = [
  { name: 'sqlite', db: sqlitePath },
  { name: 'postgres', db: url },
];
try {
  const exports = [];
  for (const b of backends) {
    const a = timed(['analyze', input, '--db', b.db]);
    const out = join(OUT, `pg-bench-${b.name}.json`);
    const e = timed(['export', '--db', b.db], out);
    exports.push(readFileSync(out));
    console.log(
      `${b.name.padEnd(8)} analyze ${N}: ${a.wall.toFixed(1)} s wall, ${a.cpu.toFixed(1)} s CPU (client), ` +
        `${(N / a.wall).toFixed(0)} articles/s, peak RSS ${a.rss.toFixed(0)} MB; export: ${e.wall.toFixed(1)} s wall, ${e.cpu.toFixed(1)} s CPU`,
    );
    const store = await openStore(b.db);
    const queries = ['minister', 'talks', 'missile launch', '"prime minister"', 'trade OR sanctions', 'econom*'];
    const times = [];
    for (let round = 0; round < 5; round++)
      for (const q of queries) {
        const t0 = performance.now();
        await store.search(q, 0, 20);
        times.push(performance.now() - t0);
      }
    await store.close();
    times.sort((x, y) => x - y);
    const p = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(1);
    console.log(
      `${b.name.padEnd(8)} search (${times.length} queries, first page): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`,
    );
  }
  const sizes = new pg.Client({ connectionString: url });
  await sizes.connect();
  const { rows } = await sizes.query(
    `SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('articles') AS articles,
            pg_relation_size('articles_search') AS gin, pg_total_relation_size('mentions') AS mentions,
            pg_total_relation_size('event_mentions') AS event_mentions`,
  );
  await sizes.end();
  const mb = (b) => `${(Number(b) / 1e6).toFixed(1)} MB`;
  const r = rows[0];
  console.log(
    `postgres size at ${N} articles: database ${mb(r.db)} (${(Number(r.db) / N / 1024).toFixed(1)} KiB/article), articles ${mb(r.articles)} ` +
      `(search GIN ${mb(r.gin)}), mentions ${mb(r.mentions)}, event_mentions ${mb(r.event_mentions)}; ` +
      `sqlite file ${mb(statSync(sqlitePath).size)}`,
  );
  const same = exports[0].equals(exports[1]);
  console.log(`export JSON byte-identical: ${same ? 'yes' : 'NO'} (${exports[0].length} bytes)`);
  if (!same) process.exitCode = 1;
} finally {
  await database.drop();
}
