import { FeatureExtractor, stage2TemplateCount, type FeatureConfig, type FeatureResources } from './features.js';
import { bilouToIob2 } from './labels.js';
import { decodeDocument } from './perceptron.js';
import { prepareDocuments, trainStage, withoutRareFeatures, type Prepared, type TrainingDocument } from './train.js';
import { entityF1Where, evaluateTags } from './evaluate.js';
import { iobSpans } from './labels.js';

/**
 * Model selection by k-fold cross-validation over training documents: each fold is a contiguous block of
 * documents (CoNLL-2003 train is in date order, so a block holds its own news days and stories, as unseen
 * text would), and every setting is judged by entity F1 on the held-out block.
 *
 * The second pass is cross-validated cheaply: the held-out first-pass labels of the outer folds double as the
 * jack-knifed labels it trains on (the final training runs a separate jack-knife).
 *
 * Extra training documents (another corpus) join the first pass's training blocks of every fold; they are never
 * held out, and the second pass trains on the CoNLL blocks alone (as `trainTagger` does with `extra`).
 */

export interface CvSetting {
  name: string;
  features: Pick<FeatureConfig, 'aggregate' | 'history' | 'drop' | 'clusters2' | 'gazCase' | 'gazTypes' | 'charGrams'>;
  epochs: number;
  stage2: boolean;
  bits: number;
  /** Count cut-off of static features (see `withoutRareFeatures`; 1 = off). */
  minCount: number;
  /** Share of training documents per epoch trained without their gazetteer rows (`TrainOptions.gazDropout`). */
  gazDropout?: number;
  /** Share of capitalized training tokens per epoch trained without their word-identity rows (`TrainOptions.wordDropout`). */
  wordDropout?: number;
  /** Size of the perceptron updates of the extra training documents (`crossValidate`'s `extra`; default 1). */
  extraWeight?: number;
}

export interface CvResult {
  setting: CvSetting;
  folds: number;
  /** Per epoch (index = epoch − 1): held-out entity F1 of each fold, first and second pass. */
  stage1: number[][];
  stage2: number[][];
  /** Entity F1 of the final weights on their own training folds (the fit that held-out F1 is compared with). */
  train1: number[];
  train2: number[];
  /**
   * Per fold: held-out F1 of the last epoch's weights over the entities whose text is never an entity in the
   * training blocks (names the model has not seen), first and second pass.
   */
  unseen1: number[];
  unseen2: number[];
  seconds: number;
}

/** Fold of each document: `k` contiguous blocks of about equal token counts. */
export function contiguousFolds(tokensPerDoc: readonly number[], k: number): Int32Array {
  const total = tokensPerDoc.reduce((a, b) => a + b, 0);
  const fold = new Int32Array(tokensPerDoc.length);
  let seen = 0;
  tokensPerDoc.forEach((n, i) => {
    fold[i] = Math.min(k - 1, Math.floor((k * (seen + n / 2)) / total));
    seen += n;
  });
  return fold;
}

/**
 * Held-out entity F1 of weights `w` on `docs`, and (with `texts` and `seen`) the same over the entities whose text
 * is not in `seen` (the entity texts of the training blocks).
 */
function f1Of(
  fx: FeatureExtractor,
  w: Float32Array,
  docs: readonly Prepared[],
  stage2: boolean,
  texts?: readonly (readonly string[])[][],
  seen?: ReadonlySet<string>,
): { f1: number; unseen: number } {
  const gold: string[][] = [];
  const pred: string[][] = [];
  const tokens: (readonly string[])[] = [];
  docs.forEach((d, di) => {
    const out = new Uint8Array(d.df.n);
    const extraK = stage2 ? stage2TemplateCount(fx.cfg) : 0;
    decodeDocument(fx, w, { df: d.df, extra: stage2 ? d.extra : null, extraK, table: 0 }, out);
    for (let s = 0; s + 1 < d.df.bounds.length; s++) {
      const from = d.df.bounds[s]!;
      const to = d.df.bounds[s + 1]!;
      gold.push(bilouToIob2(d.gold.subarray(from, to)));
      pred.push(bilouToIob2(out.subarray(from, to)));
      if (texts) tokens.push(texts[di]![s]!);
    }
  });
  const f1 = evaluateTags(gold, pred).f1;
  const unseen = texts && seen ? entityF1Where(tokens, gold, pred, (t) => !seen.has(t)).f1 : Number.NaN;
  return { f1, unseen };
}

