// The corpus resolve on PostgreSQL after 200 new articles, on stores of 2,000 and 4,000 synthetic articles: its cost
// (client CPU, server CPU, rows the server read: pg_stat_database's tup_returned + tup_fetched) and what it read and
// wrote of the event tables (pg_stat_user_tables: rows read by scans and index fetches, rows inserted and deleted).
// The stores are those of bench/pg-stories-step.js (databases sitrep_stories_base_<N>, built once by it); a build
// with the event step in place (migration 018) first resolves a copy of each once, kept as
// sitrep_events_base_<N>_<tag>, so the measured resolve is its incremental one. EVENTS_STEP_DIST names the compiled
// code to measure (default dist/), EVENTS_STEP_TAG its name for the kept copies, EVENTS_STEP_ROUNDS runs of each size.
// The step in place is measured with SITREP_PG_EVENTS=in-place in the environment (without it, the merge on the copy).
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { PG_SERVER, tuplesRead } from './pg-database.js';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(process.env.EVENTS_STEP_DIST ?? join(ROOT, 'dist'));
const TAG = process.env.EVENTS_STEP_TAG ?? 'this';
const ROUNDS = Number(process.env.EVENTS_STEP_ROUNDS ?? 1);
const SIZES = (process.env.EVENTS_STEP_SIZES ?? '2000,4000').split(',').map(Number);
const ADDED = join(ROOT, 'bench/out/stories-step-added-200.txt');
const { analyzeInto, resolveStore } = await import(pathToFileURL(join(DIST, 'analyze/index.js')).href);
const { openStore } = await import(pathToFileURL(join(DIST, 'store/index.js')).href);
const { readSources } = await import(pathToFileURL(join(DIST, 'ingest/index.js')).href);
// The 200 new articles: the very dump bench/pg-stories-step.js adds.
if (!existsSync(ADDED)) {
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  const fd = openSync(ADDED, 'w');
  writeSyntheticDump(200, (s) => writeSync(fd, s), { seed: 7, median: 600 });
  closeSync(fd);
}

const EVENT_TABLES = [
  'event_mentions',
  'events',
  'event_articles',
  'event_actors',
  'event_members',
  'event_mention_keys',
];
const urlOf = (name) => {
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};
const admin = new pg.Client({ connectionString: PG_SERVER });
await admin.connect();
const exists = async (name) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;

function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The store of `n` articles as this build's resolve left it (migrated and resolved once). */
async function base(n) {
  const stories = `sitrep_stories_base_${n}`;
  if (!(await exists(stories))) throw new Error(`${stories} is missing: run bench/pg-stories-step.js once first`);
  const name = `sitrep_events_base_${n}_${TAG}`;
  if (await exists(name)) return name;
  await admin.query(`CREATE DATABASE ${name}_partial TEMPLATE ${stories}`);
  const store = await openStore(urlOf(`${name}_partial`));
  try {
    await resolveStore(store);
  } finally {
    await store.close();
  }
  await admin.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
  return name;
}

async function tableStats(client) {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query(
    `SELECT relname, COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) AS read, n_tup_ins + n_tup_del AS written
     FROM pg_stat_user_tables WHERE relname = ANY($1)`,
    [EVENT_TABLES],
  );
  return new Map(rows.map((r) => [r.relname, { read: Number(r.read), written: Number(r.written) }]));
}

for (let round = 0; round < ROUNDS; round++)
  for (const n of SIZES) {
    const template = await base(n);
    const name = `sitrep_events_run_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    try {
      const store0 = await openStore(urlOf(name));
      try {
        await analyzeInto(store0, readSources([ADDED]), { threads: 1, corpus: false });
      } finally {
        await store0.close();
      }
      const probe = new pg.Client({ connectionString: urlOf(name) });
      await probe.connect();
      await new Promise((r) => setTimeout(r, 1500));
      const t0 = await tableStats(probe);
      const tuples0 = await tuplesRead(admin, name);
      const store = await openStore(urlOf(name));
      const servers = async () => {
        const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
        return new Map(rows.map((r) => [r.pid, procCpu(r.pid)]));
      };
      const s0 = await servers();
      const c0 = process.cpuUsage();
      const summary = await resolveStore(store);
      const c = process.cpuUsage(c0);
      const s1 = await servers();
      await store.close();
      let server = 0;
      for (const [pid, cpu] of s1) server += cpu - (s0.get(pid) ?? 0);
      await new Promise((r) => setTimeout(r, 1500));
      const tuples = (await tuplesRead(admin, name)) - tuples0;
      const t1 = await tableStats(probe);
      await probe.end();
      let read = 0;
      let written = 0;
      for (const t of EVENT_TABLES) {
        read += (t1.get(t)?.read ?? 0) - (t0.get(t)?.read ?? 0);
        written += (t1.get(t)?.written ?? 0) - (t0.get(t)?.written ?? 0);
      }
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      console.log(
        `${TAG} ${n} stored + 200 new: resolve ${((c.user + c.system) / 1e6).toFixed(2)} s client CPU, ${server.toFixed(2)} s server CPU, ` +
          `${tuples} tuples read on the server; event tables: ${read} rows read, ${written} written; ${summary.events} events; load ${load}`,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
await admin.end();
