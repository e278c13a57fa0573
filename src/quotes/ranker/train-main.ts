import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateLanguage } from '../../language/index.js';
import { sharedDataDir } from '../../language/ner/data-dir.js';
import { loadTagger } from '../../language/ner/index.js';
import { createDoc, textArticle } from '../../model/index.js';
import { annotateQuotes, type CandidateDump } from '../annotate.js';
import { SPEAKER_MODEL_PATH, type SpeakerModelFile } from './model.js';
import { assign, loadPolnear, overlap } from './polnear.js';
import { crossValidate, type Example, type FoldResult, train, type TrainOptions } from './train.js';

/**
 * `npm run train:speakers`: extracts the speaker candidates of every direct statement of PolNeAR train (the dev
 * split is not read), keeps the statements matched one-to-one to a gold quote with a source, chooses the number of
 * epochs by 5-fold cross-validation by article, prints the CV table (rules vs ranker per fold) and writes
 * `models/speakers.json` trained on all of train. Deterministic: the same data and code give the same file.
 * `-- --cv-only`: print the table, write nothing.
 */
const FOLDS = 5;
const EPOCHS = [1, 2, 3, 5, 8, 12];
const SEED = 17;

const articles = loadPolnear(join(sharedDataDir(), 'polnear/data/train'));
const tagger = loadTagger();
const examples: Example[] = [];
let golds = 0;
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
    });
  });
});
console.log(
  `PolNeAR train: ${articles.length} articles, ${golds} gold direct quotes with a source, ${examples.length} matched to a statement`,
);

const mean = (rs: FoldResult[], k: 'rules' | 'model' | 'oracle') => rs.reduce((s, r) => s + r[k] * r.n, 0) / rs.reduce((s, r) => s + r.n, 0);
const f3 = (x: number) => x.toFixed(3);
let best: { opts: TrainOptions; acc: number; folds: FoldResult[] } | null = null;
const table: Array<{ epochs: number; rules: number; model: number }> = [];
for (const epochs of EPOCHS) {
  const opts = { epochs, seed: SEED };
  const folds = crossValidate(examples, FOLDS, opts);
  const acc = mean(folds, 'model');
  table.push({ epochs, rules: mean(folds, 'rules'), model: acc });
  console.log(
    `epochs ${epochs}: CV ranker ${f3(acc)}  rules ${f3(mean(folds, 'rules'))}  oracle ${f3(mean(folds, 'oracle'))}  per fold ${folds.map((r) => `${f3(r.model)}/${f3(r.rules)}`).join(' ')}`,
  );
  if (!best || acc > best.acc) best = { opts, acc, folds };
}
if (!best) throw new Error('no examples');
console.log(`chosen: ${best.opts.epochs} epochs`);
for (const r of best.folds)
  console.log(`  fold ${r.fold}: ${r.n} quotes  rules ${f3(r.rules)}  ranker ${f3(r.model)}  oracle ${f3(r.oracle)}`);

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
    weights,
    provenance: {
      trainedOn: 'PolNeAR train (all 840 articles; first annotator file per article), direct quotes with a source',
      examples: examples.length,
      method: 'averaged perceptron, candidate ranking',
      epochs: best.opts.epochs,
      seed: SEED,
      selection: `${FOLDS}-fold cross-validation by article on PolNeAR train`,
      cv: table.map((t) => ({ epochs: t.epochs, rules: Number(f3(t.rules)), ranker: Number(f3(t.model)) })),
      codeCommit: commit,
      script: 'npm run train:speakers',
    },
  };
  writeFileSync(SPEAKER_MODEL_PATH, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${SPEAKER_MODEL_PATH}: ${Object.keys(weights).length} weights`);
}
