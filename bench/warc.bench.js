// End-to-end WARC benchmark: a .warc.gz of real news pages (bench/make-warc.js, 2,000 and 10,000
// records) streamed through `sitrep analyze`, printing records/s and peak RSS for each and their ratio
// (flat memory: the 10,000-record run should not need much more than the 2,000-record one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWarc } from './make-warc.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });

async function warc(n) {
  const path = join(OUT, `news-${n}.warc.gz`);
  if (!existsSync(path)) {
    await makeWarc(n, path);
    console.log(`generated ${path}: ${n} records, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
  }
  return path;
}

async function run(n) {
  const input = await warc(n);
  const db = join(OUT, `warc-${n}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'analyze', input, '--db', db], {
    env: { ...process.env, SITREP_STATS: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`analyze failed: ${r.stderr.slice(-2000)}`);
  const rss = Number(/maxRSS=(\d+)KB/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/cpu=(\d+)ms/.exec(r.stderr)?.[1] ?? NaN) / 1000;
  const summary = /analyzed .*$/m.exec(r.stderr)?.[0] ?? '';
  const rate = n / secs;
  console.log(
    `warc ${String(n).padStart(6)} records: ${secs.toFixed(1)} s, ${rate.toFixed(1)} records/s, peak RSS ${rss.toFixed(0)} MB; ` +
      `CPU ${cpu.toFixed(0)} s (${((cpu * 1000) / n).toFixed(1)} ms/record: ${((2 * n) / cpu).toFixed(1)} records/s if 2 cores were ours alone; load average ${loadavg()[0].toFixed(1)})`,
  );
  console.log(`  ${summary}`);
  return { n, secs, rate, rss };
}

const sizes = (process.env.BENCH_WARC_SIZES ?? '2000,10000').split(',').map(Number);
const results = [];
for (const n of sizes) results.push(await run(n));
if (results.length === 2) {
  const [small, large] = results;
  console.log(
    `warc peak RSS ratio ${large.n}/${small.n}: ${(large.rss / small.rss).toFixed(2)}× (flat memory); throughput at ${large.n}: ${large.rate.toFixed(1)} records/s (target ≥ 40)`,
  );
}
