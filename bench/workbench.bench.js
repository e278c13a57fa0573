// Workbench bench: search hits before and after stemming on the example corpus, and on the synthetic store
// (bench/out, 10,000 articles by default; SERVE_BENCH_ARTICLES to change) the CPU time of searches on the
// stemmed and the plain full-text index, of the actor network and of the event places.
// "Before" is the same store with the full-text index rebuilt as migration 001 made it (unicode61, no stemmer);
// WORKBENCH_BASE=/path/to/other/dist also times that build's search function on it (e.g. main's, without facets).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actorNetwork, analyzePaths, eventPlaces } from '../dist/analyze/index.js';
import { openDb, search } from '../dist/store/index.js';
import { servedStore } from './served-store.js';
import { searchQueries } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.SERVE_BENCH_ARTICLES ?? 10_000);
const TMP = mkdtempSync(join(tmpdir(), 'sitrep-workbench-'));

/** Rebuild the full-text index with another tokenizer (same table, same triggers). */
function retokenize(db, tokenize) {
  db.exec(`DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='${tokenize}');
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');`);
}
const PLAIN = 'unicode61 remove_diacritics 2';
const STEMMED = 'porter unicode61 remove_diacritics 2';

function cpuMs(fn) {
  const t = process.cpuUsage();
  const out = fn();
  const d = process.cpuUsage(t);
  return { ms: (d.user + d.system) / 1000, out };
}

// 1. Hits on the example corpus, word by word.
const examplePath = join(TMP, 'examples.db');
await analyzePaths([join(ROOT, 'examples/dump-harbour')], examplePath, { threads: 0 });
const ex = openDb(examplePath);
const EXAMPLE_QUERIES = [
  'launch',
  'launched',
  'missile',
  'missiles',
  'ferry',
  'ferries',
  'sanction',
  'sanctions',
  'sanctioned',
  'warship',
  'warships',
  'accuse',
  'accused',
  'detain',
  'detained',
];
const hits = (db) => Object.fromEntries(EXAMPLE_QUERIES.map((q) => [q, search(db, q, 0, 1).total]));
const after = hits(ex);
retokenize(ex, PLAIN);
const before = hits(ex);
ex.close();
console.log(`search hits on examples/dump-harbour (16 articles), plain index -> stemmed index:`);
for (const q of EXAMPLE_QUERIES)
  console.log(`  ${q.padEnd(11)} ${String(before[q]).padStart(3)} -> ${String(after[q]).padStart(3)}`);

// 2. Timings on the synthetic store (a copy: the kept store is left as it is).
const source = servedStore(N);
const copy = join(TMP, 'synthetic.db');
{
  const db = openDb(source, { readonly: true });
  db.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  db.close();
}
const db = openDb(copy);
const queries = searchQueries(200, 7, N);
const base = process.env.WORKBENCH_BASE ? await import(join(process.env.WORKBENCH_BASE, 'store/index.js')) : null;
function searchCpu(run = search) {
  const per = queries.map((q) => cpuMs(() => run(db, q, 0, 20)).ms).sort((a, b) => a - b);
  const q = (p) => per[Math.min(per.length - 1, Math.floor(p * per.length))].toFixed(1);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms CPU per search (${queries.length} queries, a page of 20 hits)`;
}
console.log(`\nsynthetic store, ${N} articles:`);
console.log(`  search, stemmed index: ${searchCpu()}`);
const reindexStemmed = cpuMs(() => retokenize(db, STEMMED)).ms;
retokenize(db, PLAIN);
console.log(`  search, plain index:   ${searchCpu()}`);
if (base) console.log(`  search, plain index, ${process.env.WORKBENCH_BASE}: ${searchCpu(base.search)}`);
const reindexPlain = cpuMs(() => retokenize(db, PLAIN)).ms;
console.log(
  `  full-text index rebuild (migration 008's cost): stemmed ${(reindexStemmed / 1000).toFixed(1)} s, plain ${(reindexPlain / 1000).toFixed(1)} s CPU`,
);
const net = cpuMs(() => actorNetwork(db));
console.log(
  `  actor network (worker thread, cached): ${(net.ms / 1000).toFixed(2)} s CPU, ${net.out.nodes.length} actors, ${net.out.edges.length} edges`,
);
const places = cpuMs(() => eventPlaces(db));
console.log(
  `  event places: ${places.ms.toFixed(0)} ms CPU, ${places.out.places.length} countries, ${places.out.unplaced.length} unplaced names`,
);
db.close();
