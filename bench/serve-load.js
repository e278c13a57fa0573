// Load bench of `sitrep serve`: a store of synthetic articles plus the real Timeline17 inputs (read from the shared
// data folder at bench time), served by the built CLI, then concurrent clients (autocannon) on the list endpoints and
// on search while an ingest (`sitrep analyze` of new articles, at nice 10) writes to the same store.
// Prints every API route's p50/p95 (one client, distinct URLs, before the ingest starts), then per scenario
// requests/s, p50/p99 latency, errors and the server's RSS before and after.
// Everything stays on 127.0.0.1; each scenario runs for a bounded time and stops by itself.
//
//   SERVE_BENCH_ARTICLES   articles in the store (default 10,000)
//   SERVE_BENCH_ANALYZED   of these, how many are analyzed (default: all, at most 10,000); the rest are SQL copies
//                          of the analyzed ones with changed ids (bench/replicate-store.js)
//   SERVE_BENCH_SECONDS    per scenario (default 60); SERVE_BENCH_CONNECTIONS clients (default 200)
//   SERVE_BENCH_INGEST     articles per ingest run during the scenarios (default 300; 0: no ingest)
//   SERVE_BENCH_INGEST_NICE  the ingest's niceness (default 10)
//   SERVE_BENCH_ONLY       run only the scenarios whose names contain one of these words, comma-separated
//                          ('routes': the per-route times)
//   SERVE_BENCH_ROUTE_REQUESTS  requests per route for the per-route times (default 100)
//   SERVE_BENCH_READERS    passed to the server as `--readers N` (default: the server's own default)
//   SERVE_BENCH_REPEAT     run each chosen scenario this many times in a row on the same server (default 1): whether
//                          its RSS stays level across runs
//   SERVE_BENCH_NODE_ARGS  Node options of the server, space-separated (`--cpu-prof --cpu-prof-dir=DIR`: the
//                          profile is written when the server stops at the end of the bench)
//   SERVE_BENCH_OUT        the folder of the built stores and the bench's temporary files (default bench/out; a
//                          100,000-article store is ~5.5 GB, and a store built there is reused by later runs)
//   SERVE_BENCH_STORE      a store built before (by this bench, or any sitrep store) to serve instead of building
//                          one: each run serves a fresh copy of it, made beside it, so the ingest never writes to it
//   SERVE_BENCH_REQUESTS   end each scenario after this many answers instead of SERVE_BENCH_SECONDS: runs of equal
//                          work, so that the server's RSS across runs and builds compares on a shared machine
//   SERVE_BENCH_ENV        extra environment of the server, space-separated NAME=value (`MALLOC_ARENA_MAX=2`)
//   SERVE_BENCH_PROBE      a file: the server samples each thread's memory into it once a second
//                          (bench/memory-probe.cjs), and after each run the bench prints where the RSS is: every
//                          thread's V8 heap, external memory and array buffers, the process's anonymous memory
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { listCursors } from './list-cursors.js';
import { replicateStore } from './replicate-store.js';
import { startServe } from './start-serve.js';
import { searchQueries, writeSyntheticDump } from './synthetic.js';
import { writeTimeline17Jsonl } from './timeline17-input.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = process.env.SERVE_BENCH_OUT ? resolvePath(process.env.SERVE_BENCH_OUT) : join(ROOT, 'bench/out');
// SERVE_BENCH_CLI: another build's CLI (to compare two builds on the same store).
const CLI = process.env.SERVE_BENCH_CLI ?? join(ROOT, 'dist/cli/main.js');
const N = Number(process.env.SERVE_BENCH_ARTICLES ?? 10_000);
const ANALYZED = Math.min(N, Number(process.env.SERVE_BENCH_ANALYZED ?? 10_000));
const CONNECTIONS = Number(process.env.SERVE_BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.SERVE_BENCH_SECONDS ?? 60);
const INGEST = Number(process.env.SERVE_BENCH_INGEST ?? 300);
const INGEST_NICE = String(Number(process.env.SERVE_BENCH_INGEST_NICE ?? 10));
const ONLY = (process.env.SERVE_BENCH_ONLY ?? '').split(',');
const chosen = (name) => ONLY.some((o) => name.includes(o));
const ROUTE_REQUESTS = Number(process.env.SERVE_BENCH_ROUTE_REQUESTS ?? 100);
const REPEAT = Math.max(1, Number(process.env.SERVE_BENCH_REPEAT ?? 1));
const REQUESTS = Number(process.env.SERVE_BENCH_REQUESTS ?? 0);
const PROBE = process.env.SERVE_BENCH_PROBE ? resolvePath(process.env.SERVE_BENCH_PROBE) : '';
if (PROBE) rmSync(PROBE, { force: true });

