/**
 * Word classes by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998), the flat
 * counterpart of Brown clustering: both maximize the likelihood of a class bigram model
 * P(w_i | w_{i-1}) = P(c_i | c_{i-1}) P(w_i | c_i) over unlabelled text. Brown merges bottom-up from one
 * class per word (O(V·C²), hours in a script for a vocabulary of 60,000); the exchange algorithm moves one
 * word at a time to the class that raises the likelihood most, so a pass costs about the number of
 * (word, neighbour class) pairs times C and a few passes converge in minutes on one core.
 *
 * The C classes then get a binary tree (Ward linkage over their left/right class-bigram distributions), so
 * every word carries a Brown-style bit path and the tagger can use prefixes of it as coarser classes.
 */

export interface ExchangeOptions {
  /** Number of classes (the sentence boundary gets one more, fixed). */
  classes?: number;
  /** Words seen fewer times are not clustered. */
  minCount?: number;
  /** At most this many words (the most frequent) are clustered. */
  maxWords?: number;
  /** Passes over the vocabulary at most (stops earlier when fewer than 0.1% of words move). */
  iterations?: number;
  log?: (m: string) => void;
}

export interface ExchangeResult {
  /** Clustered words, most frequent first. */
  words: string[];
  /** Per word: its class's bit path encoded as `(1 << length) | bits` (see `pathPrefix` in resources.ts). */
  paths: number[];
  /** Log-likelihood of the class bigram part (nats) after each pass. */
  objective: number[];
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

export function exchangeClusters(sents: readonly (readonly string[])[], options: ExchangeOptions = {}): ExchangeResult {
  const C = options.classes ?? 256;
  const minCount = options.minCount ?? 3;
  const maxWords = options.maxWords ?? 60_000;
  const maxIter = options.iterations ?? 12;
  const log = options.log ?? (() => {});

  const freq = new Map<string, number>();
  for (const s of sents) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxWords);
  // Ids: 0 = sentence boundary, 1 = every word outside the vocabulary, 2… = the vocabulary.
  const V = ranked.length + 2;
  const id = new Map<string, number>(ranked.map(([w], i) => [w, i + 2]));

  // Word bigram counts, boundary included at both ends of every sentence.
  const pairs = new Map<number, number>();
  const add = (a: number, b: number): void => {
    const key = a * V + b;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  };
  for (const s of sents) {
    let prev = 0;
    for (const w of s) {
      const cur = id.get(w) ?? 1;
      add(prev, cur);
      prev = cur;
    }
    add(prev, 0);
  }
  // Compressed rows: right neighbours of each word, and left neighbours.
  const outTot = new Float64Array(V);
  const inTot = new Float64Array(V);
  const rStart = new Int32Array(V + 1);
  const lStart = new Int32Array(V + 1);
  for (const [key, c] of pairs) {
    const a = Math.floor(key / V);
    const b = key - a * V;
    rStart[a + 1]!++;
    lStart[b + 1]!++;
    outTot[a]! += c;
    inTot[b]! += c;
  }
  for (let v = 0; v < V; v++) {
    rStart[v + 1]! += rStart[v]!;
    lStart[v + 1]! += lStart[v]!;
  }
  const rWord = new Int32Array(pairs.size);
  const rCount = new Float64Array(pairs.size);
  const lWord = new Int32Array(pairs.size);
  const lCount = new Float64Array(pairs.size);
  const rFill = rStart.slice(0, V);
  const lFill = lStart.slice(0, V);
  for (const [key, c] of pairs) {
    const a = Math.floor(key / V);
    const b = key - a * V;
    rWord[rFill[a]!] = b;
    rCount[rFill[a]!++] = c;
    lWord[lFill[b]!] = a;
    lCount[lFill[b]!++] = c;
  }
  pairs.clear();

  // Classes: 0 holds the boundary alone and never changes; the others start with the C most frequent words
  // one to a class and the rest dealt round in order of frequency.
  const K = C + 1;
  const cls = new Int32Array(V);
  for (let v = 1; v < V; v++) cls[v] = 1 + ((v - 1) % C);
  const N = new Float64Array(K * K);
  const Nl = new Float64Array(K);
  const Nr = new Float64Array(K);
  for (let a = 0; a < V; a++)
    for (let j = rStart[a]!; j < rStart[a + 1]!; j++) N[cls[a]! * K + cls[rWord[j]!]!]! += rCount[j]!;
  for (let a = 0; a < V; a++) {
    Nl[cls[a]!]! += outTot[a]!;
    Nr[cls[a]!]! += inTot[a]!;
  }
  const objective = (): number => {
    let s = 0;
    for (let i = 0; i < K * K; i++) s += xlogx(N[i]!);
    for (let c = 0; c < K; c++) s -= xlogx(Nl[c]!) + xlogx(Nr[c]!);
    return s;
  };

