// Job-queue throughput: synthetic articles (made-up text, bench/synthetic.js) in dump files, enqueued on a
// throw-away PostgreSQL database, drained by 1 and then 2 `sitrep worker` processes into a fresh SQLite store.
// Prints per run: articles, wall seconds from the workers' start until the last exits (the final corpus job
// included), articles/s, CPU seconds per article summed over the workers, each worker's peak RSS, and the load
// average before and after (the machine is shared: read the wall figures beside the load).
// Usage: npm run bench:queue [-- --files 8 --per-file 25 --workers 1,2]   (PostgreSQL: SITREP_TEST_PG or local)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, syntheticArticle, articleWords } from './synthetic.js';
import { throwawayDb } from '../dist/queue/test-pg.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const files = Number(arg('files', 8));
const perFile = Number(arg('per-file', 25));
const workerCounts = arg('workers', '1,2').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-bench-'));
const stores = mkdtempSync(join(tmpdir(), 'sitrep-queue-bench-stores-'));
const r = rng(2026);
for (let f = 0; f < files; f++) {
  const fd = openSync(join(dir, `part-${f}.txt`), 'w');
  for (let i = 0; i < perFile; i++) writeSync(fd, syntheticArticle(r, f * perFile + i, articleWords(r, 350)));
  closeSync(fd);
}

/** A worker under /usr/bin/time: its exit, CPU seconds and peak RSS. */
function worker(queue, store) {
  return new Promise((resolve) => {
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'TIME %U %S %M', process.execPath, CLI, 'worker', '--queue', queue, '--db', store, '--drain'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      resolve({ code, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rssMb: m ? Number(m[3]) / 1024 : NaN, err });
    });
  });
}

for (const [run, n] of workerCounts.entries()) {
  const pg = await throwawayDb();
  const store = join(stores, `store-${run}.db`);
  try {
    const enq = spawnSync(process.execPath, [CLI, 'enqueue', dir, '--queue', pg.url], { encoding: 'utf8' });
    if (enq.status !== 0) throw new Error(enq.stderr);
    const before = loadavg()[0];
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: n }, () => worker(pg.url, store)));
    const secs = (performance.now() - t0) / 1000;
    const after = loadavg()[0];
    for (const w of runs) if (w.code !== 0) throw new Error(w.err);
    const count = Number(
      spawnSync(
        'node',
        [
          '-e',
          `const D=require('better-sqlite3');console.log(new D(process.argv[1],{readonly:true}).prepare('SELECT COUNT(*) c FROM articles').get().c)`,
          store,
        ],
        {
          encoding: 'utf8',
          cwd: ROOT,
        },
      ).stdout,
    );
    const cpu = runs.reduce((s, w) => s + w.cpu, 0);
    console.log(
      `${n} worker(s): ${count} articles in ${secs.toFixed(1)} s wall = ${(count / secs).toFixed(2)} articles/s; ` +
        `CPU ${((cpu / count) * 1000).toFixed(0)} ms/article (summed over workers); ` +
        `peak RSS ${runs.map((w) => `${w.rssMb.toFixed(0)} MB`).join(', ')}; load average ${before.toFixed(1)} → ${after.toFixed(1)}`,
    );
  } finally {
    await pg.drop();
  }
}
rmSync(dir, { recursive: true, force: true });
rmSync(stores, { recursive: true, force: true });
