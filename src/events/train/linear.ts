import { rng } from '../../model/index.js';
import type { LinearFile } from '../model.js';

/** One training example: sparse features and the index of its label. */
export interface Example {
  features: readonly string[];
  label: number;
}

export interface LinearOptions {
  /** L2 penalty per example and step. */
  l2: number;
  epochs: number;
  /** Adagrad step size. */
  rate: number;
}

export const DEFAULT_LINEAR: LinearOptions = { l2: 1e-3, epochs: 30, rate: 0.5 };

/**
 * Multinomial logistic regression by Adagrad with L2, deterministic (fixed example order per epoch from a seed).
 * Weights below 1e-3 in absolute value are left out of the file; the rest are rounded to four decimals.
 */
export function trainLinear(examples: readonly Example[], labels: readonly string[], o: LinearOptions): LinearFile {
  const k = labels.length;
  const w = new Map<string, Float64Array>();
  const g2 = new Map<string, Float64Array>();
  const row = (x: string, m: Map<string, Float64Array>) => {
    let r = m.get(x);
    if (!r) m.set(x, (r = new Float64Array(k)));
    return r;
  };
  const order = examples.map((_, i) => i);
  const rnd = rng(20261207);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const e = examples[at]!;
      p.fill(0);
      for (const x of e.features) {
        const r = w.get(x);
        if (r) for (let c = 0; c < k; c++) p[c]! += r[c]!;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) if (p[c]! > max) max = p[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        p[c] = Math.exp(p[c]! - max);
        sum += p[c]!;
      }
      for (let c = 0; c < k; c++) p[c] = p[c]! / sum;
      for (const x of e.features) {
        const r = row(x, w);
        const acc = row(x, g2);
        for (let c = 0; c < k; c++) {
          const grad = p[c]! - (c === e.label ? 1 : 0) + o.l2 * r[c]!;
          acc[c]! += grad * grad;
          r[c]! -= (o.rate * grad) / Math.sqrt(acc[c]! + 1e-8);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const x of [...w.keys()].sort()) {
    const r = w.get(x)!;
    if (r.every((v) => Math.abs(v) < 1e-3)) continue;
    weights[x] = [...r].map((v) => Math.round(v * 1e4) / 1e4);
  }
  return { labels: [...labels], weights };
}
