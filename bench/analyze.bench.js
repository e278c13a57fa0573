// End-to-end analyze benchmark: a synthetic dump of 2,000 and of 20,000 articles (median ~600 words)
// through `sitrep analyze`, printing articles/s and peak RSS for each, and their ratio.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });

function dump(n) {
  const path = join(OUT, `synthetic-${n}.txt`);
  if (!existsSync(path)) {
    const fd = openSync(path, 'w');
    const words = writeSyntheticDump(n, (s) => writeSync(fd, s), { seed: 2026, median: 600 });
    closeSync(fd);
    console.log(`generated ${path}: ${n} articles, ${words} words, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
  }
  return path;
}

function run(n) {
  const input = dump(n);
  const db = join(OUT, `bench-${n}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'analyze', input, '--db', db], {
    env: { ...process.env, SITREP_STATS: '1' },
    encoding: 'utf8',
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`analyze failed: ${r.stderr}`);
  const rss = Number(/maxRSS=(\d+)KB/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const rate = n / secs;
  console.log(
    `analyze ${String(n).padStart(6)} articles: ${secs.toFixed(1)} s, ${rate.toFixed(0)} articles/s, peak RSS ${rss.toFixed(0)} MB`,
  );
  return { n, secs, rate, rss };
}

const sizes = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number);
const results = sizes.map(run);
if (results.length === 2) {
  const [small, large] = results;
  console.log(
    `peak RSS ratio ${large.n}/${small.n}: ${(large.rss / small.rss).toFixed(2)}× (target ≤ 1.2×); throughput at ${large.n}: ${large.rate.toFixed(0)} articles/s (target ≥ 200)`,
  );
}
