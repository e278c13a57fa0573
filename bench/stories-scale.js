// Stories at scale, on real text: adding 1,000 articles to a store of N (default 100,000) re-clusters only what
// they touch. The Timeline17 input articles (2,286 real news texts, read at bench time from the shared data and never
// kept in the repository) are shuffled with a fixed seed: 1,000 are held out as the articles added, the rest are
// analyzed into a base store (built once, kept in bench/out), which is then grown to N articles by copies with other
// ids (bench/replicate-store.js: every row of an article copied, its stories too, document frequencies scaled).
// So the store holds ~1,300 distinct texts each ~77 times, in ~77 copies of each story; the 1,000 added are texts it
// does not hold, of the same 17 collections.
// Printed for the stories phase of `sitrep analyze` adding the 1,000 (`updateStories`): CPU (user + system of the
// process), pairs scored, stored articles read back, stories touched of all, rows written (SQLite changes). With
// --full, the same store's stories are then dropped and all N + 1,000 articles placed again from nothing (a full
// re-cluster), measured the same way.
// Usage: node bench/stories-scale.js [--articles 100000] [--full]
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeItems, updateStories } from '../dist/analyze/index.js';
import { readSources } from '../dist/ingest/index.js';
import { rng } from '../dist/model/random.js';
import { openDb } from '../dist/store/index.js';
import { replicateStore } from './replicate-store.js';
import { writeTimeline17Jsonl } from './timeline17-input.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('articles', '100000'));
const ADDED = 1000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });

const all = join(OUT, 'stories-scale-t17.jsonl');
if (!existsSync(all) && writeTimeline17Jsonl(all) === 0) {
  console.log('no Timeline17 data (set SITREP_SHARED_DATA): skipped');
  process.exit(0);
}
const lines = readFileSync(all, 'utf8').split('\n').filter(Boolean);
const rnd = rng(3);
for (let i = lines.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [lines[i], lines[j]] = [lines[j], lines[i]];
}
const addedPath = join(OUT, 'stories-scale-added.jsonl');
const basePath = join(OUT, 'stories-scale-base.jsonl');
writeFileSync(addedPath, `${lines.slice(0, ADDED).join('\n')}\n`);
writeFileSync(basePath, `${lines.slice(ADDED).join('\n')}\n`);

const cpuSeconds = (u) => (u.user + u.system) / 1e6;

/** Analyze `input` into `dbPath`, measuring the stories phase: CPU, wall clock, rows written. */
async function analyze(input, dbPath) {
  const db = openDb(dbPath);
  const changes = db.prepare('SELECT total_changes()').pluck();
  let start = null;
  let phase = null;
  try {
    const summary = await analyzeItems(db, readSources([input]), {
      onPhase: (p) => {
        if (p === 'stories') start = { cpu: process.cpuUsage(), wall: process.hrtime.bigint(), changes: changes.get() };
        if (p === 'done' && start)
          phase = {
            cpu: cpuSeconds(process.cpuUsage(start.cpu)),
            wall: Number(process.hrtime.bigint() - start.wall) / 1e9,
            written: changes.get() - start.changes,
          };
      },
    });
    return { s: summary.stories, phase, total: summary.totalArticles };
  } finally {
    db.close();
  }
}

function report(label, { s, phase, total }) {
  console.log(
    `${label}: stories phase ${phase.cpu.toFixed(2)} s CPU (${phase.wall.toFixed(1)} s wall), ${phase.written} rows written; ` +
      `${s.articles} articles placed, ${s.pairs} pairs scored, ${s.read} stored articles read back, ` +
      `${s.touched} stories touched (${s.started} started) of ${s.stories}; store holds ${total} articles`,
  );
}

const base = join(OUT, 'stories-scale-base.db');
if (!existsSync(base)) {
  const partial = `${base}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  report('base (first load)', await analyze(basePath, partial));
  const db = openDb(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, base);
}
const grown = join(OUT, `stories-scale-${N}.db`);
if (!existsSync(grown)) {
  const t = process.cpuUsage();
  const n = replicateStore(base, `${grown}.partial`, N);
  renameSync(`${grown}.partial`, grown);
  console.log(`grown to ${n} articles by copies (${cpuSeconds(process.cpuUsage(t)).toFixed(0)} s CPU)`);
}
const plus = join(OUT, `stories-scale-${N}-plus.db`);
for (const f of [plus, `${plus}-wal`, `${plus}-shm`]) rmSync(f, { force: true });
copyFileSync(grown, plus);
{
  const db = openDb(plus);
  const count = (sql) => db.prepare(sql).pluck().get();
  console.log(
    `store: ${count('SELECT COUNT(*) FROM articles')} articles, ${count('SELECT COUNT(*) FROM stories')} stories, ` +
      `${count('SELECT COUNT(*) FROM story_members')} placed, ${count('SELECT COUNT(*) FROM story_keys')} index postings`,
  );
  db.close();
}
const load = loadavg()[0].toFixed(1);
report(`add ${ADDED} to ${N}`, await analyze(addedPath, plus));
console.log(`load average at the start of the top-up: ${load}`);

if (process.argv.includes('--full')) {
  // A full re-cluster: the stories dropped, every article placed again from nothing.
  const db = openDb(plus);
  db.exec(`DELETE FROM story_members; DELETE FROM story_keys; DELETE FROM story_frequencies; DELETE FROM stories;
           DELETE FROM meta WHERE key = 'story_documents';`);
  const changes = db.prepare('SELECT total_changes()').pluck();
  const c0 = changes.get();
  const t = process.cpuUsage();
  const w = process.hrtime.bigint();
  const s = updateStories(db);
  const total = db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
  report(`full re-cluster of ${total}`, {
    s,
    phase: {
      cpu: cpuSeconds(process.cpuUsage(t)),
      wall: Number(process.hrtime.bigint() - w) / 1e9,
      written: changes.get() - c0,
    },
    total,
  });
  db.close();
}
