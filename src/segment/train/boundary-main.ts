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
import { type CutCount, type CutTally, countDump, cutCost, EXTRA_WEIGHT, heldDumps } from './cut-cv.js';
import { type Dump, makeDumps } from './dumps.js';
import { DEFAULT_TRAIN, examplesOf, type TrainOptions, train } from './train-lines.js';

/**
 * `npm run train:boundaries`: trains the second look at provisional headlines (`boundary-model.ts`) and writes
 * `models/boundaries.json` when cross-validation says it helps.
 *
 * Three folds by train article, as `npm run train:lines` makes them: each fold's line model is trained on dumps of the
 * other two folds (the committed model's options), then segments dumps of its own fold's articles with every
 * provisional cut undone, the provisional floor at the lowest of `FLOORS` and the layout rule on (`layoutCandidates`:
 * a line laid out and worded as a headline is provisional whatever its probability), and each provisional headline
 * and each cut the model alone took is a candidate, labelled by whether the line is a gold headline of the dump. For
 * each floor and layout setting, each fold's scorers are trained on the other folds' candidates that setting lets in
 * and segment its own fold's dumps at every keep × veto setting of the grid; the errors are counted as the cut
 * cross-validation counts them (missed articles + `EXTRA_WEIGHT` × extra ones).
 * Adoption, fixed before the run: the setting with the lowest cost is adopted when it is under the current setting's
 * (the committed file's thresholds, floor and layout setting) by more than the fold-to-fold noise — √3 × the standard
 * deviation over the three folds of the per-fold cost difference (best − current), the spread of a sum of three
 * fold differences; ties to fewer cuts (higher keep, lower veto, higher floor, no layout rule). The final scorers are then trained on
 * all candidates at or over the chosen floor. The tune and check splits are never read here.
 * `-- --fold-cache DIR`: keep the fold line models in DIR (training is deterministic), and each fold's candidates
 * beside them (clear DIR when the features, the data, the dumps or the segmenter change).
 * `-- --keeps 0.7,0.8 --vetoes 0.6 --floors 0.35 --layout-floors 0.35`: another grid (e.g. one setting, to time it;
 * an empty `--layout-floors ''` leaves the layout rule out); `--refit`: when no other setting is adopted, the setting
 * in use is written with its scorers retrained on all folds' candidates (after the line model was retrained, so that
 * the scorers read its probabilities, not the old model's); `--collect-floor 0.2`: collect candidates from that floor
 * whatever the grid (so that parts of one grid run side by side share them); `--out FILE`: write an adopted model there;
 * `--l2 X`: the scorers' L2 penalty (default 1e-3, the committed model's).
 */
const listArg = (name: string, dflt: number[]): number[] => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0
    ? process.argv[at + 1]!.split(',')
        .filter((x) => x !== '')
        .map(Number)
    : dflt;
};
const KEEPS = listArg('keeps', [0.6, 0.7, 0.8]);
const VETOES = listArg('vetoes', [0.5, 0.6, 0.7]);
const FLOORS = listArg('floors', [0.2, 0.35]);
/** The layout rule (`layoutCandidates`): off, on (each with the keep × veto grid at the floors of `LAYOUT_FLOORS`). */
const LAYOUT_FLOORS = listArg('layout-floors', [0.35]);
/**
 * `--layout-keeps 0.5,0.7,0.9` (the default): with the layout rule, a scorer of its own reads the candidates only the
 * rule let in (under the floor), at each of these thresholds; an empty list: the keep scorer reads them too.
 */
const LAYOUT_KEEPS: Array<number | null> = listArg('layout-keeps', [0.5, 0.7, 0.9]);
if (LAYOUT_KEEPS.length === 0) LAYOUT_KEEPS.push(null);
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
const committedBoundary = existsSync(BOUNDARY_MODEL_PATH)
  ? (JSON.parse(readFileSync(BOUNDARY_MODEL_PATH, 'utf8')) as BoundaryModelFile)
  : null;
