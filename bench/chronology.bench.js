// Timeline summarization on Timeline17 (the collections stored here: bpoil ×5, H1N1 ×3, MJ, haiti; one gold
// timeline each). Split: the five bpoil timelines tune, the five others (other topics) check; the check
// timelines are scored once with the parameters chosen on the tuning ones.
// Setup as in news-tls: the timeline has as many dates as the gold one, and per date the gold's mean number of
// sentences (rounded); dates are restricted to the gold timeline's first–last date ("gold range"), and also
// reported over the whole collection's range.
// Metrics (Martschat & Markert 2017, as in tilse): Date-F1 (exact days); concat ROUGE-1/2 F1; alignment-based
// ROUGE "align+ m:1" (AR-1/AR-2 F1): each predicted date is aligned to the gold date of least cost (date
// distance × content distance, content by a ROUGE-1 F1 approximation), counts weighted by 1/(1+|Δdays|); recall
// the same way from the gold side. ROUGE counts: lower-cased words, stop words removed, a light suffix stemmer
// (not ROUGE-1.5.5's Porter stemmer and stop list: figures are close to, not identical with, published ones).
// Each figure is the mean over timelines of the per-timeline F1.
// Baseline: the days with the most articles published, same sentence selection.
// Usage: npm run bench:chronology   ($SITREP_SHARED_DATA or $SITREP_DATA: the shared data folder, else found beside the repository)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chronology, prepareCollection } from '../dist/analyze/index.js';
import { STOP_WORDS } from '../dist/model/lexicon/index.js';
import { stem } from '../dist/resolve/index.js';
import { sharedData } from './shared-data.js';

const ROOT = sharedData('timeline17', { optional: true });
if (!ROOT) {
  console.log('no Timeline17 data (set SITREP_SHARED_DATA): skipped');
  process.exit(0);
}

function loadCollection(name) {
  const dir = join(ROOT, name, 'InputDocs');
  const articles = [];
  for (const day of readdirSync(dir).sort())
    for (const f of readdirSync(join(dir, day)).sort()) {
      const text = readFileSync(join(dir, day, f), 'utf8');
      if (text.trim()) articles.push({ id: `${day}/${f}`, text, published: day });
    }
  const gold = JSON.parse(readFileSync(join(ROOT, name, 'timelines.jsonl'), 'utf8').split('\n')[0]);
  return { name, articles, gold: new Map(gold.map(([d, s]) => [d.slice(0, 10), s])) };
}

const words = (s) => (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w)).map((w) => stem(w));
function grams(sentences, n) {
  const m = new Map();
  for (const s of sentences) {
    const w = words(s);
    for (let i = 0; i + n <= w.length; i++) {
      const g = w.slice(i, i + n).join(' ');
      m.set(g, (m.get(g) ?? 0) + 1);
    }
  }
  return m;
}
function counts(pred, ref, n) {
  const p = grams(pred, n);
  const r = grams(ref, n);
  let hit = 0;
  for (const [g, c] of p) hit += Math.min(c, r.get(g) ?? 0);
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  return { hit, p: sum(p), r: sum(r) };
}
const f1 = (p, r) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const dayNum = (d) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86400000);

function concat(pred, gold, n) {
  const c = counts([...pred.values()].flat(), [...gold.values()].flat(), n);
  return f1(c.p ? c.hit / c.p : 0, c.r ? c.hit / c.r : 0);
}

/** align+ m:1 */
function alignM1(pred, gold, n) {
  const pd = [...pred.keys()];
  const gd = [...gold.keys()];
  const approx = (a, b) => {
    const c = counts(a, b, 1);
    return f1(c.p ? c.hit / c.p : 0, c.r ? c.hit / c.r : 0);
  };
  const cost = (p, g) => (1 - 1 / (Math.abs(dayNum(p) - dayNum(g)) + 1)) * (1 - approx(pred.get(p), gold.get(g)));
  const argmin = (xs, f) => xs.reduce((best, x) => (f(x) < f(best) ? x : best));
  let pn = 0;
  let pdn = 0;
  for (const p of pd) {
    const g = argmin(gd, (g) => cost(p, g));
    const c = counts(pred.get(p), gold.get(g), n);
    pn += c.hit / (Math.abs(dayNum(p) - dayNum(g)) + 1);
    pdn += c.p;
  }
  let rn = 0;
  let rdn = 0;
  for (const g of gd) {
    const p = pd.length ? argmin(pd, (p) => cost(p, g)) : null;
    const c = counts(p ? pred.get(p) : [], gold.get(g), n);
    rn += p ? c.hit / (Math.abs(dayNum(p) - dayNum(g)) + 1) : 0;
    rdn += c.r;
  }
  return f1(pdn ? pn / pdn : 0, rdn ? rn / rdn : 0);
}

