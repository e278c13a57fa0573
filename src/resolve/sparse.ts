/**
 * Sparse vectors over string keys and the document frequencies that weigh them (TF-IDF with sublinear term
 * frequency, L2-normalized), for story clustering and sentence selection.
 */
export class SparseVector {
  readonly values = new Map<string, number>();
  private squared = 0;

  get norm(): number {
    return Math.sqrt(this.squared);
  }

  dot(other: SparseVector): number {
    const [small, large] = this.values.size <= other.values.size ? [this, other] : [other, this];
    let sum = 0;
    for (const [k, v] of small.values) {
      const w = large.values.get(k);
      if (w !== undefined) sum += v * w;
    }
    return sum;
  }

  cosine(other: SparseVector): number {
    const n = this.norm * other.norm;
    return n > 0 ? this.dot(other) / n : 0;
  }

  /** this += scale × other, keeping the norm up to date. */
  addScaled(other: SparseVector, scale: number): void {
    for (const [k, v] of other.values) {
      const old = this.values.get(k) ?? 0;
      const now = old + scale * v;
      this.squared += now * now - old * old;
      this.values.set(k, now);
    }
    if (this.squared < 0) this.squared = 0;
  }

  set(key: string, value: number): void {
    const old = this.values.get(key) ?? 0;
    this.squared += value * value - old * old;
    this.values.set(key, value);
  }
}

/** Document frequencies of terms, actors (keyed with a leading `#`), times (a leading `@`) and facts (a leading `!`). */
export class DocumentFrequencies {
  /** `df` and `n`: frequencies counted before (a store's), to go on from. */
  constructor(
    private readonly df = new Map<string, number>(),
    private n = 0,
  ) {}

  get documents(): number {
    return this.n;
  }

  add(f: {
    terms: Map<string, number>;
    actors: Map<string, number>;
    times?: Map<string, number>;
    facts?: Map<string, number>;
  }): void {
    this.n++;
    for (const k of f.facts?.keys() ?? []) this.df.set(`!${k}`, (this.df.get(`!${k}`) ?? 0) + 1);
    for (const k of f.times?.keys() ?? []) this.df.set(`@${k}`, (this.df.get(`@${k}`) ?? 0) + 1);
    for (const k of f.terms.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    for (const k of f.actors.keys()) this.df.set(`#${k}`, (this.df.get(`#${k}`) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency: ln((n + 1) / (df + 1)) + 1. */
  idf(key: string): number {
    return Math.log((this.n + 1) / ((this.df.get(key) ?? 0) + 1)) + 1;
  }
}

/** Counts → unit-length TF-IDF vector: (1 + ln tf) × idf. */
export function weigh(counts: Map<string, number>, idf: (key: string) => number): SparseVector {
  const v = new SparseVector();
  let sq = 0;
  const raw: [string, number][] = [];
  for (const [k, c] of counts) {
    if (c <= 0) continue;
    const w = (1 + Math.log(c)) * idf(k);
    raw.push([k, w]);
    sq += w * w;
  }
  const norm = Math.sqrt(sq);
  for (const [k, w] of raw) v.set(k, w / norm);
  return v;
}

/** The `k` keys of largest weight, ties by key. */
export function topKeys(v: SparseVector, k: number): string[] {
  return [...v.values]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([key]) => key);
}
