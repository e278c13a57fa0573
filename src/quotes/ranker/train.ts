import { rng } from '../../model/random.js';

/**
 * Training and cross-validation of the speaker ranker: an averaged perceptron over candidate lists (one list per
 * direct statement matched to a gold quote with a source; a candidate is right when it overlaps the gold source).
 * Updates only when the best-scoring candidate is wrong and a right one exists, toward the best-scoring right one.
 */
export interface Example {
  /** Index of the article, for folds by article. */
  article: number;
  cands: Array<{ feats: string[]; ok: boolean; rule: boolean }>;
  /** What to print about the example when looking at errors (not used in training). */
  note?: { quote: string; cands: string[] };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
}

/**
 * The ranker's pick: the best-scoring candidate, unless the rules' candidate scores within `margin` of it or is
 * `sure` (then the rules' choice stands).
 */
export function pick(w: ReadonlyMap<string, number>, cands: Example['cands'], margin: number): number {
  const p = argmax(w, cands, false);
  const r = cands.findIndex((c) => c.rule);
  if (p < 0 || r < 0 || p === r) return p;
  // A `sure` rules' choice stands, as in `SpeakerModel.best`.
  if (cands[r]!.feats.includes('sure')) return r;
  const score = (k: number) => cands[k]!.feats.reduce((s, f) => s + (w.get(f) ?? 0), 0);
  return score(p) - score(r) > margin ? p : r;
}

function argmax(w: ReadonlyMap<string, number>, cands: Example['cands'], onlyOk: boolean): number {
  let best = -1;
  let top = Number.NEGATIVE_INFINITY;
  cands.forEach((c, k) => {
    if (onlyOk && !c.ok) return;
    let s = 0;
    for (const f of c.feats) s += w.get(f) ?? 0;
    if (s > top) {
      top = s;
      best = k;
    }
  });
  return best;
}

/** Averaged perceptron; returns the averaged weights (zero weights left out). */
export function train(examples: readonly Example[], opts: TrainOptions): Map<string, number> {
  const w = new Map<string, number>();
  // Sum of each weight's updates times the step they came at, for the average (Daumé's trick).
  const u = new Map<string, number>();
  const order = examples.filter((e) => e.cands.some((c) => c.ok)).map((_, k) => k);
  const usable = examples.filter((e) => e.cands.some((c) => c.ok));
  const rand = rng(opts.seed);
  let t = 1;
  const bump = (f: string, d: number): void => {
    w.set(f, (w.get(f) ?? 0) + d);
    u.set(f, (u.get(f) ?? 0) + t * d);
  };
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const ex = usable[k]!;
      const p = argmax(w, ex.cands, false);
      if (!ex.cands[p]!.ok) {
        const g = argmax(w, ex.cands, true);
        for (const f of ex.cands[g]!.feats) bump(f, 1);
        for (const f of ex.cands[p]!.feats) bump(f, -1);
      }
      t++;
    }
  }
  const avg = new Map<string, number>();
  for (const [f, x] of w) {
    const a = x - (u.get(f) ?? 0) / t;
    if (Math.abs(a) > 1e-9) avg.set(f, a);
  }
  return avg;
}

/** Accuracy of a ranker (weights) and of the rules on examples: right candidate chosen, over all examples. */
export function accuracy(
  w: ReadonlyMap<string, number>,
  examples: readonly Example[],
  margin = 0,
): { model: number; rules: number; oracle: number; changed: number } {
  let m = 0;
  let r = 0;
  let o = 0;
  let changed = 0;
  for (const ex of examples) {
    const p = pick(w, ex.cands, margin);
    if (p >= 0 && ex.cands[p]!.ok) m++;
    if (p >= 0 && !ex.cands[p]!.rule) changed++;
    if (ex.cands.some((c) => c.rule && c.ok)) r++;
    if (ex.cands.some((c) => c.ok)) o++;
  }
  const n = examples.length || 1;
  return { model: m / n, rules: r / n, oracle: o / n, changed: changed / n };
}

/** Held-out examples where the ranker and the rules disagree and one is right, or both are wrong and a candidate is right. */
export function disagreements(
  w: ReadonlyMap<string, number>,
  examples: readonly Example[],
  margin: number,
): Array<{ ex: Example; chosen: number; ruleRight: boolean }> {
  const out: Array<{ ex: Example; chosen: number; ruleRight: boolean }> = [];
  for (const ex of examples) {
    const p = pick(w, ex.cands, margin);
    const ruleRight = ex.cands.some((c) => c.rule && c.ok);
    const modelRight = p >= 0 && ex.cands[p]!.ok;
    if (modelRight !== ruleRight || (!modelRight && ex.cands.some((c) => c.ok))) out.push({ ex, chosen: p, ruleRight });
  }
  return out;
}

export interface FoldResult {
  fold: number;
  n: number;
  rules: number;
  model: number;
  oracle: number;
  /** Share of the held-out statements whose speaker the ranker changed. */
  changed: number;
}

/** K-fold cross-validation by article: per margin, the result of each fold. */
export function crossValidate(
  examples: readonly Example[],
  folds: number,
  opts: TrainOptions,
  margins: readonly number[] = [0],
): FoldResult[][] {
  const out: FoldResult[][] = margins.map(() => []);
  for (let f = 0; f < folds; f++) {
    const held = examples.filter((e) => e.article % folds === f);
    const rest = examples.filter((e) => e.article % folds !== f);
    const w = train(rest, opts);
    margins.forEach((m, k) => {
      out[k]!.push({ fold: f, n: held.length, ...accuracy(w, held, m) });
    });
  }
  return out;
}
