import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BOUNDARY_MODEL_PATH,
  BoundaryModel,
  type BoundaryModelFile,
  CANDIDATE_FEATURES,
  trainBoundary,
} from '../boundary-model.js';
import { LINE_MODEL_PATH, LineModel, type LineModelFile } from '../line-model.js';
import { repairMojibake } from '../mojibake.js';
import { segmentText } from '../segmenter.js';
import { loadSourceArticles, sharedDataDir } from './corpora.js';
import { type CutCount, countDump, cutCost, EXTRA_WEIGHT, heldDumps } from './cut-cv.js';
import { type Dump, makeDumps } from './dumps.js';
import { DEFAULT_TRAIN, examplesOf, type TrainOptions, train } from './train-lines.js';

/**
 * `npm run train:boundaries`: trains the second look at provisional headlines (`boundary-model.ts`) and writes
 * `models/boundaries.json` when cross-validation says it helps.
 *
 * Three folds by train article, as `npm run train:lines` makes them: each fold's line model is trained on dumps of the
 * other two folds (the committed model's options), then segments dumps of its own fold's articles with every
 * provisional cut undone, and each provisional headline met is a candidate, labelled by whether the line is a gold
 * headline of the dump. Each fold's scorer is trained on the other folds' candidates and segments its own fold's
 * dumps at each threshold of `THRESHOLDS`; the errors are counted as the cut cross-validation counts them (missed
 * articles + `EXTRA_WEIGHT` × extra ones). The adoption rule was fixed before the first run: adopted when the best
 * threshold's cost is at least 1% under the cost without the scorer and extra articles do not rise; the final scorer
 * is then trained on all candidates. The tune and check splits are never read here.
 * `-- --fold-cache DIR`: keep the fold line models in DIR (training is deterministic), and each fold's candidates
 * beside them (clear DIR when the features, the data, the dumps or the segmenter change).
 */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];
const VETOES = [0.2, 0.3, 0.4, 0.5, 0.6];
/** A keep threshold no probability reaches: every provisional cut undone. */
const NEVER = 2;
/** Further pastings of each fold's articles whose candidates only train (the scorer has few of them otherwise). */
const EXTRA_SEEDS = [5000, 7000];
const FOLDS = 3;
const PASTINGS = 12;

const all = loadSourceArticles();
if (all.length === 0) {
  console.error(`no source articles under ${sharedDataDir()}: set SITREP_SHARED_DATA`);
  process.exit(1);
}
const trainArticles = all.filter((a) => a.split === 'train');
const committed = JSON.parse(readFileSync(LINE_MODEL_PATH, 'utf8')) as LineModelFile;
const options = (committed.provenance.options as TrainOptions | undefined) ?? DEFAULT_TRAIN;
const cutOf = {
  headlineMin: committed.cut?.headlineMin,
  ruleBackedMin: committed.cut?.ruleBackedMin,
  candidateMin: committed.cut?.candidateMin,
};
const cacheAt = process.argv.indexOf('--fold-cache');
const cacheDir = cacheAt >= 0 ? (process.argv[cacheAt + 1] ?? null) : null;

// As `npm run train:lines` pastes them: twelve pastings, every other one ordered by story.
const pastings = (articles: typeof trainArticles, n: number): Dump[] =>
  Array.from({ length: n }, (_, i) => i + 1).flatMap((seed) =>
    makeDumps(articles, 12 + (seed % 4) * 4, seed, undefined, seed % 2 === 0),
  );

const norm = (s: string): string => repairMojibake(s.replace(/\s+/g, ' ').trim()).text;

interface Candidate {
  x: number[];
  y: number;
  learnedCut: boolean;
}

const folds: Array<{ model: LineModel; held: Dump[]; candidates: Candidate[] }> = [];
for (let f = 0; f < FOLDS; f++) {
  const inFold = (_: unknown, i: number) => i % FOLDS === f;
  const rest = trainArticles.filter((a, i) => !inFold(a, i));
  const cached = cacheDir
    ? join(cacheDir, `fold${f}-${createHash('sha1').update(JSON.stringify(options)).digest('hex').slice(0, 12)}.json`)
    : null;
  let file: LineModelFile;
  if (cached && existsSync(cached)) file = JSON.parse(readFileSync(cached, 'utf8')) as LineModelFile;
  else {
    file = train(examplesOf(pastings(rest, PASTINGS)), options, {});
    if (cached) {
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(cached, JSON.stringify(file));
    }
  }
  const model = new LineModel(file);
  const held = heldDumps(trainArticles.filter(inFold), 1000 + f);
  const candidates: Candidate[] = [];
  const savedAt = cached ? cached.replace(/\.json$/, '.candidates.json') : null;
  if (savedAt && existsSync(savedAt)) candidates.push(...(JSON.parse(readFileSync(savedAt, 'utf8')) as Candidate[]));
  const fromDumps = [held, ...EXTRA_SEEDS.map((s) => heldDumps(trainArticles.filter(inFold), s + f))];
  for (const d of candidates.length > 0 ? [] : fromDumps.flat()) {
    const headlines = new Set(d.lines.filter((l) => l.label === 'headline').map((l) => norm(l.text)));
    await segmentText(d.text, 'cv', {
      ...cutOf,
      model,
      boundary: null,
      onCandidate: (x, line, learnedCut) => candidates.push({ x, y: headlines.has(norm(line)) ? 1 : 0, learnedCut }),
    });
  }
  if (savedAt && !existsSync(savedAt)) writeFileSync(savedAt, JSON.stringify(candidates));
  for (const cut of [false, true]) {
    const of = candidates.filter((c) => c.learnedCut === cut);
    console.log(
      `fold ${f}: ${of.length} ${cut ? 'cuts by the model alone' : 'provisional headlines'}, ${of.filter((c) => c.y === 1).length} of them headlines`,
    );
  }
  folds.push({ model, held, candidates });
}

