import {
  FeatureExtractor,
  stage2TemplateCount,
  HISTORY_TEMPLATES,
  type FeatureConfig,
  type FeatureResources,
  type DocFeatures,
} from './features.js';
import { NUM_LABELS, iobToBilou } from './labels.js';
import { NerModel, type Provenance } from './model.js';
import { PerceptronTrainer, decodeDocument } from './perceptron.js';
import { rng } from '../../model/random.js';

/** One training document: sentences of tokens with their IOB tags (IOB1 or IOB2). */
export interface TrainingDocument {
  sentences: { tokens: readonly string[]; tags: readonly string[] }[];
}

export interface TrainOptions {
  /** log2 of the number of hashed feature rows (default 20). */
  bits?: number;
  /** Perceptron passes over the data (default 12). */
  epochs?: number;
  /** Passes of the second stage (default: `epochs`). */
  epochs2?: number;
  /** Seed of the document shuffling (training is deterministic for a given seed and data). */
  seed?: number;
  /** Train the second, document-level pass (default true). */
  stage2?: boolean;
  /** Static features seen in fewer training tokens get no weight (default 1: all kept). */
  minCount?: number;
  /**
   * Share of training documents, drawn anew in every epoch, whose gazetteer rows are left out (default 0), so that
   * the weights of the other features are not undertrained on names the gazetteer already knows.
   */
  gazDropout?: number;
  /**
   * Share of capitalized training tokens, drawn anew in every epoch, trained without the features that name the
   * word itself (`FeatureExtractor.wordIdentitySlots` and the previous label × word rows; default 0), so the model
   * learns to tag names from their context, shape, affixes, lists and word classes, as it must for names it has
   * never seen (word dropout: Lample et al. 2016 replace singletons with an unknown-word token).
   */
  wordDropout?: number;
  /**
   * Extra training documents for the first pass only (e.g. GMB, `gmb.ts`), with the size of their updates
   * (`weight`, default 1). The jack-knifed first-pass models train on them too; the second pass trains on
   * `documents` alone, whose first-pass labels come from models that did not see them.
   */
  extra?: { documents: readonly TrainingDocument[]; weight?: number };
  /** Folds for the jack-knifed first-pass labels the second pass is trained on (default 5). */
  folds?: number;
  resources?: FeatureResources;
  /** Optional feature groups and ablations (see `FeatureConfig`). */
  features?: Pick<FeatureConfig, 'aggregate' | 'history' | 'drop' | 'clusters2' | 'gazCase' | 'gazTypes' | 'charGrams'>;
  provenance?: Provenance;
  /** Progress messages. */
  log?: (message: string) => void;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A training document's features, gold BILOU ids and (once first-pass labels exist) stage-2 rows. */
export interface Prepared {
  df: DocFeatures;
  gold: Uint8Array;
  extra: Int32Array | null;
  /** Size of this document's perceptron updates (default 1; less for down-weighted extra training text). */
  weight?: number;
}

/**
 * Train one stage's weights (averaged perceptron) over `docs`. `checkpoint`, when given, receives the averaged
 * weights after every epoch (for model selection over the number of epochs).
 */
export function trainStage(
  fx: FeatureExtractor,
  docs: readonly Prepared[],
  stage2: boolean,
  epochs: number,
  seed: number,
  log: (m: string) => void,
  checkpoint?: (epoch: number, averaged: () => Float32Array) => void,
  gazDropout = 0,
  wordDropout = 0,
): Float32Array {
  const trainer = new PerceptronTrainer(1 << fx.cfg.bits);
  const random = rng(seed);
  // A stream of its own, so that the document order is the same with and without dropout.
  const drop = gazDropout > 0 ? rng(seed ^ 0x5f3759df) : null;
  const [gazFrom, gazTo] = fx.gazetteerSlots();
  const wordDrop = wordDropout > 0 ? rng(seed ^ 0x2545f491) : null;
  const wordSlots = wordDrop ? fx.wordIdentitySlots() : [];
  let order = docs.slice();
  for (let e = 0; e < epochs; e++) {
    order = shuffled(order, random);
    let errors = 0;
    let tokens = 0;
    for (const d of order) {
      const out = new Uint8Array(d.df.n);
      let df = drop && gazTo > gazFrom && drop() < gazDropout ? withoutSlots(d.df, gazFrom, gazTo) : d.df;
      if (wordDrop) df = withoutWords(df, wordSlots, wordDropout, wordDrop);
      errors += decodeDocument(
        fx,
        trainer.w,
        { df, extra: stage2 ? d.extra : null, extraK: stage2 ? stage2TemplateCount(fx.cfg) : 0, table: 0 },
        out,
        trainer,
        d.gold,
        d.weight ?? 1,
      );
      tokens += d.df.n;
    }
    log(`  epoch ${e + 1}/${epochs}: ${errors} token errors of ${tokens} (${((100 * errors) / tokens).toFixed(2)}%)`);
    checkpoint?.(e + 1, () => trainer.averaged());
  }
  return trainer.averaged();
}

/** A copy of a document's features with the static rows in slots [from, to) of every token left out. */
function withoutSlots(df: DocFeatures, from: number, to: number): DocFeatures {
  const feats = df.feats.slice();
  for (let o = 0; o < feats.length; o += df.k) feats.fill(-1, o + from, o + to);
  return { ...df, feats };
}

/**
 * A copy of a document's features in which each capitalized token, with probability `p`, has its word-identity
 * slots and its previous label × word rows left out.
 */
function withoutWords(df: DocFeatures, slots: readonly number[], p: number, random: () => number): DocFeatures {
  let feats: Int32Array | null = null;
  let hist: Int32Array[] | null = null;
  for (let i = 0; i < df.n; i++) {
    if (!df.capital[i] || random() >= p) continue;
    feats ??= df.feats.slice();
    hist ??= df.hist.slice();
    for (const s of slots) feats[i * df.k + s] = -1;
    const h = hist[i]!.slice();
    for (let j = 0; j < h.length; j += HISTORY_TEMPLATES) h[j] = -1;
    hist[i] = h;
  }
  return feats ? { ...df, feats, hist: hist! } : df;
}

/** Features and gold labels of training documents. */
export function prepareDocuments(fx: FeatureExtractor, documents: readonly TrainingDocument[]): Prepared[] {
  return documents.map((d) => {
    const df = fx.extractDocument(d.sentences.map((s) => s.tokens));
    const gold = new Uint8Array(df.n);
    let t = 0;
    for (const s of d.sentences) {
      if (s.tags.length !== s.tokens.length)
        throw new Error('a training sentence has different numbers of tokens and tags');
      for (const l of iobToBilou(s.tags)) gold[t++] = l;
    }
    return { df, gold, extra: null };
  });
}

/**
 * Copies of the documents whose label-independent feature rows seen in fewer than `minCount` tokens of them are
 * set to -1 (such features get no weight): a count cut-off against memorizing rare words and word pairs.
 */
export function withoutRareFeatures(docs: readonly Prepared[], bits: number, minCount: number): Prepared[] {
  if (minCount <= 1) return docs.slice();
  const counts = new Uint32Array(1 << bits);
  for (const d of docs) for (const r of d.df.feats) if (r >= 0) counts[r / NUM_LABELS]!++;
  return docs.map((d) => {
    const feats = d.df.feats.map((r) => (r >= 0 && counts[r / NUM_LABELS]! < minCount ? -1 : r));
    return { ...d, df: { ...d.df, feats } };
  });
}

/** Train a tagger. Deterministic: the same documents, resources and options give the same weights. */
export function trainTagger(documents: readonly TrainingDocument[], options: TrainOptions = {}): NerModel {
  const log = options.log ?? (() => {});
  const resources = options.resources ?? { gazetteer: null, clusters: null };
  const cfg: FeatureConfig = {
    bits: options.bits ?? 20,
    gazetteerLists: resources.gazetteer?.lists.length ?? 0,
    clusters: resources.clusters !== null,
    ...options.features,
  };
  const epochs = options.epochs ?? 12;
  const seed = options.seed ?? 1;
  const useStage2 = options.stage2 ?? true;
  const folds = Math.max(2, Math.min(options.folds ?? 5, documents.length));
  const fx = new FeatureExtractor(cfg, resources);
  const prepared = withoutRareFeatures(prepareDocuments(fx, documents), cfg.bits, options.minCount ?? 1);
  const extraWeight = options.extra?.weight ?? 1;
  const extraDocs = options.extra
    ? withoutRareFeatures(prepareDocuments(fx, options.extra.documents), cfg.bits, options.minCount ?? 1).map((d) => ({
        ...d,
        weight: extraWeight,
      }))
    : [];
  log(`stage 1: ${prepared.length} documents${extraDocs.length ? ` and ${extraDocs.length} extra` : ''}`);
  const gazDropout = options.gazDropout ?? 0;
  const wordDropout = options.wordDropout ?? 0;
  const stage1 = trainStage(
    fx,
    extraDocs.length ? [...prepared, ...extraDocs] : prepared,
    false,
    epochs,
    seed,
    log,
    undefined,
    gazDropout,
    wordDropout,
  );
  let stage2: Float32Array | null = null;
  if (useStage2 && documents.length >= 2) {
    // Jack-knife: first-pass labels for each document come from a model that did not see it.
    const random = rng(seed + 7919);
    const foldOf = shuffled(
      prepared.map((_, i) => i),
      random,
    );
    const fold = new Int32Array(prepared.length);
    foldOf.forEach((docIndex, k) => {
      fold[docIndex] = k % folds;
    });
    for (let f = 0; f < folds; f++) {
      log(`stage 2: first-pass fold ${f + 1}/${folds}`);
      const w = trainStage(
        fx,
        [...prepared.filter((_, i) => fold[i] !== f), ...extraDocs],
        false,
        epochs,
        seed + f + 1,
        () => {},
        undefined,
        gazDropout,
        wordDropout,
      );
      prepared.forEach((d, i) => {
        if (fold[i] !== f) return;
        const first = new Uint8Array(d.df.n);
        decodeDocument(fx, w, { df: d.df, extra: null, extraK: 0, table: 0 }, first);
        d.extra = fx.stage2Features(d.df, first);
      });
    }
    log('stage 2: training');
    stage2 = trainStage(
      fx,
      prepared,
      true,
      options.epochs2 ?? epochs,
      seed + 104729,
      log,
      undefined,
      gazDropout,
      wordDropout,
    );
  }
  return NerModel.fromFull(cfg, resources, stage1, stage2, options.provenance ?? {});
}