export function crossValidate(
  documents: readonly TrainingDocument[],
  resources: FeatureResources,
  setting: CvSetting,
  k: number,
  log: (m: string) => void = () => {},
  extra: readonly TrainingDocument[] = [],
): CvResult {
  const t0 = Date.now();
  const cfg: FeatureConfig = {
    bits: setting.bits,
    gazetteerLists: resources.gazetteer?.lists.length ?? 0,
    clusters: resources.clusters !== null,
    ...setting.features,
  };
  const fx = new FeatureExtractor(cfg, resources);
  const docs = prepareDocuments(fx, documents);
  // Extra training text (e.g. GMB): in every fold's first-pass training, never held out, never in the second pass.
  const extraDocs = prepareDocuments(fx, extra).map((d) => ({ ...d, weight: setting.extraWeight ?? 1 }));
  const fold = contiguousFolds(
    docs.map((d) => d.df.n),
    k,
  );
  const E = setting.epochs;
  const stage1: number[][] = Array.from({ length: E }, () => []);
  const stage2: number[][] = Array.from({ length: E }, () => []);
  const train1: number[] = [];
  const train2: number[] = [];
  const unseen1: number[] = [];
  const unseen2: number[] = [];
  const texts = documents.map((d) => d.sentences.map((s) => s.tokens));
  /** Entity texts of the documents outside fold f. */
  const seenOutside = (f: number): Set<string> => {
    const seen = new Set<string>();
    documents.forEach((d, i) => {
      if (fold[i] === f) return;
      for (const s of d.sentences) for (const e of iobSpans(s.tags)) seen.add(s.tokens.slice(e.start, e.end).join(' '));
    });
    return seen;
  };
  /** Train one pass on every fold but `f`; its per-epoch F1 on fold `f` goes to `curve`, its training F1 to `fit`. */
  const trainFold = (f: number, second: boolean, seed: number, curve: number[][], fit: number[], unseen: number[]) => {
    const held = docs.filter((_, i) => fold[i] === f);
    const heldTexts = texts.filter((_, i) => fold[i] === f);
    const rest = withoutRareFeatures(
      docs.filter((_, i) => fold[i] !== f),
      cfg.bits,
      setting.minCount,
    );
    const w = trainStage(
      fx,
      second || extraDocs.length === 0
        ? rest
        : [...rest, ...withoutRareFeatures(extraDocs, cfg.bits, setting.minCount)],
      second,
      E,
      seed,
      () => {},
      (e, avg) => {
        if (e < E) curve[e - 1]!.push(f1Of(fx, avg(), held, second).f1);
        else {
          const r = f1Of(fx, avg(), held, second, heldTexts, seenOutside(f));
          curve[e - 1]!.push(r.f1);
          unseen.push(r.unseen);
        }
      },
      setting.gazDropout ?? 0,
      setting.wordDropout ?? 0,
    );
    fit.push(f1Of(fx, w, rest, second).f1);
    return { w, held };
  };
  for (let f = 0; f < k; f++) {
    const { w, held } = trainFold(f, false, 1 + f, stage1, train1, unseen1);
    log(
      `  ${setting.name} fold ${f + 1}/${k} first pass: F1 ${(100 * stage1[E - 1]![f]!).toFixed(2)} (unseen names ${(100 * unseen1[f]!).toFixed(2)})`,
    );
    if (setting.stage2)
      for (const d of held) {
        const first = new Uint8Array(d.df.n);
        decodeDocument(fx, w, { df: d.df, extra: null, extraK: 0, table: 0 }, first);
        d.extra = fx.stage2Features(d.df, first);
      }
  }
  if (setting.stage2) {
    for (let f = 0; f < k; f++) {
      trainFold(f, true, 104729 + f, stage2, train2, unseen2);
      log(
        `  ${setting.name} fold ${f + 1}/${k} second pass: F1 ${(100 * stage2[E - 1]![f]!).toFixed(2)} (unseen names ${(100 * unseen2[f]!).toFixed(2)})`,
      );
    }
  }
  return { setting, folds: k, stage1, stage2, train1, train2, unseen1, unseen2, seconds: (Date.now() - t0) / 1000 };
}

export function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}