/** The setting in use: the committed scorers' thresholds and floor. */
const current = {
  keep: committedBoundary?.keep.threshold ?? 0.8,
  veto: committedBoundary?.veto.threshold ?? 0.6,
  floor: committedBoundary?.candidateMin ?? cutOf.candidateMin ?? 0.35,
  layout: committedBoundary?.layoutCandidates === true,
  layoutKeep: committedBoundary?.layoutKeep?.threshold ?? null,
};
const lowestFloor = Math.min(...FLOORS, ...LAYOUT_FLOORS, ...listArg('collect-floor', []), current.floor);
/** Where an adopted model is written (`--out FILE`, e.g. when parts of the grid run side by side). */
const outAt = process.argv.indexOf('--out');
const outPath = outAt >= 0 ? process.argv[outAt + 1]! : BOUNDARY_MODEL_PATH;
const featureCount = listArg('features', [CANDIDATE_FEATURES.length])[0]!;
/** `--l2 X`: the scorers' L2 penalty (default 1e-3, as `trainBoundary`'s), e.g. stronger for more features. */
const L2 = listArg('l2', [1e-3])[0]!;
const fit = { l2: L2, iterations: 3000, rate: 0.5 };
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
  /** The layout rule takes the line (`layoutCandidate`). */
  laidOut: boolean;
}
/** The line model's headline probability of a candidate (the feature `headline`). */
const headlineOf = (c: Candidate): number => c.x[CANDIDATE_FEATURES.indexOf('headline')]!;
/**
 * Candidates a setting lets in: every cut the model alone took, provisional headlines at or over the floor, and with
 * the layout rule those it takes.
 */
const atFloor = (cs: readonly Candidate[], floor: number, layout: boolean): Candidate[] =>
  cs.filter((c) => c.learnedCut || headlineOf(c) >= floor - 1e-9 || (layout && c.laidOut));

const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
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
  const savedAt = cached
    ? cached.replace(/\.json$/, `.candidates-layout-floor${lowestFloor}-f${CANDIDATE_FEATURES.length}.json`)
    : null;
  if (savedAt && existsSync(savedAt)) candidates.push(...(JSON.parse(readFileSync(savedAt, 'utf8')) as Candidate[]));
  const fromDumps = [held, ...EXTRA_SEEDS.map((s) => heldDumps(trainArticles.filter(inFold), s + f))];
  for (const d of candidates.length > 0 ? [] : fromDumps.flat()) {
    const headlines = new Set(d.lines.filter((l) => l.label === 'headline').map((l) => norm(l.text)));
    await segmentText(d.text, 'cv', {
      ...cutOf,
      candidateMin: lowestFloor,
      layoutCandidates: true,
      model,
      boundary: null,
      onCandidate: (x, line, learnedCut, laidOut) =>
        candidates.push({ x, y: headlines.has(norm(line)) ? 1 : 0, learnedCut, laidOut }),
    });
  }
  if (savedAt && !existsSync(savedAt)) writeFileSync(savedAt, JSON.stringify(candidates));
  // `--features N`: the scorers read only the first N features (e.g. those of an earlier build, to compare).
  if (featureCount < CANDIDATE_FEATURES.length) for (const c of candidates) c.x = c.x.slice(0, featureCount);
  for (const cut of [false, true]) {
    const of = candidates.filter((c) => c.learnedCut === cut);
    console.log(
      `fold ${f}: ${of.length} ${cut ? 'cuts by the model alone' : `provisional headlines (floor ${lowestFloor}, layout rule on; ${of.filter((c) => c.laidOut).length} laid out)`}, ${of.filter((c) => c.y === 1).length} of them headlines (${elapsed()})`,
    );
  }
  folds.push({ model, held, candidates });
}

