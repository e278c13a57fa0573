import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The learned line classifier: multinomial logistic regression over sparse binary features
 * (`line-features.ts`), trained by `npm run train:lines` and committed as `models/lines.json`.
 */

export interface LineModelFile {
  format: 1;
  labels: string[];
  /** Feature → one weight per label. */
  weights: Record<string, number[]>;
  provenance: Record<string, unknown>;
  /** The segmenter's cut thresholds chosen for this model (by cross-validation, `npm run train:lines`). */
  cut?: LineCut;
}

/** Headline probabilities at which the segmenter cuts: any line, a line the headline rule also takes, provisionally. */
export interface LineCut {
  headlineMin: number;
  ruleBackedMin: number;
  /** A line at this probability (under `headlineMin`) is a headline only if a likelier one follows right under it. */
  candidateMin?: number;
}

export class LineModel {
  readonly labels: readonly string[];
  /** Feature → offset of its row in `table`. */
  private readonly rows: Map<string, number>;
  private readonly table: Float64Array;
  /** Scratch sums of one line's scores (one array for all calls). */
  private readonly sums: Float64Array;
  readonly provenance: Record<string, unknown>;
  readonly cut: LineCut | null;

  constructor(file: LineModelFile) {
    if (file.format !== 1 || !Array.isArray(file.labels)) throw new Error('line model: unknown format');
    this.labels = file.labels;
    const k = file.labels.length;
    const entries = Object.entries(file.weights);
    this.rows = new Map();
    this.table = new Float64Array(entries.length * k);
    entries.forEach(([f, w], i) => {
      this.rows.set(f, i * k);
      for (let c = 0; c < k; c++) this.table[i * k + c] = w[c] ?? 0;
    });
    this.provenance = file.provenance;
    this.cut = file.cut ?? null;
    this.sums = new Float64Array(k);
  }

  /** Probability of each label (in `labels` order) for a line's features. */
  probabilities(features: readonly string[]): number[] {
    const k = this.labels.length;
    const sums = this.sums;
    sums.fill(0);
    const table = this.table;
    const rows = this.rows;
    for (let j = 0; j < features.length; j++) {
      const at = rows.get(features[j]!);
      if (at === undefined) continue;
      for (let i = 0; i < k; i++) sums[i]! += table[at + i]!;
    }
    const scores = new Array<number>(k);
    for (let i = 0; i < k; i++) scores[i] = sums[i]!;
    let max = Number.NEGATIVE_INFINITY;
    for (const s of scores) if (s > max) max = s;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      scores[i] = Math.exp(scores[i]! - max);
      sum += scores[i]!;
    }
    for (let i = 0; i < k; i++) scores[i] = scores[i]! / sum;
    return scores;
  }

  /** The index of a label in `labels` (-1 when the model does not know it). */
  indexOf(label: string): number {
    return this.labels.indexOf(label);
  }

  /** The probability of one label (0 for a label the model does not know). */
  probability(probs: readonly number[], label: string): number {
    const i = this.labels.indexOf(label);
    return i < 0 ? 0 : (probs[i] ?? 0);
  }
}

export const LINE_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/lines.json');

let cached: LineModel | null | undefined;

/** The committed model, loaded once; null when the file is missing (the segmenter then uses its rules alone). */
export function lineModel(): LineModel | null {
  if (cached !== undefined) return cached;
  cached = existsSync(LINE_MODEL_PATH)
    ? new LineModel(JSON.parse(readFileSync(LINE_MODEL_PATH, 'utf8')) as LineModelFile)
    : null;
  return cached;
}
