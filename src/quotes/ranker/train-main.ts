import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateLanguage } from '../../language/index.js';
import { sharedDataDir } from '../../language/ner/data-dir.js';
import { loadTagger } from '../../language/ner/index.js';
import { createDoc, textArticle } from '../../model/index.js';
import { annotateQuotes, type CandidateDump } from '../annotate.js';
import { SPEAKER_MODEL_PATH, type SpeakerModelFile } from './model.js';
import { assign, loadPolnear, overlap } from './polnear.js';
import { crossValidate, disagreements, type Example, type FoldResult, train, type TrainOptions } from './train.js';

/**
 * `npm run train:speakers`: extracts the speaker candidates of every direct statement of PolNeAR train (the dev
 * split is not read), keeps the statements matched one-to-one to a gold quote with a source, chooses the number of
 * epochs by 5-fold cross-validation by article, prints the CV table (rules vs ranker per fold) and writes
 * `models/speakers.json` trained on all of train. Deterministic: the same data and code give the same file.
 * `-- --cv-only`: print the table, write nothing.
 */
const FOLDS = 5;
const lossesAt = process.argv.indexOf('--losses');
const notes = lossesAt >= 0 ? process.argv[lossesAt + 1]! : null;
const EPOCHS = [1, 2, 3, 5, 8, 12];
const SEED = 17;
/** How far the best candidate must score above the rules' choice to replace it. */
const MARGINS = [0, 1, 2, 4, 8, 16];

const articles = loadPolnear(join(sharedDataDir(), 'polnear/data/train'));
const examples: Example[] = [];
let golds = 0;
// `-- --cache FILE`: keep the extracted examples there and read them back (clear it when the features change).
const cacheAt = process.argv.indexOf('--cache');
const cache = cacheAt >= 0 ? process.argv[cacheAt + 1]! : null;
if (cache && existsSync(cache)) {
  const read = JSON.parse(readFileSync(cache, 'utf8')) as { golds: number; examples: Example[] };
  golds = read.golds;
  examples.push(...read.examples);
}
const tagger = examples.length ? null : loadTagger();
if (tagger)
  articles.forEach((a, n) => {
    const doc = createDoc(a.base, textArticle(a.text, a.base));
    annotateLanguage(doc, tagger);
    const dumps: CandidateDump[] = [];
    annotateQuotes(doc, { ranker: null, collect: (d) => dumps.push(d) });
    const m = assign(
      dumps.map((d) => [d.start, d.end] as [number, number]),
      a.gold.map((g) => g.frags),
    );
    a.gold.forEach((g, j) => {
      if (!g.source) return;
      golds++;
      const i = m.get(j);
      if (i === undefined) return;
      const source = g.source;
      examples.push({
        article: n,
        cands: dumps[i]!.candidates.map((c) => ({
          feats: c.feats,
          rule: c.rule,
          ok: source.some((f) => overlap([c.start, c.end], f) > 0),
        })),
        ...(notes
          ? {
              note: {
                quote: `${a.base}: ${a.text.slice(dumps[i]!.start, dumps[i]!.start + 80)} | gold: ${source.map(([s, e]) => a.text.slice(s, e)).join(' ')}`,
                cands: dumps[i]!.candidates.map((c) => a.text.slice(c.start, c.end)),
              },
            }
          : {}),
      });
    });
  });
if (cache && tagger) writeFileSync(cache, JSON.stringify({ golds, examples }));
// `-- --drop P1,P2`: leave out the features starting with these prefixes (ablations).
const dropAt = process.argv.indexOf('--drop');
const drop = dropAt >= 0 ? process.argv[dropAt + 1]!.split(',') : [];
if (drop.length)
  for (const ex of examples)
    for (const c of ex.cands) c.feats = c.feats.filter((f) => !drop.some((d) => f.startsWith(d)));
console.log(
  `PolNeAR train: ${articles.length} articles, ${golds} gold direct quotes with a source, ${examples.length} matched to a statement`,
);

const mean = (rs: FoldResult[], k: 'rules' | 'model' | 'oracle' | 'changed') =>
  rs.reduce((s, r) => s + r[k] * r.n, 0) / rs.reduce((s, r) => s + r.n, 0);
