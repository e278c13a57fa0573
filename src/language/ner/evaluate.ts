import { iobSpans, ENTITY_TYPES } from './labels.js';

/** conlleval-style entity scores: a predicted entity counts only with exact span and type. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface Evaluation extends Scores {
  tokens: number;
  tokenAccuracy: number;
  perType: Record<string, Scores>;
}

function scores(correct: number, predicted: number, gold: number): Scores {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    gold,
    predicted,
    correct,
  };
}

/** Score predicted IOB tag sequences (one per sentence) against gold ones. */
export function evaluateTags(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): Evaluation {
  if (gold.length !== predicted.length) throw new Error('gold and predicted sentence counts differ');
  const types = new Set<string>(ENTITY_TYPES);
  const c = new Map<string, [number, number, number]>(); // correct, predicted, gold
  const bump = (type: string, k: 0 | 1 | 2): void => {
    types.add(type);
    const v = c.get(type) ?? [0, 0, 0];
    v[k]++;
    c.set(type, v);
  };
  let tokens = 0;
  let tokenCorrect = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = predicted[s]!;
    if (g.length !== p.length) throw new Error(`sentence ${s}: gold and predicted lengths differ`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) tokenCorrect++;
    const gs = iobSpans(g);
    const ps = iobSpans(p);
    const key = (x: { start: number; end: number; type: string }): string => `${x.start}:${x.end}:${x.type}`;
    const goldKeys = new Set(gs.map(key));
    for (const x of gs) bump(x.type, 2);
    for (const x of ps) {
      bump(x.type, 1);
      if (goldKeys.has(key(x))) bump(x.type, 0);
    }
  }
  let tc = 0;
  let tp = 0;
  let tg = 0;
  const perType: Record<string, Scores> = {};
  for (const t of types) {
    const [cc, pp, gg] = c.get(t) ?? [0, 0, 0];
    tc += cc;
    tp += pp;
    tg += gg;
    perType[t] = scores(cc, pp, gg);
  }
  return { ...scores(tc, tp, tg), tokens, tokenAccuracy: tokens ? tokenCorrect / tokens : 0, perType };
}

/**
 * Strict entity F1 over the entities (gold and predicted) whose text passes `keep`: e.g. those never seen as an
 * entity in the training data, a proxy for names a model has not seen.
 */
export function entityF1Where(
  sentences: readonly (readonly string[])[],
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  keep: (text: string) => boolean,
): Scores {
  let correct = 0;
  let nPred = 0;
  let nGold = 0;
  sentences.forEach((tokens, s) => {
    const text = (x: { start: number; end: number }): string => tokens.slice(x.start, x.end).join(' ');
    const gs = iobSpans(gold[s]!).filter((x) => keep(text(x)));
    const ps = iobSpans(predicted[s]!).filter((x) => keep(text(x)));
    const keys = new Set(gs.map((x) => `${x.start}:${x.end}:${x.type}`));
    nGold += gs.length;
    nPred += ps.length;
    for (const x of ps) if (keys.has(`${x.start}:${x.end}:${x.type}`)) correct++;
  });
  return scores(correct, nPred, nGold);
}
