// Near-duplicate linker benchmark (MinHash + LSH in src/resolve). Pairs are constructed from real news
// documents (../shared/data/ecbplus: 462 documents in story clusters):
//  - positives: a syndicated copy (agency header and footer added) or a lightly edited version (a few
//    words changed or dropped, one sentence removed, paragraphs reordered, the end cut) of an indexed
//    original — it should be linked to exactly that original;
//  - negatives: documents not indexed, many about the same story as an indexed one (ECB+ clusters:
//    other outlets' reports of one event) — they should be linked to nothing.
// Prints precision/recall of the links, and speed (signatures/s, queries/s on a 10,000-signature index).
import { readFileSync } from 'node:fs';
import { sharedData } from './shared-data.js';
import { rng } from './synthetic.js';
import { Deduplicator, LshIndex, minhash } from '../dist/resolve/index.js';

const docs = readFileSync(sharedData('ecbplus/ecbplus_documents.dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .filter((d) => d.text.split(/\s+/).length >= 80);
const r = rng(2026);
const pick = (xs) => xs[Math.floor(r() * xs.length)];
const shuffle = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

const VARIANTS = {
  syndicated: (t) =>
    `By Staff Reporter, Wire Service\n\n${t}\n\n(Reporting by the wire desk; editing by the night editor.) Copyright 2024. All rights reserved.`,
  wordEdits: (t) =>
    t
      .split(' ')
      .map((w) => (r() < 0.04 ? pick(['said', 'the', 'reported', 'new', 'officials']) : r() < 0.02 ? '' : w))
      .join(' '),
  sentenceDropped: (t) => {
    const s = t.split(/(?<=[.!?])\s+/);
    if (s.length > 3) s.splice(1 + Math.floor(r() * (s.length - 2)), 1);
    return s.join(' ');
  },
  reordered: (t) => {
    const p = t.split('\n').filter((x) => x.trim());
    return p.length > 2 ? [p[0], ...shuffle(p.slice(1))].join('\n') : t;
  },
  truncated: (t) => t.slice(0, Math.floor(t.length * 0.8)),
  combined: (t) => VARIANTS.syndicated(VARIANTS.wordEdits(VARIANTS.sentenceDropped(t))),
};

const order = shuffle(docs.map((_, i) => i));
const indexed = order.slice(0, Math.floor(order.length / 2)).map((i) => docs[i]);
const others = order.slice(Math.floor(order.length / 2)).map((i) => docs[i]);
const indexedClusters = new Set(indexed.map((d) => d.cluster));

const dedup = new Deduplicator();
for (const d of indexed) {
  const v = dedup.check(d.text);
  if (v.kind !== 'exact') dedup.remember(d.doc_id, v.fingerprint);
}

let tp = 0,
  fp = 0,
  fn = 0;
const perKind = {};
const sims = [];
for (const d of indexed) {
  for (const [kind, make] of Object.entries(VARIANTS)) {
    const v = dedup.check(make(d.text));
    const k = (perKind[kind] ??= { n: 0, found: 0 });
    k.n++;
    const linked = v.kind === 'near' || v.kind === 'exact' ? v.of : null;
    if (linked === d.doc_id) {
      tp++;
      k.found++;
      if (v.kind === 'near') sims.push(v.similarity);
    } else {
      fn++;
      if (linked) fp++;
    }
  }
}
let sameStory = 0,
  sameStoryLinked = 0;
for (const d of others) {
  const v = dedup.check(d.text);
  const linked = v.kind === 'near' || v.kind === 'exact';
  if (indexedClusters.has(d.cluster)) {
    sameStory++;
    if (linked) sameStoryLinked++;
  }
  if (linked) fp++;
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(
  `dedup pairs: ${indexed.length} originals indexed; ${tp + fn} positive queries (${Object.keys(VARIANTS).length} variants each), ${others.length} negative queries (${sameStory} about an indexed story)`,
);
console.log(
  `dedup precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(3)}  (false links ${fp}, of them same-story ${sameStoryLinked})`,
);
console.log(
  `dedup recall by variant: ${Object.entries(perKind)
    .map(([k, v]) => `${k} ${(v.found / v.n).toFixed(3)}`)
    .join(', ')}`,
);
sims.sort((a, b) => a - b);
console.log(
  `dedup similarity of found near-duplicates: min ${sims[0]?.toFixed(2)}, median ${sims[Math.floor(sims.length / 2)]?.toFixed(2)}`,
);

// Speed: signatures of real texts, and queries against a 10,000-signature index.
const texts = docs.map((d) => d.text);
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0) / texts.length;
let t0 = performance.now();
const sigs = [];
for (let i = 0; i < 10000; i++) sigs.push(minhash(`${texts[i % texts.length]} ${i}`));
const sigSecs = (performance.now() - t0) / 1000;
const index = new LshIndex();
t0 = performance.now();
for (let i = 0; i < sigs.length; i++) {
  index.query(sigs[i]);
  index.add(String(i), sigs[i]);
}
const lshSecs = (performance.now() - t0) / 1000;
console.log(
  `dedup speed: ${(10000 / sigSecs).toFixed(0)} signatures/s (${words.toFixed(0)}-word texts), ${(10000 / lshSecs).toFixed(0)} query+insert/s growing to 10,000 signatures`,
);
