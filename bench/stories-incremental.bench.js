// Incremental stories: a store of N synthetic articles (STORIES_BENCH_ARTICLES, default 20,000; built once and kept
// in bench/out), then 1,000 new articles analyzed into a copy of it. Prints, for the stories phase of each run
// (`updateStories`, after the corpus resolve), its CPU time and what it read: articles placed, article pairs
// scored, stored articles read back, stories touched out of all stories.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeItems } from '../dist/analyze/index.js';
import { readSources } from '../dist/ingest/index.js';
import { openDb } from '../dist/store/index.js';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
const N = Number(process.env.STORIES_BENCH_ARTICLES ?? 20_000);
const ADDED = 1000;
mkdirSync(OUT, { recursive: true });

function dump(name, n, seed) {
  const path = join(OUT, name);
  if (!existsSync(path)) {
    const fd = openSync(path, 'w');
    writeSyntheticDump(n, (s) => writeSync(fd, s), { seed, median: 600 });
    closeSync(fd);
  }
  return path;
}

/** Analyze `input` into `dbPath`, timing the stories phase in CPU (user + system) and wall-clock seconds. */
async function analyze(input, dbPath) {
  const db = openDb(dbPath);
  let start = null;
  let phase = null;
  const t0 = process.hrtime.bigint();
  try {
    const summary = await analyzeItems(db, readSources([input]), {
      onPhase: (p) => {
        if (p === 'stories') start = { cpu: process.cpuUsage(), wall: process.hrtime.bigint() };
        if (p === 'done' && start) {
          const cpu = process.cpuUsage(start.cpu);
          phase = {
            cpu: (cpu.user + cpu.system) / 1e6,
            wall: Number(process.hrtime.bigint() - start.wall) / 1e9,
          };
        }
      },
    });
    return { summary, phase, total: Number(process.hrtime.bigint() - t0) / 1e9 };
  } finally {
    db.close();
  }
}

function report(label, { summary, phase, total }) {
  const s = summary.stories;
  console.log(
    `${label}: analyze ${total.toFixed(1)} s wall; stories phase ${phase.cpu.toFixed(2)} s CPU (${phase.wall.toFixed(1)} s wall): ` +
      `${s.articles} articles placed, ${s.pairs} pairs scored, ${s.read} stored articles read back, ` +
      `${s.touched} stories touched (${s.started} started) of ${s.stories}; store holds ${summary.totalArticles} articles`,
  );
}

const base = join(OUT, `stories-${N}.db`);
if (!existsSync(base)) {
  const partial = `${base}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  console.log(`building a store of ${N} synthetic articles (once; kept as ${base}) …`);
  report(`build ${N}`, await analyze(dump(`stories-${N}.txt`, N, 2026), partial));
  const db = openDb(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, base);
}
const copy = join(OUT, `stories-${N}-plus.db`);
for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
copyFileSync(base, copy);
const uptime = await import('node:os').then((os) => os.loadavg()[0].toFixed(1));
report(`add ${ADDED} to ${N}`, await analyze(dump(`stories-added-${ADDED}.txt`, ADDED, 7), copy));
console.log(`load average at the start of the top-up: ${uptime}`);
