import { NUM_LABELS, allowedAfter } from './labels.js';
import { HISTORY_TEMPLATES, type DocFeatures, type FeatureExtractor } from './features.js';

/**
 * Greedy left-to-right linear tagger over BILOU labels with label-history features. Scores are sums of
 * weight rows (one row of NUM_LABELS weights per hashed feature). Training is the averaged perceptron
 * (Collins 2002) with the prediction — not the gold label — as history, so the model learns to recover
 * from its own mistakes.
 */

export interface StageInput {
  df: DocFeatures;
  /** Extra label-independent rows per token (stage-2 features), `extraK` per token. */
  extra: Int32Array | null;
  extraK: number;
}

/** Averaged-perceptron state for one weight table. */
export class PerceptronTrainer {
  readonly w: Float32Array;
  private readonly u: Float64Array;
  private c = 1;

  constructor(rows: number) {
    this.w = new Float32Array(rows * NUM_LABELS);
    this.u = new Float64Array(rows * NUM_LABELS);
  }

  tick(): void {
    this.c++;
  }

  update(rows: ArrayLike<number>, from: number, to: number, label: number, delta: number): void {
    const w = this.w;
    const u = this.u;
    const cd = this.c * delta;
    for (let j = from; j < to; j++) {
      const r = rows[j]! + label;
      w[r]! += delta;
      u[r]! += cd;
    }
  }

  /** Averaged weights (a new array). */
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    const c = this.c;
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / c;
    return out;
  }
}

const scratchScores = new Float64Array(NUM_LABELS);
const scratchHist = new Int32Array(HISTORY_TEMPLATES);

function addRows(w: Float32Array, rows: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
  for (let j = from; j < to; j++) {
    const r = rows[j]!;
    for (let l = 0; l < NUM_LABELS; l++) scores[l]! += w[r + l]!;
  }
}

/**
 * Tag one document with weights `w`, writing BILOU ids into `out`. With `trainer` and `gold`, performs
 * perceptron updates as it goes (unconstrained decoding); without, decoding obeys BILOU constraints.
 */
export function decodeDocument(
  fx: FeatureExtractor,
  w: Float32Array,
  input: StageInput,
  out: Uint8Array,
  trainer?: PerceptronTrainer,
  gold?: Uint8Array,
): number {
  const { df, extra, extraK } = input;
  const k = df.k;
  const feats = df.feats;
  const scores = scratchScores;
  const hist = scratchHist;
  let errors = 0;
  for (let s = 0; s + 1 < df.bounds.length; s++) {
    const from = df.bounds[s]!;
    const to = df.bounds[s + 1]!;
    let p1 = -1;
    let p2 = -1;
    for (let i = from; i < to; i++) {
      scores.fill(0);
      addRows(w, feats, i * k, (i + 1) * k, scores);
      if (extra) addRows(w, extra, i * extraK, (i + 1) * extraK, scores);
      fx.historyFeatures(df, i, p1, p2, hist);
      addRows(w, hist, 0, HISTORY_TEMPLATES, scores);
      let best = -1;
      let bestScore = -Infinity;
      for (let l = 0; l < NUM_LABELS; l++) {
        if (!trainer && !allowedAfter(p1, l)) continue;
        if (scores[l]! > bestScore) {
          bestScore = scores[l]!;
          best = l;
        }
      }
      if (trainer && gold) {
        const g = gold[i]!;
        if (best !== g) {
          errors++;
          trainer.update(feats, i * k, (i + 1) * k, g, 1);
          trainer.update(feats, i * k, (i + 1) * k, best, -1);
          if (extra) {
            trainer.update(extra, i * extraK, (i + 1) * extraK, g, 1);
            trainer.update(extra, i * extraK, (i + 1) * extraK, best, -1);
          }
          trainer.update(hist, 0, HISTORY_TEMPLATES, g, 1);
          trainer.update(hist, 0, HISTORY_TEMPLATES, best, -1);
        }
        trainer.tick();
      }
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
  }
  return errors;
}
