/**
 * L2-regularized logistic regression over sparse binary features, fitted by full-batch AdaGrad: small enough to read,
 * deterministic (no shuffling, zero start), and ample for a few hundred examples and a few hundred features.
 */
export interface Example {
  features: readonly string[];
  label: 0 | 1;
  /** How much the example counts (default 1). */
  weight?: number;
}

export interface LogisticOptions {
  /** L2 penalty per unit of total example weight. */
  l2: number;
  epochs?: number;
  rate?: number;
}

export function trainLogistic(examples: readonly Example[], options: LogisticOptions): Record<string, number> {
  const { l2, epochs = 300, rate = 0.5 } = options;
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const total = examples.reduce((n, e) => n + (e.weight ?? 1), 0) || 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Map<string, number>();
    for (const e of examples) {
      const p = probability(w, e.features);
      const d = ((e.weight ?? 1) * (p - e.label)) / total;
      for (const f of e.features) grad.set(f, (grad.get(f) ?? 0) + d);
    }
    for (const [f, gData] of grad) {
      const wf = w.get(f) ?? 0;
      const g = gData + (f === 'bias' ? 0 : l2 * wf);
      const acc = (g2.get(f) ?? 0) + g * g;
      g2.set(f, acc);
      w.set(f, wf - (rate * g) / Math.sqrt(acc + 1e-12));
    }
  }
  return Object.fromEntries(w);
}

function probability(w: ReadonlyMap<string, number> | Record<string, number>, features: readonly string[]): number {
  let z = 0;
  if (w instanceof Map) for (const f of features) z += w.get(f) ?? 0;
  else for (const f of features) z += (w as Record<string, number>)[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export function predict(weights: Record<string, number>, features: readonly string[]): number {
  return probability(weights, features);
}