  const R = new Float64Array(K);
  const L = new Float64Array(K);
  const rIdx = new Int32Array(K);
  const lIdx = new Int32Array(K);
  const history: number[] = [];
  log(`exchange: ${V - 2} words, ${rWord.length} distinct bigrams, ${C} classes; start ${objective().toFixed(0)}`);
  for (let it = 0; it < maxIter; it++) {
    let moved = 0;
    for (let w = 1; w < V; w++) {
      let nr = 0;
      let nl = 0;
      let self = 0;
      for (let j = rStart[w]!; j < rStart[w + 1]!; j++) {
        const v = rWord[j]!;
        if (v === w) {
          self += rCount[j]!;
          continue;
        }
        const d = cls[v]!;
        if (R[d] === 0) rIdx[nr++] = d;
        R[d]! += rCount[j]!;
      }
      for (let j = lStart[w]!; j < lStart[w + 1]!; j++) {
        const v = lWord[j]!;
        if (v === w) continue;
        const d = cls[v]!;
        if (L[d] === 0) lIdx[nl++] = d;
        L[d]! += lCount[j]!;
      }
      const a = cls[w]!;
      const ow = outTot[w]!;
      const iw = inTot[w]!;
      const shift = (c: number, sign: number): void => {
        for (let x = 0; x < nr; x++) N[c * K + rIdx[x]!]! += sign * R[rIdx[x]!]!;
        for (let x = 0; x < nl; x++) N[lIdx[x]! * K + c]! += sign * L[lIdx[x]!]!;
        N[c * K + c]! += sign * self;
        Nl[c]! += sign * ow;
        Nr[c]! += sign * iw;
      };
      shift(a, -1);
      let best = a;
      let bestGain = -Infinity;
      for (let b = 1; b < K; b++) {
        let g = 0;
        const row = b * K;
        for (let x = 0; x < nr; x++) {
          const d = rIdx[x]!;
          if (d === b) continue;
          const n = N[row + d]!;
          g += xlogx(n + R[d]!) - xlogx(n);
        }
        for (let x = 0; x < nl; x++) {
          const d = lIdx[x]!;
          if (d === b) continue;
          const n = N[d * K + b]!;
          g += xlogx(n + L[d]!) - xlogx(n);
        }
        const nbb = N[row + b]!;
        g += xlogx(nbb + R[b]! + L[b]! + self) - xlogx(nbb);
        g -= xlogx(Nl[b]! + ow) - xlogx(Nl[b]!) + xlogx(Nr[b]! + iw) - xlogx(Nr[b]!);
        // Ties stay put, so a pass that moves nothing is a fixed point.
        if (g > bestGain + 1e-9 || (b === a && g >= bestGain - 1e-9)) {
          bestGain = g;
          best = b;
        }
      }
      shift(best, 1);
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (let x = 0; x < nr; x++) R[rIdx[x]!] = 0;
      for (let x = 0; x < nl; x++) L[lIdx[x]!] = 0;
    }
    history.push(objective());
    log(`exchange: pass ${it + 1}: ${moved} words moved, objective ${history[history.length - 1]!.toFixed(0)}`);
    if (moved < (V - 2) / 1000) break;
  }

  const paths = classPaths(N, Nl, Nr, K);
  return {
    words: ranked.map(([w]) => w),
    paths: ranked.map((_, i) => paths[cls[i + 2]!]!),
    objective: history,
  };
}

/**
 * A binary tree over classes 1…K-1 by Ward linkage: each class is the vector of square roots of its
 * right-neighbour and left-neighbour class distributions (Hellinger geometry), and the pair whose merge adds
 * the least within-cluster variance is merged first. Returns each class's root-to-leaf path, encoded
 * `(1 << length) | bits`, at most 30 bits (deeper leaves keep their first 30).
 */
function classPaths(N: Float64Array, Nl: Float64Array, Nr: Float64Array, K: number): number[] {
  const D = 2 * K;
  const m = K - 1;
  const vec: Float64Array[] = [];
  for (let c = 1; c < K; c++) {
    const v = new Float64Array(D);
    for (let d = 0; d < K; d++) {
      v[d] = Nl[c]! > 0 ? Math.sqrt(N[c * K + d]! / Nl[c]!) : 0;
      v[K + d] = Nr[c]! > 0 ? Math.sqrt(N[d * K + c]! / Nr[c]!) : 0;
    }
    vec.push(v);
  }
  // Squared distances and Lance–Williams updates for Ward linkage.
  const dist = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += (vec[i]![d]! - vec[j]![d]!) ** 2;
      dist[i * m + j] = dist[j * m + i] = s;
    }
  const size = new Float64Array(m).fill(1);
  const alive = new Uint8Array(m).fill(1);
  // Tree: node ids 0…m-1 are the classes; merges add nodes m, m+1, …
  const children: [number, number][] = [];
  const node = Array.from({ length: m }, (_, i) => i);
  for (let step = 0; step < m - 1; step++) {
    let bi = -1;
    let bj = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < m; j++) {
        if (alive[j] && dist[i * m + j]! < best) {
          best = dist[i * m + j]!;
          bi = i;
          bj = j;
        }
      }
    }
    const si = size[bi]!;
    const sj = size[bj]!;
    for (let k = 0; k < m; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const sk = size[k]!;
      const d =
        ((si + sk) * dist[bi * m + k]! + (sj + sk) * dist[bj * m + k]! - sk * dist[bi * m + bj]!) / (si + sj + sk);
      dist[bi * m + k] = dist[k * m + bi] = d;
    }
    alive[bj] = 0;
    size[bi] = si + sj;
    children.push([node[bi]!, node[bj]!]);
    node[bi] = m + step;
  }
  const paths = new Array<number>(K).fill(1);
  const visit = (n: number, path: number, depth: number): void => {
    if (n < m) {
      paths[n + 1] = path;
      return;
    }
    const [l, r] = children[n - m]!;
    const deeper = depth < 30;
    visit(l, deeper ? path << 1 : path, depth + (deeper ? 1 : 0));
    visit(r, deeper ? (path << 1) | 1 : path, depth + (deeper ? 1 : 0));
  };
  visit(m + children.length - 1, 1, 0);
  return paths;
}
