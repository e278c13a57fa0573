// The synthetic store the server benches read: built once by the CLI and kept in bench/out (an analysis of
// 10,000 articles takes minutes).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
const CLI = join(ROOT, 'dist/cli/main.js');

/** The path of a store of `n` synthetic articles (seed 2026, median 600 words), built if it is not there yet. */
export function servedStore(n) {
  mkdirSync(OUT, { recursive: true });
  const db = join(OUT, `serve-load-${n}.db`);
  if (existsSync(db)) return db;
  const dump = join(OUT, `serve-load-${n}.txt`);
  const fd = openSync(dump, 'w');
  writeSyntheticDump(n, (s) => writeSync(fd, s), { seed: 2026, median: 600 });
  closeSync(fd);
  const partial = `${db}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  console.log(`building a store of ${n} synthetic articles (once; kept as ${db}) …`);
  const r = spawnSync(process.execPath, [CLI, 'analyze', dump, '--db', partial], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('analyze failed');
  renameSync(partial, db);
  rmSync(dump);
  return db;
}
