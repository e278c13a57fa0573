// The corpus resolve on PostgreSQL after 200 new articles, on stores of 2,000 and 4,000 synthetic articles: its cost
// (client CPU, server CPU, rows the server read: pg_stat_database's tup_returned + tup_fetched), the stories phase's
// client CPU, and the rows of the story tables the resolve moved (copied out and back, or read and written natively).
// The stores are built once (databases sitrep_stories_base_<N>, kept; DROP them to rebuild) and cloned for each run.
// STORIES_STEP_DIST names the compiled code to measure (default dist/: `tsc -p tsconfig.json` first), so one machine
// can measure two versions both ways round; STORIES_STEP_ROUNDS runs of each size (default 1).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { PG_SERVER, tuplesRead } from './pg-database.js';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });
const DIST = resolve(process.env.STORIES_STEP_DIST ?? join(ROOT, 'dist'));
const ROUNDS = Number(process.env.STORIES_STEP_ROUNDS ?? 1);
const SIZES = (process.env.STORIES_STEP_SIZES ?? '2000,4000').split(',').map(Number);
const ADDED = 200;
const { analyzeInto, resolveStore } = await import(pathToFileURL(join(DIST, 'analyze/index.js')).href);
const { openStore } = await import(pathToFileURL(join(DIST, 'store/index.js')).href);
const { readSources } = await import(pathToFileURL(join(DIST, 'ingest/index.js')).href);
const { openDb } = await import(pathToFileURL(join(DIST, 'store/db.js')).href);
const { pullStore, STORE_TABLES, copyField } = await import(pathToFileURL(join(DIST, 'store/pg/mirror.js')).href);

const STORY_TABLES = ['stories', 'story_members', 'story_keys', 'story_frequencies'];

/**
 * What the copy path paid for the story tables alone (before step 1 of the incremental resolve): the four tables
 * copied out into a SQLite file and written back (DELETE + COPY FROM, rolled back), client and server CPU.
 */
async function storyCopyCost(url, server) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { from: copyFrom } = (await import('pg-copy-streams')).default;
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-copy-'));
  const db = openDb(join(dir, 'copy.db'));
  // The story tables alone: their members' articles are not copied.
  db.pragma('foreign_keys = OFF');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pid = (await client.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const s0 = procCpu(pid);
  const c0 = process.cpuUsage();
  try {
    const tables = STORE_TABLES.filter((t) => STORY_TABLES.includes(t.name));
    await pullStore(client, db, tables);
    await client.query('BEGIN');
    for (const { name } of tables) await client.query(`DELETE FROM ${name}`);
    for (const { name, order } of tables) {
      const cols = db
        .prepare(`PRAGMA table_info(${name})`)
        .all()
        .map((c) => c.name);
      const select = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${name} ORDER BY ${order}`).raw();
      function* lines() {
        for (const values of select.iterate()) yield `${values.map(copyField).join('\t')}\n`;
      }
      await pipeline(
        Readable.from(lines()),
        client.query(copyFrom(`COPY ${name} (${cols.map((c) => `"${c}"`).join(', ')}) FROM STDIN`)),
      );
    }
    await client.query('ROLLBACK');
  } finally {
    const c = process.cpuUsage(c0);
    server.cpu = procCpu(pid) - s0;
    server.client = (c.user + c.system) / 1e6;
    await client.end();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function dump(name, n, seed) {
  const path = join(OUT, name);
  if (!existsSync(path)) {
    const fd = openSync(path, 'w');
    writeSyntheticDump(n, (s) => writeSync(fd, s), { seed, median: 600 });
    closeSync(fd);
  }
  return path;
}

const urlOf = (name) => {
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};
const admin = new pg.Client({ connectionString: PG_SERVER });
await admin.connect();
const exists = async (name) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;

async function analyze(name, input, corpus = true) {
  const store = await openStore(urlOf(name));
  try {
    await analyzeInto(store, readSources([input]), { threads: 1, corpus });
  } finally {
    await store.close();
  }
}

/** The store of `n` articles: the first 2,000 of one dump, then 2,000 of another, each analyzed with its resolve. */
async function base(n) {
  const name = `sitrep_stories_base_${n}`;
  if (await exists(name)) return name;
  const partial = `${name}_partial`;
  await admin.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
  if (n === 2000)
    await admin.query(
      `CREATE DATABASE ${partial} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`,
    );
  else await admin.query(`CREATE DATABASE ${partial} TEMPLATE ${await base(n - 2000)}`);
  console.log(`building ${name} (once) …`);
  await analyze(partial, dump(`stories-step-${n}.txt`, 2000, 2026 + n));
  await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
  return name;
}

async function storyRows(client) {
  const { rows } = await client.query(
    `SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM story_members) + (SELECT COUNT(*) FROM story_keys)
            + (SELECT COUNT(*) FROM story_frequencies) AS n`,
  );
  return Number(rows[0].n);
}

function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

const added = dump(`stories-step-added-${ADDED}.txt`, ADDED, 7);
for (let round = 0; round < ROUNDS; round++)
  for (const n of SIZES) {
    const template = await base(n);
    const name = `sitrep_stories_run_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    try {
      await analyze(name, added, false);
      const probe = new pg.Client({ connectionString: urlOf(name) });
      await probe.connect();
      const rowsBefore = await storyRows(probe);
      await new Promise((r) => setTimeout(r, 1500));
      const tuples0 = await tuplesRead(admin, name);
      const store = await openStore(urlOf(name));
      const servers = async () => {
        const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
        return new Map(rows.filter((r) => r.pid !== undefined).map((r) => [r.pid, procCpu(r.pid)]));
      };
      let phase = null;
      let stories = null;
      const s0 = await servers();
      const c0 = process.cpuUsage();
      const summary = await resolveStore(store, {
        onPhase: (p) => {
          if (p === 'stories') stories = process.cpuUsage();
          if (p === 'done' && stories) phase = process.cpuUsage(stories);
        },
      });
      const c = process.cpuUsage(c0);
      const s1 = await servers();
      await store.close();
      let server = 0;
      for (const [pid, cpu] of s1) server += cpu - (s0.get(pid) ?? 0);
      const rowsAfter = await storyRows(probe);
      await probe.end();
      await new Promise((r) => setTimeout(r, 1500));
      const tuples = (await tuplesRead(admin, name)) - tuples0;
      const copy = { client: Number.NaN, cpu: Number.NaN };
      await storyCopyCost(urlOf(name), copy).catch((err) => console.error(`story copy not measured: ${err}`));
      const s = summary.stories;
      const moved = s.rows
        ? `story rows read ${s.rows.read}, written ${s.rows.written} (natively)`
        : `story rows copied out ${rowsBefore}, written back ${rowsAfter} (a full copy each way)`;
      console.log(
        `${n} stored + ${ADDED} new: resolve ${((c.user + c.system) / 1e6).toFixed(2)} s client CPU, ${server.toFixed(2)} s server CPU, ` +
          `${tuples} tuples read on the server; stories phase ${((phase.user + phase.system) / 1e6).toFixed(2)} s client CPU, ` +
          `${s.articles} placed, ${s.pairs} pairs, ${s.read} stored articles read back; ${moved}; ` +
          `the story tables copied out and back alone: ${copy.client.toFixed(2)} s client CPU, ${copy.cpu.toFixed(2)} s server CPU`,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
await admin.end();
