import { NUM_LABELS, allowedAfter, allowedAtEnd } from './labels.js';
import { HISTORY_TEMPLATES, type DocFeatures, type FeatureExtractor } from './features.js';

/**
 * First-order linear-chain tagger over BILOU labels, decoded exactly with Viterbi under the BILOU
 * constraints, trained as an averaged structured perceptron (Collins 2002). Scores are sums of weight
 * rows (one row of NUM_LABELS weights per hashed feature); label-dependent features pair the previous
 * label with the current word and shape.
 */

export interface StageInput {
  df: DocFeatures;
  /** Extra label-independent rows per token (stage-2 features), `extraK` per token. */
  extra: Int32Array | null;
  extraK: number;
  /** Which of the model's tables `w` is (for the pre-summed word-only scores of inference mode). */
  table: number;
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
      const r = rows[j]!;
      if (r < 0) continue;
      w[r + label]! += delta;
      u[r + label]! += cd;
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

const L = NUM_LABELS;
const P = L + 1; // previous-label states: 0 = sentence start, p + 1 = label p
/** ALLOWED[ps * L + l]: label l may follow state ps. */
const ALLOWED = new Uint8Array(P * L);
for (let ps = 0; ps < P; ps++) for (let l = 0; l < L; l++) ALLOWED[ps * L + l] = allowedAfter(ps - 1, l) ? 1 : 0;
/** NEXTS[ps]: labels allowed after previous-label state ps. */
const NEXTS: Uint8Array[] = Array.from({ length: P }, (_, ps) =>
  Uint8Array.from({ length: L }, (_, l) => l).filter((l) => ALLOWED[ps * L + l]),
);
const AT_END = Uint8Array.from({ length: L }, (_, l) => (allowedAtEnd(l) ? 1 : 0));
/** SET_OF[ps]: which distinct label set NEXTS[ps] is (states after which the same labels may follow). */
const SET_OF = new Uint8Array(P);
{
  const keys: string[] = [];
  for (let ps = 0; ps < P; ps++) {
    const key = NEXTS[ps]!.join(',');
    if (!keys.includes(key)) keys.push(key);
    SET_OF[ps] = keys.indexOf(key);
  }
}
const NUM_SETS = Math.max(...SET_OF) + 1;

class Scratch {
  emit = new Float64Array(0);
  delta = new Float64Array(0);
  back = new Uint8Array(0);
  trans = new Float64Array(P * L);
  transRows = new Int32Array(P);
  best = new Float64Array(L);
  transMax = new Float64Array(P);
  setMin = new Float64Array(NUM_SETS);
  setDirty = new Uint8Array(NUM_SETS);
  ensure(m: number): void {
    if (this.emit.length >= m * L) return;
    const n = Math.max(m, 64) * 2;
    this.emit = new Float64Array(n * L);
    this.delta = new Float64Array(n * L);
    this.back = new Uint8Array(n * L);
  }
}
const scratch = new Scratch();

if (L !== 17) throw new Error(`addRows is unrolled for 17 BILOU labels, not ${L}`);

/**
 * scores[at + l] += w[r + l] for every row r in rows[from, to) (-1 = no weights), for the 17 BILOU labels, with
 * one local accumulator per label: V8 keeps them in registers instead of loading and storing `scores` for every
 * row, which made emission scoring 2-3x faster than a loop over labels. Each label's rows are added in order,
 * so the sums are bit-for-bit those of that loop.
 */
function addRows(
  w: Float32Array,
  rows: ArrayLike<number>,
  from: number,
  to: number,
  scores: Float64Array,
  at: number,
): void {
  let s0 = scores[at]!,
    s1 = scores[at + 1]!,
    s2 = scores[at + 2]!,
    s3 = scores[at + 3]!,
    s4 = scores[at + 4]!,
    s5 = scores[at + 5]!;
  let s6 = scores[at + 6]!,
    s7 = scores[at + 7]!,
    s8 = scores[at + 8]!,
    s9 = scores[at + 9]!,
    s10 = scores[at + 10]!,
    s11 = scores[at + 11]!;
  let s12 = scores[at + 12]!,
    s13 = scores[at + 13]!,
    s14 = scores[at + 14]!,
    s15 = scores[at + 15]!,
    s16 = scores[at + 16]!;
  for (let j = from; j < to; j++) {
    const r = rows[j]!;
    if (r < 0) continue;
    s0 += w[r]!;
    s1 += w[r + 1]!;
    s2 += w[r + 2]!;
    s3 += w[r + 3]!;
    s4 += w[r + 4]!;
    s5 += w[r + 5]!;
    s6 += w[r + 6]!;
    s7 += w[r + 7]!;
    s8 += w[r + 8]!;
    s9 += w[r + 9]!;
    s10 += w[r + 10]!;
    s11 += w[r + 11]!;
    s12 += w[r + 12]!;
    s13 += w[r + 13]!;
    s14 += w[r + 14]!;
    s15 += w[r + 15]!;
    s16 += w[r + 16]!;
  }
  scores[at] = s0;
  scores[at + 1] = s1;
  scores[at + 2] = s2;
  scores[at + 3] = s3;
  scores[at + 4] = s4;
  scores[at + 5] = s5;
  scores[at + 6] = s6;
  scores[at + 7] = s7;
  scores[at + 8] = s8;
  scores[at + 9] = s9;
  scores[at + 10] = s10;
  scores[at + 11] = s11;
  scores[at + 12] = s12;
  scores[at + 13] = s13;
  scores[at + 14] = s14;
  scores[at + 15] = s15;
  scores[at + 16] = s16;
}

/** The lowest best score so far among `labels`. */
function weakest(labels: Uint8Array, bestAt: Float64Array): number {
  let lo = Infinity;
  for (let j = 0; j < labels.length; j++) lo = Math.min(lo, bestAt[labels[j]!]!);
  return lo;
}

/**
 * Score every label allowed after previous-label state `ps` (score so far `prevScore`) at one token, keeping
 * the best per label. Ties go to the lowest state, as if the states were tried in order.
 */
function relax(
  w: Float32Array,
  trans: Float64Array,
  hr: Int32Array,
  ps: number,
  prevScore: number,
  bestAt: Float64Array,
  back: Uint8Array,
  base: number,
): void {
  const r1 = hr[ps * HISTORY_TEMPLATES]!;
  const r2 = hr[ps * HISTORY_TEMPLATES + 1]!;
  const next = NEXTS[ps]!;
  const to = ps * L;
  for (let j = 0; j < next.length; j++) {
    const l = next[j]!;
    let sc = prevScore + trans[to + l]!;
    if (r1 >= 0) sc += w[r1 + l]!;
    if (r2 >= 0) sc += w[r2 + l]!;
    const b = bestAt[l]!;
    if (sc > b || (sc === b && ps < back[base + l]!)) {
      bestAt[l] = sc;
      back[base + l] = ps;
    }
  }
}

/** Viterbi over tokens [from, to) of the document; writes label ids into `out`. */
function viterbi(
  fx: FeatureExtractor,
  w: Float32Array,
  input: StageInput,
  from: number,
  to: number,
  out: Uint8Array,
): void {
  const { df, extra, extraK } = input;
  const m = to - from;
  const k = df.k;
  const s = scratch;
  s.ensure(m);
  const { emit, delta, back, trans, transRows } = s;
  for (let ps = 0; ps < P; ps++) transRows[ps] = fx.transitionRow(ps - 1);
  trans.fill(0);
  for (let ps = 0; ps < P; ps++) addRows(w, transRows, ps, ps + 1, trans, ps * L);
  emit.fill(0, 0, m * L);
  if (df.ownSums) {
    const to = input.table * L;
    for (let t = 0; t < m; t++) {
      const own = df.ownSums[from + t]!;
      for (let l = 0; l < L; l++) emit[t * L + l] = own[to + l]!;
    }
  }
  const H = HISTORY_TEMPLATES;
  for (let t = 0; t < m; t++) {
    const i = from + t;
    addRows(w, df.feats, i * k, (i + 1) * k, emit, t * L);
    if (extra) addRows(w, extra, i * extraK, (i + 1) * extraK, emit, t * L);
  }
  const bestAt = s.best;
  const { transMax, setMin, setDirty } = s;
  for (let ps = 0; ps < P; ps++) {
    let mx = -Infinity;
    for (const l of NEXTS[ps]!) mx = Math.max(mx, trans[ps * L + l]!);
    transMax[ps] = mx;
  }
  const bounds = df.ownSums && df.boundsAt >= 0 ? df.ownSums : null;
  const bt = df.boundsAt + input.table * H;
  for (let t = 0; t < m; t++) {
    const i = from + t;
    const base = t * L;
    const hr = df.hist[i]!;
    bestAt.fill(-Infinity);
    if (t === 0) relax(w, trans, hr, 0, 0, bestAt, back, base);
    else {
      // The best previous label is tried first. Each other one is tried only if an upper bound of its scores
      // (previous score + its largest transition + the token's history-weight bounds, added in the order
      // `relax` adds the real weights) reaches the weakest of the labels it could still improve. Exact.
      const prev = base - L - 1;
      let top = 1;
      for (let ps = 2; ps < P; ps++) if (delta[prev + ps]! > delta[prev + top]!) top = ps;
      relax(w, trans, hr, top, delta[prev + top]!, bestAt, back, base);
      setDirty.fill(1);
      const hm = bounds ? bounds[i]! : null;
      for (let ps = 1; ps < P; ps++) {
        const prevScore = delta[prev + ps]!;
        if (ps === top || prevScore === -Infinity) continue;
        if (hm) {
          const set = SET_OF[ps]!;
          if (setDirty[set]) {
            setMin[set] = weakest(NEXTS[ps]!, bestAt);
            setDirty[set] = 0;
          }
          if (prevScore + transMax[ps]! + hm[bt]! + hm[bt + 1]! < setMin[set]!) continue;
          setDirty[set] = 1;
        }
        relax(w, trans, hr, ps, prevScore, bestAt, back, base);
      }
    }
    for (let l = 0; l < L; l++) delta[base + l] = bestAt[l] === -Infinity ? -Infinity : bestAt[l]! + emit[base + l]!;
  }
  let best = -Infinity;
  let arg = 0;
  const lastBase = (m - 1) * L;
  for (let l = 0; l < L; l++) {
    if (AT_END[l] && delta[lastBase + l]! > best) {
      best = delta[lastBase + l]!;
      arg = l;
    }
  }
  for (let t = m - 1; t >= 0; t--) {
    out[from + t] = arg;
    arg = back[t * L + arg]! - 1;
  }
}

/**
 * Tag one document with weights `w`, writing BILOU ids into `out`. With `trainer` and `gold`, performs a
 * structured-perceptron update after each sentence whose best path differs from the gold one (of size `rate`:
 * less than 1 for down-weighted training text); returns the number of wrongly labelled tokens.
 */
export function decodeDocument(
  fx: FeatureExtractor,
  w: Float32Array,
  input: StageInput,
  out: Uint8Array,
  trainer?: PerceptronTrainer,
  gold?: Uint8Array,
  rate = 1,
): number {
  const { df, extra, extraK } = input;
  const k = df.k;
  let errors = 0;
  const hist = new Int32Array(HISTORY_TEMPLATES);
  const one = new Int32Array(1);
  for (let s = 0; s + 1 < df.bounds.length; s++) {
    const from = df.bounds[s]!;
    const to = df.bounds[s + 1]!;
    if (to === from) continue;
    viterbi(fx, w, input, from, to, out);
    if (!trainer || !gold) continue;
    for (let i = from; i < to; i++) {
      const g = gold[i]!;
      const p = out[i]!;
      const gPrev = i > from ? gold[i - 1]! : -1;
      const pPrev = i > from ? out[i - 1]! : -1;
      if (g !== p) {
        errors++;
        trainer.update(df.feats, i * k, (i + 1) * k, g, rate);
        trainer.update(df.feats, i * k, (i + 1) * k, p, -rate);
        if (extra) {
          trainer.update(extra, i * extraK, (i + 1) * extraK, g, rate);
          trainer.update(extra, i * extraK, (i + 1) * extraK, p, -rate);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        fx.historyRows(df, i, gPrev, hist, 0);
        trainer.update(hist, 0, HISTORY_TEMPLATES, g, rate);
        one[0] = fx.transitionRow(gPrev);
        trainer.update(one, 0, 1, g, rate);
        fx.historyRows(df, i, pPrev, hist, 0);
        trainer.update(hist, 0, HISTORY_TEMPLATES, p, -rate);
        one[0] = fx.transitionRow(pPrev);
        trainer.update(one, 0, 1, p, -rate);
      }
    }
    trainer.tick();
  }
  return errors;
}
