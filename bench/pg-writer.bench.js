// `sitrep analyze` into PostgreSQL with two builds, run in alternating pairs (A B, B A, …) so both see the same load:
// a first load of N synthetic articles into an empty store, then a top-up of M more into it (where a working copy's
// O(store) copy out and back shows). For each run: wall, the client's CPU (user + system, from /usr/bin/time), and
// the CPU of the run's PostgreSQL backends (their /proc/<pid>/stat, sampled every 0.2 s while the run lasts: the
// last 0.2 s of each backend may be missed). Each run gets its own throw-away database.
//
//   node bench/pg-writer.bench.js BASE_DIST [ROUNDS]
//
// BASE_DIST: the other build's dist/ (its ../models and ../node_modules must resolve); this tree's dist/ is the
// second build. BENCH_PG_ARTICLES (default 500) and BENCH_PG_TOPUP (default 100) set N and M.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDatabase, PG_SERVER } from './pg-database.js';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });
const BASE = resolve(process.argv[2] ?? '');
if (!existsSync(join(BASE, 'cli/main.js'))) throw new Error('usage: node bench/pg-writer.bench.js BASE_DIST [ROUNDS]');
const ROUNDS = Number(process.argv[3] ?? 2);
const N = Number(process.env.BENCH_PG_ARTICLES ?? 500);
const M = Number(process.env.BENCH_PG_TOPUP ?? 100);
const TICK = 100; // clock ticks per second (getconf CLK_TCK)

function dump(n, seed) {
  const path = join(OUT, `synthetic-${n}-seed${seed}.txt`);
  if (!existsSync(path)) {
    const fd = openSync(path, 'w');
    writeSyntheticDump(n, (s) => writeSync(fd, s), { seed, median: 600 });
    closeSync(fd);
  }
  return path;
}

/** CPU seconds of a process so far (utime + stime), or null once it is gone. */
function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return null;
  }
}

async function analyze(dist, input, url, dbName) {
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect();
  const backends = new Map();
  let sampling = true;
  const sample = async () => {
    while (sampling) {
      const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName]);
      for (const { pid } of rows) {
        const cpu = procCpu(pid);
        if (cpu !== null) backends.set(pid, cpu);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const sampler = sample();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, join(dist, 'cli/main.js'), 'analyze', input, '--db', url],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise((r) => child.on('exit', r));
  sampling = false;
  await sampler;
  await admin.end();
  if (code !== 0) throw new Error(`analyze failed: ${stderr}`);
  const [wall, user, sys, rss] = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(stderr).slice(1).map(Number);
  const server = [...backends.values()].reduce((a, b) => a + b, 0);
  return { wall, cpu: user + sys, server, rss: rss / 1024 };
}

const first = dump(N, 2026);
const topup = dump(M, 2027);
const builds = [
  { name: 'base', dist: BASE },
  { name: 'this', dist: join(ROOT, 'dist') },
];
const fmt = (r) =>
  `${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s client CPU, ${r.server.toFixed(1)} s server CPU, ${r.rss.toFixed(0)} MB`;
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse();
  for (const b of order) {
    const db = await benchDatabase();
    try {
      const name = new URL(db.url).pathname.slice(1);
      const a = await analyze(b.dist, first, db.url, name);
      const t = await analyze(b.dist, topup, db.url, name);
      console.log(`round ${round + 1} ${b.name}: first ${N}: ${fmt(a)} | top-up ${M}: ${fmt(t)}`);
    } finally {
      await db.drop();
    }
  }
}
