import { rng } from '../../model/random.js';
import { addStems, type LineAttributes, type LineView, lineAttributes, lineFeatures } from '../line-features.js';
import type { LineModelFile } from '../line-model.js';
import { type Dump, LINE_LABELS, type LineLabel } from './dumps.js';

/** Lines the segmenter keeps as the article's headline or paragraphs. */
const PARAGRAPH_LABELS = new Set<LineLabel>(['headline', 'standfirst', 'subhead', 'body']);

/** Training the line classifier: multinomial logistic regression by SGD with L2, on lines of generated dumps. */

export interface Example {
  features: string[];
  label: number;
}

/**
 * Every line of the dumps as a training example (features of the line and its neighbours, gold label).
 * `missedEvery` (training only): every so many articles, the article before is taken not to have ended at its
 * headline, as when the segmenter misses a boundary — the lines read the two articles' stems and paragraphs as one
 * article's — so that the model learns the next headline in the context the segmenter gives it after a miss, not only
 * in the perfect one (0: never).
 */
export function examplesOf(dumps: readonly Dump[], missedEvery = 0): Example[] {
  const out: Example[] = [];
  for (const d of dumps) {
    const cache = new Map<LineView, LineAttributes>();
    const own = (l: LineView): LineAttributes => {
      let a = cache.get(l);
      if (!a) {
        a = lineAttributes(l.text);
        cache.set(l, a);
      }
      return a;
    };
    // The stems of the article so far, as the segmenter has them when its boundaries are right: the
    // headline and paragraphs (not captions, credits or chrome) of the article of the line before.
    let article = new Set<number>();
    let articleOf = -1;
    let paragraphs = 0;
    d.lines.forEach((l, i) => {
      out.push({
        features: lineFeatures(
          l,
          d.lines[i - 1] ?? null,
          d.lines[i + 1] ?? null,
          d.lines[i + 2] ?? null,
          own,
          d.lines[i - 2] ?? null,
          i > 0 ? article : null,
          i > 0 ? paragraphs : -1,
        ),
        label: LINE_LABELS.indexOf(l.label),
      });
      // A boundary taken as missed: the headline stays a paragraph of the article before.
      let missed = false;
      if (l.article !== articleOf) {
        missed = missedEvery > 0 && articleOf >= 0 && l.article % missedEvery === missedEvery - 1;
        if (!missed) {
          article = new Set();
          paragraphs = 0;
        }
        articleOf = l.article;
      }
      if (PARAGRAPH_LABELS.has(l.label)) {
        addStems(l.text, article);
        if (l.label !== 'headline' || missed) paragraphs++;
      }
    });
  }
  return out;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** Features seen fewer times than this are left out. */
  minCount: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 20, rate: 0.1, l2: 1e-6, minCount: 3, seed: 7 };

export function train(
  examples: readonly Example[],
  opts: TrainOptions,
  provenance: Record<string, unknown>,
): LineModelFile {
  const k = LINE_LABELS.length;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (c >= opts.minCount) index.set(f, index.size);
  const w = new Float64Array(index.size * k);
  const g2 = new Float64Array(index.size * k).fill(1e-8);
  const order = examples.map((_, i) => i);
  const r = rng(opts.seed);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const ei of order) {
      const e = examples[ei]!;
      const ids: number[] = [];
      for (const f of e.features) {
        const id = index.get(f);
        if (id !== undefined) ids.push(id);
      }
      scores.fill(0);
      for (const id of ids) for (let c = 0; c < k; c++) scores[c]! += w[id * k + c]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c]! - max);
        sum += scores[c]!;
      }
      for (let c = 0; c < k; c++) {
        const grad = scores[c]! / sum - (c === e.label ? 1 : 0);
        if (Math.abs(grad) < 1e-4) continue;
        for (const id of ids) {
          const at = id * k + c;
          const gr = grad + opts.l2 * w[at]!;
          g2[at]! += gr * gr;
          w[at]! -= (opts.rate * gr) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, id] of index) {
    const row = Array.from(w.subarray(id * k, id * k + k), (x) => Math.round(x * 1000) / 1000);
    if (row.some((x) => Math.abs(x) >= 0.01)) weights[f] = row;
  }
  return { format: 1, labels: [...LINE_LABELS], weights, provenance };
}

/** Per-label precision/recall of the argmax label on examples. */
export function evaluate(
  predict: (features: readonly string[]) => number[],
  examples: readonly Example[],
): { accuracy: number; perLabel: Record<string, { p: number; r: number; n: number }> } {
  const k = LINE_LABELS.length;
  const tp = new Array<number>(k).fill(0);
  const fp = new Array<number>(k).fill(0);
  const fn = new Array<number>(k).fill(0);
  let ok = 0;
  for (const e of examples) {
    const p = predict(e.features);
    let best = 0;
    for (let c = 1; c < k; c++) if (p[c]! > p[best]!) best = c;
    if (best === e.label) {
      ok++;
      tp[best]!++;
    } else {
      fp[best]!++;
      fn[e.label]!++;
    }
  }
  const perLabel: Record<string, { p: number; r: number; n: number }> = {};
  LINE_LABELS.forEach((l, c) => {
    perLabel[l] = {
      p: tp[c]! / Math.max(1, tp[c]! + fp[c]!),
      r: tp[c]! / Math.max(1, tp[c]! + fn[c]!),
      n: tp[c]! + fn[c]!,
    };
  });
  return { accuracy: ok / Math.max(1, examples.length), perLabel };
}