async function foldCount(
  f: number,
  boundary: BoundaryModel | null,
  floor: number,
  layout: boolean,
  tally?: CutTally,
): Promise<CutCount> {
  const sum: CutCount = { gold: 0, predicted: 0, found: 0, strict: 0 };
  for (const d of folds[f]!.held) {
    const c = await countDump(
      d,
      {
        ...cutOf,
        candidateMin: floor,
        layoutCandidates: layout,
        model: folds[f]!.model,
        boundary,
      },
      tally,
    );
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

const fileOf = (
  weights: Weights,
  threshold: number,
  veto: number,
  floor: number,
  layout: boolean,
  layoutKeep: number | null,
  provenance: Record<string, unknown> = {},
): BoundaryModelFile => ({
  format: 1,
  features: CANDIDATE_FEATURES.slice(0, weights.keep.length),
  keep: { weights: weights.keep, threshold },
  veto: { weights: weights.veto, threshold: veto },
  candidateMin: floor,
  layoutCandidates: layout,
  ...(layoutKeep !== null && weights.layoutKeep
    ? { layoutKeep: { weights: weights.layoutKeep, threshold: layoutKeep } }
    : {}),
  provenance,
});
interface Weights {
  keep: number[];
  veto: number[];
  layoutKeep?: number[];
}
/** Candidates only the layout rule let in at `floor`: provisional headlines under it that the rule takes. */
const onlyLaidOut = (cs: readonly Candidate[], floor: number): Candidate[] =>
  cs.filter((c) => !c.learnedCut && c.laidOut && headlineOf(c) < floor - 1e-9);
/** The two scorers at `floor` without the layout rule, and a third on the candidates only the rule let in. */
const trainWithLayout = (cs: readonly Candidate[], floor: number): Weights => {
  const xs = onlyLaidOut(cs, floor);
  return {
    ...trainBoth(atFloor(cs, floor, false)),
    layoutKeep: trainBoundary(
      xs.map((c) => c.x),
      xs.map((c) => c.y),
      fit,
    ),
  };
};
/** The two scorers trained on candidates: provisional headlines (keep) and cuts the model alone took (veto). */
const trainBoth = (cs: readonly Candidate[]): Weights => {
  const of = (cut: boolean) => cs.filter((c) => c.learnedCut === cut);
  const trainOn = (xs: Candidate[]) =>
    trainBoundary(
      xs.map((c) => c.x),
      xs.map((c) => c.y),
      fit,
    );
  return { keep: trainOn(of(false)), veto: trainOn(of(true)) };
};

interface Tried {
  threshold: number;
  veto: number;
  floor: number;
  layout: boolean;
  layoutKeep: number | null;
  found: number;
  extra: number;
  strict: number;
  cost: number;
  /** The cost of each fold. */
  folds: number[];
}
const tried: Tried[] = [];
async function tryOne(
  threshold: number,
  veto: number,
  floor: number,
  layout: boolean,
  layoutKeep: number | null = null,
): Promise<Tried> {
  const already = tried.find(
    (t) =>
      t.threshold === threshold &&
      t.veto === veto &&
      t.floor === floor &&
      t.layout === layout &&
      t.layoutKeep === layoutKeep,
  );
  if (already) return already;
  const weights = weightsAt(floor, layout, layoutKeep !== null);
  let c = zero();
  const perFold: number[] = [];
  // `--by-cut`: the articles found and the extra ones by the decision that started them, for the setting in use.
  const tally: CutTally | undefined = tried.length === 0 && process.argv.includes('--by-cut') ? new Map() : undefined;
  for (let f = 0; f < FOLDS; f++) {
    const one = await foldCount(
      f,
      new BoundaryModel(fileOf(weights[f]!, threshold, veto, floor, layout, layoutKeep)),
      floor,
      layout,
      tally,
    );
    perFold.push(cutCost(one));
    c = add(c, one);
  }
  if (tally)
    console.log(
      `by the decision that started them (found / extra): ${[...tally]
        .sort((a, b) => b[1].extra - a[1].extra)
        .map(([k, t]) => `${k} ${t.found} / ${t.extra}`)
        .join(', ')}`,
    );
  console.log(
    `${line(`cv: keep ≥ ${threshold}, veto < ${veto}, floor ${floor}, layout rule ${layout ? (layoutKeep === null ? 'on' : `on, own scorer ≥ ${layoutKeep}`) : 'off'}`, c)} (folds ${perFold.join(' / ')}; ${elapsed()})`,
  );
  const t = {
    threshold,
    veto,
    floor,
    layout,
    layoutKeep,
    found: c.found,
    extra: c.predicted - c.found,
    strict: c.strict,
    cost: cutCost(c),
    folds: perFold,
  };
  tried.push(t);
  return t;
}
const weightsBySetting = new Map<string, Weights[]>();
/**
 * Each fold's scorers, trained on the other folds' candidates the setting lets in (`atFloor`); with `own`, the
 * candidates only the layout rule let in train a scorer of their own.
 */
function weightsAt(floor: number, layout: boolean, own: boolean): Weights[] {
  const key = `${floor}/${layout}/${own}`;
  let w = weightsBySetting.get(key);
  if (!w) {
    w = folds.map((_, f) => {
      const rest = folds.filter((_, g) => g !== f).flatMap((g) => g.candidates);
      return own ? trainWithLayout(rest, floor) : trainBoth(atFloor(rest, floor, layout));
    });
    weightsBySetting.set(key, w);
  }
  return w;
}

// The current setting first (the reference), then the whole grid: without the layout rule at every floor, with it at
// the floors of `LAYOUT_FLOORS`.
const reference = await tryOne(current.keep, current.veto, current.floor, current.layout, current.layoutKeep);
for (const floor of FLOORS) for (const veto of VETOES) for (const keep of KEEPS) await tryOne(keep, veto, floor, false);
for (const floor of LAYOUT_FLOORS)
  for (const veto of VETOES)
    for (const keep of KEEPS) for (const lk of LAYOUT_KEEPS) await tryOne(keep, veto, floor, true, lk);
// Lowest cost; ties to fewer cuts: the higher keep threshold, the lower veto, the higher floor, no layout rule.
const fewerCuts = (a: Tried, b: Tried): number =>
  b.threshold - a.threshold || a.veto - b.veto || b.floor - a.floor || Number(a.layout) - Number(b.layout);
const best = [...tried].sort((a, b) => a.cost - b.cost || fewerCuts(a, b))[0]!;
const diffs = best.folds.map((c, f) => c - reference.folds[f]!);
const mean = diffs.reduce((a, b) => a + b, 0) / FOLDS;
const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (FOLDS - 1));
const noise = Math.sqrt(FOLDS) * sd;
const gain = reference.cost - best.cost;
const adopted = best !== reference && gain > noise;
const refit = !adopted && process.argv.includes('--refit');
console.log(
  `best setting: keep ≥ ${best.threshold}, veto < ${best.veto}, floor ${best.floor}, layout rule ${best.layout ? 'on' : 'off'}${best.layoutKeep !== null ? ` (own scorer ≥ ${best.layoutKeep})` : ''}: cost ${best.cost} against ${reference.cost} now (per-fold differences ${diffs.join(' / ')}, noise ${noise.toFixed(1)}); ${adopted ? 'adopted' : 'not adopted'}`,
);
if (adopted || refit) {
  const chosen = adopted ? best : reference;
  const every = atFloor(
    folds.flatMap((f) => f.candidates),
    chosen.floor,
    chosen.layout,
  );
  const all = folds.flatMap((f) => f.candidates);
  const weights = chosen.layoutKeep !== null ? trainWithLayout(all, chosen.floor) : trainBoth(every);
  const file = fileOf(weights, chosen.threshold, chosen.veto, chosen.floor, chosen.layout, chosen.layoutKeep, {
    trainedBy: 'npm run train:boundaries',
    data: 'provisional headlines and cuts by the model alone met by each fold line model on held-out dumps of its fold (train split only)',
    candidates: every.length,
    headlines: every.filter((c) => c.y === 1).length,
    provisional: every.filter((c) => !c.learnedCut).length,
    lineModelOptions: options,
    selection: {
      by: `${FOLDS}-fold cross-validation over train articles: cost = missed articles + ${EXTRA_WEIGHT} × extra articles; keep × veto × provisional floor × layout rule, each setting's scorers trained on the other folds' candidates at or over it; the lowest cost (ties to fewer cuts), adopted when it is under the setting in use by more than √${FOLDS} × the standard deviation of the per-fold cost differences`,
      current: { ...current, cost: reference.cost, folds: reference.folds },
      ...(refit
        ? { refit: 'the setting in use, its scorers retrained on the candidates of the current line model' }
        : {}),
      noise: Math.round(noise * 10) / 10,
      tried,
    },
  });
  writeFileSync(outPath, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`→ ${outPath}`);
  for (const kind of ['keep', 'veto'] as const)
    console.log(`${kind}: ${CANDIDATE_FEATURES.map((n, i) => `${n} ${weights[kind][i]}`).join(', ')}`);
}
