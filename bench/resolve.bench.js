// Corpus resolve benchmark: re-resolves a copy of a store (`sitrep analyze` runs this phase last, serially)
// and prints its time, peak RSS and a hash of each derived table, so two builds can be compared for speed and
// for identical results: node bench/resolve.bench.js STORE.db [DIST]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [source, dist = join(ROOT, 'dist')] = process.argv.slice(2);
if (!source) throw new Error('usage: node bench/resolve.bench.js STORE.db [DIST]');
const { openDb } = await import(pathToFileURL(join(resolve(dist), 'store/index.js')).href);
const { resolveCorpus } = await import(pathToFileURL(join(resolve(dist), 'analyze/resolve-corpus.js')).href);

const out = join(ROOT, 'bench/out');
mkdirSync(out, { recursive: true });
const copy = join(out, 'resolve-bench.db');
for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
copyFileSync(source, copy);

const db = openDb(copy);
const t0 = performance.now();
const counts = await resolveCorpus(db);
const secs = (performance.now() - t0) / 1000;
console.log(
  `resolve: ${secs.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ${JSON.stringify(counts)}`,
);

// Each derived table in key order, hashed: equal lines mean equal tables.
const TABLES = {
  entities: 'SELECT * FROM entities ORDER BY id',
  actor_keys: 'SELECT * FROM actor_keys ORDER BY actor_key',
  events: 'SELECT id, type, date, data FROM events ORDER BY id',
  event_articles: 'SELECT event_id, article_id FROM event_articles ORDER BY article_id, event_id',
  claim_groups: 'SELECT * FROM claim_groups ORDER BY id',
  claim_group_members: 'SELECT article_seq, idx, group_id FROM claim_group_members ORDER BY article_seq, idx',
};
for (const [name, sql] of Object.entries(TABLES)) {
  const h = createHash('sha256');
  let n = 0;
  for (const row of db.prepare(sql).raw().iterate()) {
    h.update(JSON.stringify(row));
    h.update('\n');
    n++;
  }
  console.log(`${name.padEnd(20)} ${String(n).padStart(9)} rows  ${h.digest('hex').slice(0, 16)}`);
}
db.close();
rmSync(copy, { force: true });