function dateF1(pred, gold) {
  const hit = [...pred.keys()].filter((d) => gold.has(d)).length;
  return f1(pred.size ? hit / pred.size : 0, gold.size ? hit / gold.size : 0);
}

function score(c, prepared, options, goldRange) {
  const gd = [...c.gold.keys()].sort();
  const dates = c.gold.size;
  const sentences = Math.max(1, Math.round([...c.gold.values()].reduce((a, s) => a + s.length, 0) / dates));
  const tl = chronology(prepared, {
    ...options,
    dates,
    sentences,
    ...(goldRange ? { from: gd[0], to: gd[gd.length - 1] } : {}),
  });
  const pred = new Map(tl.map((e) => [e.date, e.sentences]));
  return {
    date: dateF1(pred, c.gold),
    ar1: alignM1(pred, c.gold, 1),
    ar2: alignM1(pred, c.gold, 2),
    c1: concat(pred, c.gold, 1),
    c2: concat(pred, c.gold, 2),
  };
}

const mean = (rows, k) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
const fmt = (rows) =>
  `Date-F1 ${mean(rows, 'date').toFixed(3)}  AR-1 ${mean(rows, 'ar1').toFixed(3)}  AR-2 ${mean(rows, 'ar2').toFixed(3)}  ` +
  `concat R-1 ${mean(rows, 'c1').toFixed(3)}  R-2 ${mean(rows, 'c2').toFixed(3)}`;

const names = readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'timelines.jsonl')));
const t0 = performance.now();
const collections = names.map(loadCollection);
const prepared = new Map(collections.map((c) => [c.name, prepareCollection(c.articles)]));
const nArticles = collections.reduce((a, c) => a + c.articles.length, 0);
console.log(
  `Timeline17 (${collections.length} collections, ${nArticles} articles): prepared (tokens, time expressions) in ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const tune = collections.filter((c) => c.name.startsWith('bpoil'));
const check = collections.filter((c) => !c.name.startsWith('bpoil'));

const BASELINE = { publicationWeight: 1, mentionOnly: false, futureWeight: 0, mentionWindow: -1e9 };
const GRID = [];
for (const publicationWeight of [0, 0.5, 1])
  for (const futureWeight of [0, 0.5])
    for (const mentionWindow of [10, 365])
      for (const undatedLag of [0, 1])
        for (const redundancy of [0.5])
          GRID.push({ publicationWeight, futureWeight, mentionWindow, undatedLag, redundancy });

for (const goldRange of [true, false]) {
  const run = (set, o) => set.map((c) => score(c, prepared.get(c.name), o, goldRange));
  const objective = (rows) => mean(rows, 'date') + mean(rows, 'ar1') + mean(rows, 'ar2');
  let best = null;
  for (const o of GRID) {
    const rows = run(tune, o);
    const v = objective(rows);
    if (!best || v > best.v) best = { o, v, rows };
  }
  console.log(
    `\n${goldRange ? 'dates within the gold timeline range (news-tls setup)' : 'dates over the whole collection range'}`,
  );
  console.log(`  chosen on tune: ${JSON.stringify(best.o)}`);
  console.log(`  datewise     tune  (bpoil ×5):          ${fmt(best.rows)}`);
  console.log(`  datewise     check (H1N1 ×3, MJ, haiti): ${fmt(run(check, best.o))}`);
  const base = { ...best.o, ...BASELINE };
  console.log(`  pub. volume  tune:                      ${fmt(run(tune, base))}`);
  console.log(`  pub. volume  check:                     ${fmt(run(check, base))}`);
  for (const c of check) {
    const r = score(c, prepared.get(c.name), best.o, goldRange);
    console.log(
      `    ${c.name.padEnd(16)} Date-F1 ${r.date.toFixed(3)}  AR-1 ${r.ar1.toFixed(3)}  AR-2 ${r.ar2.toFixed(3)}`,
    );
  }
}