async function foldCount(f: number, boundary: BoundaryModel | null): Promise<CutCount> {
  const sum: CutCount = { gold: 0, predicted: 0, found: 0, strict: 0 };
  for (const d of folds[f]!.held) {
    const c = await countDump(d, { ...cutOf, model: folds[f]!.model, boundary });
    sum.gold += c.gold;
    sum.predicted += c.predicted;
    sum.found += c.found;
    sum.strict += c.strict;
  }
  return sum;
}
const add = (a: CutCount, b: CutCount): CutCount => ({
  gold: a.gold + b.gold,
  predicted: a.predicted + b.predicted,
  found: a.found + b.found,
  strict: a.strict + b.strict,
});
const zero = (): CutCount => ({ gold: 0, predicted: 0, found: 0, strict: 0 });
const line = (label: string, c: CutCount): string =>
  `${label}: found ${c.found}/${c.gold}, extra ${c.predicted - c.found}, strict ${c.strict}, cost ${cutCost(c)}`;

let base = zero();
for (let f = 0; f < FOLDS; f++) base = add(base, await foldCount(f, null));
console.log(line('cv without the scorer', base));
const fileOf = (
  weights: { keep: number[]; veto: number[] },
  threshold: number,
  veto: number,
  provenance: Record<string, unknown> = {},
): BoundaryModelFile => ({
  format: 1,
  features: [...CANDIDATE_FEATURES],
  keep: { weights: weights.keep, threshold },
  veto: { weights: weights.veto, threshold: veto },
  provenance,
});
/** The two scorers trained on candidates: provisional headlines (keep) and cuts the model alone took (veto). */
const trainBoth = (cs: readonly Candidate[]): { keep: number[]; veto: number[] } => {
  const of = (cut: boolean) => cs.filter((c) => c.learnedCut === cut);
  const trainOn = (xs: Candidate[]) =>
    trainBoundary(
      xs.map((c) => c.x),
      xs.map((c) => c.y),
    );
  return { keep: trainOn(of(false)), veto: trainOn(of(true)) };
};
const foldWeights = folds.map((_, f) => trainBoth(folds.filter((_, g) => g !== f).flatMap((g) => g.candidates)));
const tried: Array<{ threshold: number; veto: number; found: number; extra: number; strict: number; cost: number }> =
  [];
const baseExtra = base.predicted - base.found;
let best: { threshold: number; veto: number; count: CutCount } | null = null;
async function tryOne(threshold: number, veto: number): Promise<void> {
  let c = zero();
  for (let f = 0; f < FOLDS; f++)
    c = add(c, await foldCount(f, new BoundaryModel(fileOf(foldWeights[f]!, threshold, veto))));
  console.log(line(`cv scorer: keep ≥ ${threshold}, veto < ${veto}`, c));
  const extra = c.predicted - c.found;
  tried.push({ threshold, veto, found: c.found, extra, strict: c.strict, cost: cutCost(c) });
  // The lowest cost among the settings that add no extra article; ties to the setting with fewer cuts (as the cut
  // cross-validation breaks them): the higher keep threshold, the lower veto (both grids ascend).
  const cost = cutCost(c);
  const better = !best || cost < cutCost(best.count) || (cost === cutCost(best.count) && threshold > best.threshold);
  if (extra <= baseExtra && better) best = { threshold, veto, count: c };
}
// Coordinate search: the veto with every provisional cut undone, then the keep threshold at the chosen veto.
for (const v of VETOES) await tryOne(NEVER, v);
const vetoAt: number = (best as { veto: number } | null)?.veto ?? 0;
for (const t of THRESHOLDS) await tryOne(t, vetoAt);
const chosen = best as { threshold: number; veto: number; count: CutCount } | null;
const adopted = chosen !== null && cutCost(chosen.count) <= 0.99 * cutCost(base);
console.log(
  `best setting: keep ≥ ${chosen?.threshold}, veto < ${chosen?.veto}: cost ${chosen ? cutCost(chosen.count) : '—'} against ${cutCost(base)} without; ${adopted ? 'adopted' : 'not adopted'}`,
);
if (adopted && chosen) {
  const every = folds.flatMap((f) => f.candidates);
  const weights = trainBoth(every);
  const file = fileOf(weights, chosen.threshold, chosen.veto, {
    trainedBy: 'npm run train:boundaries',
    data: 'provisional headlines met by each fold line model on held-out dumps of its fold (train split only)',
    candidates: every.length,
    headlines: every.filter((c) => c.y === 1).length,
    provisional: every.filter((c) => !c.learnedCut).length,
    lineModelOptions: options,
    selection: {
      by: `${FOLDS}-fold cross-validation over train articles: cost = missed articles + ${EXTRA_WEIGHT} × extra articles; the lowest cost among settings that add no extra article (ties to fewer cuts), adopted when ≥ 1% under the cost without the scorer`,
      without: { found: base.found, extra: base.predicted - base.found, strict: base.strict, cost: cutCost(base) },
      tried,
    },
  });
  writeFileSync(BOUNDARY_MODEL_PATH, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`→ ${BOUNDARY_MODEL_PATH}`);
  for (const kind of ['keep', 'veto'] as const)
    console.log(`${kind}: ${CANDIDATE_FEATURES.map((n, i) => `${n} ${weights[kind][i]}`).join(', ')}`);
}
