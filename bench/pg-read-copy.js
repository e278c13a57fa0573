// What `sitrep serve --db postgres://…` pays per change of the store: a finished SQLite store (argument) is loaded
// into a throw-away PostgreSQL database, then copied out into a new SQLite read copy (`Store.copyInto`, what the
// server does at start and after each change) RUNS times: wall and client CPU seconds of each copy, the copy's size,
// and the cost of one version check (what the server polls every --refresh-every seconds).
// Usage: npm run build && node bench/pg-read-copy.js STORE.db   (SITREP_TEST_PG names the server; RUNS default 3)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchDatabase } from './pg-database.js';
import { pushStore } from '../dist/store/pg/mirror.js';
import { openDb, openStore } from '../dist/store/index.js';

const source = process.argv[2];
if (!source) {
  console.error('usage: node bench/pg-read-copy.js STORE.db');
  process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 3);

const database = await benchDatabase();
const url = database.url;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-copy-'));
const seconds = (t0) => (performance.now() - t0) / 1000;
const cpuSeconds = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
try {
  const store = await openStore(url);
  const db = openDb(source, { readonly: true });
  const articles = db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let t0 = performance.now();
  const rows = await pushStore(client, db);
  console.log(`loaded ${articles} articles (${rows} rows) into PostgreSQL in ${seconds(t0).toFixed(1)} s`);
  await client.end();
  db.close();
  for (let i = 1; i <= RUNS; i++) {
    const path = join(dir, `copy-${i}.db`);
    const copy = openDb(path);
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const version = await store.copyInto(copy);
    const wall = seconds(t0);
    const cpu = cpuSeconds(c0);
    copy.close();
    const mb = statSync(path).size / 1e6;
    console.log(
      `copy ${i}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s client CPU, ${mb.toFixed(0)} MB (version ${version})`,
    );
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  }
  const checks = [];
  for (let i = 0; i < 50; i++) {
    t0 = performance.now();
    await store.version();
    checks.push(performance.now() - t0);
  }
  checks.sort((a, b) => a - b);
  console.log(`version check: p50 ${checks[25].toFixed(2)} ms, max ${checks[49].toFixed(2)} ms`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
}
