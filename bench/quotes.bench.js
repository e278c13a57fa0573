// Quotes benchmark. 1) PolNeAR dev (BRAT standoff: Source, Cue, Content): for direct quotes — gold Content
// spans containing a quotation mark — quote precision/recall/F1 (a match is an overlap of at least half the
// shorter span; discontinuous gold spans count by their fragments) and speaker accuracy (matched gold quotes
// whose predicted speaker overlaps the gold Source, over all gold direct quotes that have a Source).
// 2) Claim grouping on a fixture written for this project (test/fixtures/claim-groups.json): pairwise
// precision/recall of "same group" decisions.
// Usage: npm run bench:quotes [-- --split dev] [--errors FILE]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateLanguage } from '../dist/language/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { createDoc } from '../dist/model/index.js';
import { annotateQuotes } from '../dist/quotes/index.js';
import { groupClaims } from '../dist/resolve/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const split = opt('split', 'dev');
const errorsFile = opt('errors', null);
const DIR = `/work/shared/data/polnear/data/${split}`;

/** One annotation file per article (the first annotator's), parsed into spans and attribution relations. */
function loadPolnear() {
  const files = readdirSync(join(DIR, 'attributions')).sort();
  const seen = new Set();
  const out = [];
  for (const f of files) {
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const text = readFileSync(join(DIR, 'text', `${base}.txt`), 'utf8');
    const spans = new Map();
    const rels = [];
    for (const line of readFileSync(join(DIR, 'attributions', f), 'utf8').split('\n')) {
      const cols = line.split('\t');
      // A surface text holding a newline spills onto lines of its own: only "T<n>⇥…" and "E<n>⇥…" lines count.
      if (cols.length < 2 || !/^[TE]\d+$/.test(cols[0])) continue;
      if (cols[0].startsWith('T')) {
        const sp = cols[1].indexOf(' ');
        const frags = cols[1]
          .slice(sp + 1)
          .split(';')
          .map((x) => x.split(' ').map(Number));
        spans.set(cols[0], frags);
      } else {
        const args = Object.fromEntries(
          cols[1]
            .trim()
            .split(' ')
            .filter((a) => a.includes(':'))
            .map((a) => a.split(':')),
        );
        rels.push(args);
      }
    }
    const gold = [];
    for (const r of rels) {
      const content = spans.get(r.Content);
      if (!content) continue;
      const t = content.map(([s, e]) => text.slice(s, e)).join(' ');
      if (!/["“”]/.test(t)) continue;
      gold.push({ frags: content, source: r.Source ? spans.get(r.Source) : null });
    }
    out.push({ base, text, gold });
  }
  return out;
}

const overlap = (a, b) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
function matches(pred, frags) {
  const inter = frags.reduce((n, f) => n + overlap([pred.start, pred.end], f), 0);
  const glen = frags.reduce((n, [s, e]) => n + e - s, 0);
  return inter > 0 && inter >= Math.min(pred.end - pred.start, glen) / 2;
}

function benchPolnear() {
  const tagger = loadTagger();
  const articles = loadPolnear();
  let tp = 0,
    npred = 0,
    ngold = 0,
    recalled = 0,
    withSource = 0,
    speakerOk = 0;
  const errors = [];
  for (const a of articles) {
    const doc = createDoc(a.base, {
      title: '',
      url: null,
      outlet: null,
      text: a.text,
      captions: [],
      dateEvidence: [],
      origin: a.base,
      warnings: [],
    });
    annotateLanguage(doc, tagger);
    annotateQuotes(doc);
    const preds = doc.quotes.filter((q) => q.direct);
    npred += preds.length;
    ngold += a.gold.length;
    for (const p of preds) {
      if (a.gold.some((g) => matches(p, g.frags))) tp++;
      else errors.push({ kind: 'FP', doc: a.base, text: p.text.slice(0, 120), speaker: p.speaker?.text ?? null });
    }
    for (const g of a.gold) {
      const hit = preds.filter((p) => matches(p, g.frags));
      if (hit.length) recalled++;
      const gtext = g.frags
        .map(([s, e]) => a.text.slice(s, e))
        .join(' … ')
        .slice(0, 120);
      if (!g.source) continue;
      withSource++;
      const ok = hit.some((p) => p.speaker && g.source.some((f) => overlap([p.speaker.start, p.speaker.end], f) > 0));
      if (ok) speakerOk++;
      const gsrc = g.source.map(([s, e]) => a.text.slice(s, e)).join(' ');
      if (!hit.length) errors.push({ kind: 'FN', doc: a.base, text: gtext, gold: gsrc });
      else if (!ok)
        errors.push({
          kind: 'SPK',
          doc: a.base,
          text: gtext,
          gold: gsrc,
          pred: hit.map((p) => p.speaker?.text ?? null),
        });
    }
  }
  const p = npred ? tp / npred : 0;
  const r = ngold ? recalled / ngold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(
    `PolNeAR ${split}: ${articles.length} articles, ${ngold} gold direct quotes (${withSource} with a source), ${npred} predicted`,
  );
  console.log(`  direct quotes  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}`);
  console.log(`  speaker accuracy ${(speakerOk / withSource).toFixed(3)} (${speakerOk}/${withSource})`);
  if (errorsFile) writeFileSync(errorsFile, `${errors.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

function benchGrouping() {
  const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/claim-groups.json'), 'utf8'));
  const groups = groupClaims(fixture.claims);
  const predOf = new Map();
  for (const g of groups) for (const id of g.claimIds) predOf.set(id, g.id);
  const goldOf = new Map();
  fixture.groups.forEach((ids, k) => {
    for (const id of ids) goldOf.set(id, k);
  });
  let tp = 0,
    fp = 0,
    fn = 0;
  const ids = fixture.claims.map((c) => c.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const gold = goldOf.has(ids[i]) && goldOf.get(ids[i]) === goldOf.get(ids[j]);
      const pred = predOf.has(ids[i]) && predOf.get(ids[i]) === predOf.get(ids[j]);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(
    `claim grouping (fixture: ${fixture.claims.length} claims, ${fixture.groups.length} gold groups, ${groups.length} predicted): pairwise P ${p.toFixed(3)}  R ${r.toFixed(3)}`,
  );
}

benchPolnear();
benchGrouping();