/** The last sample of each thread in the probe's file (bench/memory-probe.cjs), as one line of MB figures. */
function probeSummary() {
  if (!PROBE || !existsSync(PROBE)) return '';
  const last = new Map();
  for (const line of readFileSync(PROBE, 'utf8').split('\n')) {
    if (!line) continue;
    const s = JSON.parse(line);
    last.set(s.thread, s);
  }
  const parts = [];
  for (const s of [...last.values()].sort((a, b) => a.thread - b.thread)) {
    const own =
      s.kind === 'main'
        ? `rss ${s.rss}, anonymous ${s.Anonymous}, file ${(s.Shared_Clean + s.Private_Clean).toFixed(1)}; `
        : '';
    parts.push(
      `${s.kind} ${s.thread}: ${own}heap ${s.heapUsed}/${s.heapTotal} (old ${s.oldUsed}/${s.oldSize}), ` +
        `external ${s.external}, array buffers ${s.arrayBuffers}, malloced ${s.malloced}`,
    );
  }
  return `  memory (MB, last sample of each thread): ${parts.join('; ')}`;
}
mkdirSync(OUT, { recursive: true });

function analyze(inputs, db) {
  const r = spawnSync(process.execPath, [CLI, 'analyze', ...inputs, '--db', db], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('analyze failed');
}

/**
 * The analyzed store: the Timeline17 inputs (when the shared data is there) and synthetic articles up to
 * `ANALYZED`, built once and kept in bench/out (an analysis of 10,000 articles takes minutes).
 */
function analyzedStore() {
  const db = join(OUT, `serve-load-analyzed-${ANALYZED}.db`);
  if (existsSync(db)) return db;
  const partial = `${db}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const real = join(OUT, 'timeline17.jsonl');
  const realCount = Math.min(writeTimeline17Jsonl(real), ANALYZED);
  const dump = join(OUT, `serve-load-${ANALYZED}.txt`);
  const fd = openSync(dump, 'w');
  writeSyntheticDump(ANALYZED - realCount, (s) => writeSync(fd, s), { seed: 2026, median: 600 });
  closeSync(fd);
  console.log(
    `analyzing ${ANALYZED - realCount} synthetic and ${realCount} Timeline17 articles (once; kept as ${db}) …`,
  );
  analyze(realCount > 0 && realCount === ANALYZED ? [real] : realCount > 0 ? [dump, real] : [dump], partial);
  renameSync(partial, db);
  rmSync(dump);
  rmSync(real, { force: true });
  return db;
}

/** The served store: the analyzed one, grown by copies to `N` articles when `N` is larger. */
function store() {
  if (process.env.SERVE_BENCH_STORE) {
    const given = resolvePath(process.env.SERVE_BENCH_STORE);
    if (!existsSync(given)) throw new Error(`SERVE_BENCH_STORE: no such store: ${given}`);
    return given;
  }
  const db = join(OUT, `serve-load-${N}-of-${ANALYZED}.db`);
  if (existsSync(db)) return db;
  const base = analyzedStore();
  if (N <= ANALYZED) copyFileSync(base, db);
  else {
    console.log(`copying the analyzed articles up to ${N} (once; kept as ${db}) …`);
    replicateStore(base, `${db}.partial`, N);
    renameSync(`${db}.partial`, db);
  }
  return db;
}

/** Served stores are written by the bench's ingest: each run starts from a fresh copy of the built store. */
function freshCopy(db) {
  const run = db.replace(/\.db$/, '.run.db');
  for (const f of [run, `${run}-wal`, `${run}-shm`]) rmSync(f, { force: true });
  copyFileSync(db, run);
  return run;
}

/**
 * `sitrep analyze` of new synthetic articles into the served store, one run after another until stopped, at a
 * lower CPU priority (a background ingest beside an analyst's reads). Returns a stop function.
 */
function ingestLoop(db) {
  let stopped = false;
  let child = null;
  let runs = 0;
  const next = () => {
    if (stopped) return;
    const dump = join(OUT, `serve-load-ingest-${runs}.txt`);
    const fd = openSync(dump, 'w');
    writeSyntheticDump(INGEST, (s) => writeSync(fd, s), { seed: 9000 + runs, median: 600 });
    closeSync(fd);
    runs++;
    child = spawn('nice', ['-n', INGEST_NICE, process.execPath, CLI, 'analyze', dump, '--db', db], { stdio: 'ignore' });
    child.on('exit', () => {
      rmSync(dump, { force: true });
      next();
    });
  };
  next();
  return () => {
    stopped = true;
    child?.kill('SIGTERM');
    return runs;
  };
}

function rssMb(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** CPU seconds the process has used so far, every thread (user + system; Linux clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function serve(db) {
  const nodeArgs = (process.env.SERVE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  if (PROBE) nodeArgs.push('--require', join(ROOT, 'bench/memory-probe.cjs'));
  const args = process.env.SERVE_BENCH_READERS ? ['--readers', process.env.SERVE_BENCH_READERS] : [];
  const env = { ...process.env };
  for (const pair of (process.env.SERVE_BENCH_ENV ?? '').split(' ').filter(Boolean)) {
    const eq = pair.indexOf('=');
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (PROBE) env.SITREP_MEMORY_PROBE = PROBE;
  return startServe({ cli: CLI, db, args, nodeArgs, env });
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
/** A page among the first 100 (browsing depth), within the list. */
const offset = (total) => Math.floor(Math.random() * Math.max(1, Math.min(total, 5000)));

/** Cursors of every row among the first `DEPTH` of each list (bench/list-cursors.js), read once before the scenarios. */
const DEPTH = 5000;
async function cursorsOf(db) {
  const c = await listCursors(db, DEPTH, ['articles', 'entities', 'dated', 'quotes']);
  return { articles: c.articles, entities: c.entities, events: c.dated, quotes: c.quotes };
}

const SCENARIOS = [
  {
    name: 'lists (articles, entities, events, quotes, timeline; random pages among the first 100)',
    path: (t) =>
      pick([
        () => `/api/articles?offset=${offset(t.articles)}&limit=50`,
        () => `/api/entities?offset=${offset(t.entities)}&limit=50`,
        () => `/api/events?offset=${offset(t.events)}&limit=50`,
        () => `/api/quotes?offset=${offset(t.quotes)}&limit=50`,
        () => `/api/timeline?offset=${offset(t.events)}&limit=50`,
      ])(),
  },
  {
    name: "lists by cursor (the same lists and depths, each page asked after a row's key: keyset paging)",
    cursors: true,
    path: (_t, c) =>
      pick([
        () => `/api/articles?cursor=${pick(c.articles)}&limit=50`,
        () => `/api/entities?cursor=${pick(c.entities)}&limit=50`,
        () => `/api/events?cursor=${pick(c.events)}&limit=50`,
        () => `/api/quotes?cursor=${pick(c.quotes)}&limit=50`,
        () => `/api/timeline?cursor=${pick(c.events)}&limit=50`,
      ])(),
  },
  {
    name: 'search (400 distinct queries: repeats are answered from the cache)',
    path: (() => {
      const qs = searchQueries(400, 7, N);
      return () => `/api/search?q=${encodeURIComponent(pick(qs))}&limit=20`;
    })(),
  },
  {
    name: 'search, every query new (no cache), 20 clients',
    connections: 20,
    path: (() => {
      const qs = searchQueries(100_000, 11, N);
      let i = 0;
      return () => `/api/search?q=${encodeURIComponent(qs[i++ % qs.length])}&limit=20`;
    })(),
  },
  {
    name: 'mixed: 80% lists, 20% search (400 queries)',
    path: (t) => (Math.random() < 0.8 ? SCENARIOS[0].path(t) : SCENARIOS[2].path(t)),
  },
];

/** A percentile of sorted numbers. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Every API route, one request at a time, each URL different (random pages, ids, queries): p50, p95 and max
 * of `count` requests per route, ms. The first request of a route is not counted (it compiles statements).
 */
async function routeTimes(base, totals, count) {
  const get = async (path) => (await fetch(base + path)).json();
  const articles = (await get('/api/articles?limit=500')).items.map((a) => a.id);
  const entities = (await get('/api/entities?limit=500')).items.map((e) => e.id);
  const groups = (await get('/api/ledger?limit=100')).items.map((g) => g.id);
  const qs = searchQueries(count + 1, 23, N);
  const page = (total, limit = 50) => Math.floor(Math.random() * Math.max(1, total - limit));
  const routes = {
    '/api/articles': () => `/api/articles?offset=${page(totals.articles)}&limit=50`,
    '/api/articles/:id': (i) => `/api/articles/${articles[i % articles.length]}`,
    '/api/entities': () => `/api/entities?offset=${page(totals.entities)}&limit=50`,
    '/api/entities/:id': (i) => `/api/entities/${entities[i % entities.length]}?offset=${i}&limit=20`,
    '/api/quotes': () => `/api/quotes?offset=${page(totals.quotes)}&limit=50`,
    '/api/events': () => `/api/events?offset=${page(totals.events)}&limit=50`,
    '/api/search': (i) => `/api/search?q=${encodeURIComponent(qs[i])}&limit=20`,
    '/api/ledger': (i) => `/api/ledger?offset=${i * 7}&limit=50`,
    '/api/ledger/:id': (i) => `/api/ledger/${groups[i % groups.length]}?offset=${i % 3}&limit=50`,
    '/api/timeline': () => `/api/timeline?offset=${page(totals.events, 200)}&limit=200`,
    '/api/network': (i) => `/api/network?offset=${i}&limit=500`,
    '/api/stats': () => '/api/stats',
    '/api/sources/feeds': () => '/api/sources/feeds',
    '/api/sources/jobs': () => '/api/sources/jobs',
  };
  for (const [route, path] of Object.entries(routes)) {
    const ms = [];
    let bytes = 0;
    let bad = 0;
    for (let i = 0; i <= count; i++) {
      const t = performance.now();
      const res = await fetch(base + path(i));
      const body = await res.arrayBuffer();
      if (i > 0) ms.push(performance.now() - t);
      bytes += body.byteLength;
      if (res.status !== 200) bad++;
    }
    ms.sort((a, b) => a - b);
    console.log(
      `  ${route.padEnd(20)} p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ` +
        `max ${ms.at(-1).toFixed(1)} ms, ${(bytes / (count + 1) / 1024).toFixed(0)} KB a response${bad ? `, ${bad} not 200` : ''}`,
    );
  }
}

async function run() {
  const db = freshCopy(store());
  const { child, base } = await serve(db);
  let stopIngest = null;
  try {
    const totals = await (await fetch(`${base}/api/stats`)).json();
    console.log(
      `store: ${totals.articles} articles, ${totals.entities} actors, ${totals.events} events, ${totals.quotes} quotes; ` +
        `load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
    if (chosen('routes')) {
      console.log(`every route, 1 client, ${ROUTE_REQUESTS} distinct requests each (no ingest):`);
      await routeTimes(base, totals, ROUTE_REQUESTS);
    }
    if (INGEST > 0) {
      stopIngest = ingestLoop(db);
      console.log(`an ingest runs meanwhile: sitrep analyze of ${INGEST} new articles at a time, nice ${INGEST_NICE}`);
    }
    const runs = SCENARIOS.filter((x) => chosen(x.name));
    const cursors = runs.some((x) => x.cursors) ? await cursorsOf(db) : null;
    // What the ingest wrote during each scenario: articles committed, and whether a corpus resolve committed.
    const watch = new Database(db, { readonly: true });
    const stored = watch.prepare('SELECT COUNT(*) FROM articles').pluck();
    const resolvedEvents = watch.prepare('SELECT MAX(rowid) FROM events').pluck();
    for (const s of runs.flatMap((x) => Array.from({ length: REPEAT }, () => x))) {
      const articlesBefore = stored.get();
      const eventsBefore = resolvedEvents.get();
      const before = rssMb(child.pid);
      const cpuBefore = cpuSeconds(child.pid);
      const connections = s.connections ?? CONNECTIONS;
      const result = await autocannon({
        url: base,
        connections,
        ...(REQUESTS > 0 ? { amount: REQUESTS } : { duration: SECONDS }),
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: s.path(totals, cursors) }),
          },
        ],
      });
      const after = rssMb(child.pid);
      // The server's CPU per answer: what a request costs, whatever share of the machine the server got.
      const cpu = cpuSeconds(child.pid) - cpuBefore;
      // autocannon counts a time-out among its errors too.
      const errors = result.errors + result.non2xx;
      console.log(
        `${s.name}\n  ${connections} clients, ${REQUESTS > 0 ? `${REQUESTS} requests in ${result.duration.toFixed(0)}` : SECONDS} s: ${result.requests.average.toFixed(0)} req/s, ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ` +
          `errors ${errors} (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx) ` +
          `of ${result.requests.total}; server RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MB; ` +
          `server CPU ${cpu.toFixed(1)} s (${((1000 * cpu) / Math.max(1, result.requests.total)).toFixed(2)} ms an answer); ` +
          `load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; ` +
          `meanwhile the ingest stored ${stored.get() - articlesBefore} articles` +
          `${resolvedEvents.get() !== eventsBefore ? ' and committed a corpus resolve' : ''}`,
      );
      if (PROBE) {
        // Two samples after the run, so that every thread has written one since its end.
        await new Promise((r) => setTimeout(r, 2100));
        console.log(probeSummary());
      }
    }
    watch.close();
  } finally {
    if (stopIngest) console.log(`ingest runs started: ${stopIngest()}`);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A profiling server writes its profile as it exits.
    await exited;
  }
}

await run();