const f3 = (x: number) => x.toFixed(3);
let best: { opts: TrainOptions; margin: number; acc: number; folds: FoldResult[] } | null = null;
const table: Array<{ epochs: number; margin: number; rules: number; model: number; changed: number }> = [];
for (const epochs of EPOCHS) {
  const opts = { epochs, seed: SEED };
  const byMargin = crossValidate(examples, FOLDS, opts, MARGINS);
  for (const [k, margin] of MARGINS.entries()) {
    const folds = byMargin[k]!;
    const acc = mean(folds, 'model');
    table.push({ epochs, margin, rules: mean(folds, 'rules'), model: acc, changed: mean(folds, 'changed') });
    console.log(
      `epochs ${epochs} margin ${margin}: CV ranker ${f3(acc)}  rules ${f3(mean(folds, 'rules'))}  oracle ${f3(mean(folds, 'oracle'))}  changed ${f3(mean(folds, 'changed'))}  per fold ${folds.map((r) => `${f3(r.model)}/${f3(r.rules)}`).join(' ')}`,
    );
    // On a tie the larger margin (fewer changes to the rules' choice) wins.
    if (!best || acc > best.acc + 1e-9 || (Math.abs(acc - best.acc) <= 1e-9 && margin > best.margin))
      best = { opts, margin, acc, folds };
  }
}
if (!best) throw new Error('no examples');
console.log(`chosen: ${best.opts.epochs} epochs, margin ${best.margin}`);
for (const r of best.folds)
  console.log(`  fold ${r.fold}: ${r.n} quotes  rules ${f3(r.rules)}  ranker ${f3(r.model)}  oracle ${f3(r.oracle)}`);

if (notes) {
  // The held-out disagreements of fold 0 (training data only), for reading errors.
  const w = train(
    examples.filter((e) => e.article % FOLDS !== 0),
    best.opts,
  );
  const lines = disagreements(
    w,
    examples.filter((e) => e.article % FOLDS === 0),
    best.margin,
  ).map(({ ex, chosen, ruleRight }) => {
    const rule = ex.cands.findIndex((c) => c.rule);
    const top = (k: number) =>
      [...ex.cands[k]!.feats]
        .map((f) => [f, w.get(f) ?? 0] as const)
        .filter(([, x]) => Math.abs(x) > 0.5)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
        .slice(0, 8)
        .map(([f, x]) => `${f}:${x.toFixed(1)}`)
        .join(' ');
    return JSON.stringify({
      ruleRight,
      quote: ex.note?.quote,
      rule: rule >= 0 ? ex.note?.cands[rule] : null,
      chosen: ex.note?.cands[chosen],
      ok: ex.cands.flatMap((c, k) => (c.ok ? [ex.note?.cands[k]] : [])),
      ruleFeats: rule >= 0 ? top(rule) : '',
      chosenFeats: top(chosen),
    });
  });
  writeFileSync(notes, `${lines.join('\n')}\n`);
}

if (!process.argv.includes('--cv-only')) {
  const w = train(examples, best.opts);
  const weights: Record<string, number> = {};
  for (const [f, x] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const r = Math.round(x * 1000) / 1000;
    if (r !== 0) weights[f] = r;
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  const file: SpeakerModelFile = {
    version: 1,
    margin: best.margin,
    weights,
    provenance: {
      trainedOn: 'PolNeAR train (all 840 articles; first annotator file per article), direct quotes with a source',
      examples: examples.length,
      method: 'averaged perceptron, candidate ranking',
      epochs: best.opts.epochs,
      margin: best.margin,
      seed: SEED,
      selection: `${FOLDS}-fold cross-validation by article on PolNeAR train`,
      cv: table.map((t) => ({
        epochs: t.epochs,
        margin: t.margin,
        rules: Number(f3(t.rules)),
        ranker: Number(f3(t.model)),
        changed: Number(f3(t.changed)),
      })),
      codeCommit: commit,
      script: 'npm run train:speakers',
    },
  };
  writeFileSync(SPEAKER_MODEL_PATH, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${SPEAKER_MODEL_PATH}: ${Object.keys(weights).length} weights`);
}
