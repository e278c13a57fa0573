import { fmix32, similarity, SIGNATURE_SIZE } from './minhash.js';

/**
 * A banded LSH index over MinHash signatures (Leskovec, Rajaraman & Ullman, ch. 3): signatures that agree on
 * all rows of some band share that band's bucket, so likely near-duplicates are found without comparing
 * every pair. It lives for a whole ingest and holds every article seen, so it is packed: signatures in chunks
 * of one typed array each, buckets in an open-addressing table with linked entries (~1.4 KB an article
 * instead of the ~3.8 KB a Map of arrays costs).
 */
export interface LshOptions {
  /** Bands × rows must be ≤ SIGNATURE_SIZE. 32 × 4 makes pairs near Jaccard 0.42 collide half the time. */
  bands?: number;
  rows?: number;
  /** Least estimated Jaccard similarity for a near-duplicate. */
  threshold?: number;
}

/** A signature outside the index, with its band keys (`LshIndex.bandKeys`). */
export interface IndexedSignature {
  id: string;
  sig: Uint32Array;
  keys: readonly number[];
}

export interface NearDuplicate {
  id: string;
  similarity: number;
}

/**
 * Band key → the articles that have it, in the order added. Entries are numbered as added; each article adds
 * exactly `perArticle` of them in a row, so an entry's article is its number divided by that.
 */
class BandTable {
  private keys = new Uint32Array(1 << 12);
  /** First and last entry of each slot's chain; -1 = empty slot. */
  private first = new Int32Array(1 << 12).fill(-1);
  private last = new Int32Array(1 << 12);
  private used = 0;
  /** Entry e: the next entry with the same key (-1 = none). */
  private next = new Int32Array(1 << 12);
  private entries = 0;

  constructor(private readonly perArticle: number) {}

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Keys are already well-mixed hashes: their low bits index the table; linear probing.
    let s = key & mask;
    while (this.first[s] !== -1 && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }

  /** Add the next entry (the next band of the article being added). */
  add(key: number): void {
    if (this.entries === this.next.length) this.next = grow(this.next, this.next.length * 2);
    const e = this.entries++;
    this.next[e] = -1;
    const s = this.slot(key);
    if (this.first[s] === -1) {
      this.keys[s] = key;
      this.first[s] = e;
      this.last[s] = e;
      // Keep the table at most 70% full, so probes stay short.
      if (++this.used * 10 > this.keys.length * 7) this.rehash();
    } else {
      this.next[this.last[s]!] = e;
      this.last[s] = e;
    }
  }

  /** Calls `visit` with each article under `key`, in the order added. */
  forEach(key: number, visit: (article: number) => void): void {
    const s = this.slot(key);
    for (let e = this.first[s]!; e !== -1; e = this.next[e]!) visit(Math.floor(e / this.perArticle));
  }

  private rehash(): void {
    const { keys, first, last } = this;
    const size = keys.length * 2;
    this.keys = new Uint32Array(size);
    this.first = new Int32Array(size).fill(-1);
    this.last = new Int32Array(size);
    for (let s = 0; s < keys.length; s++) {
      if (first[s] === -1) continue;
      const t = this.slot(keys[s]!);
      this.keys[t] = keys[s]!;
      this.first[t] = first[s]!;
      this.last[t] = last[s]!;
    }
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Signatures per chunk of the signature store (2^10: 512 KB). */
const CHUNK_BITS = 10;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/** An incremental LSH index: add signatures one by one, query for the most similar earlier one. */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  readonly threshold: number;
  private readonly buckets: BandTable;
  private readonly ids: string[] = [];
  /** Signature i is chunks[i >> CHUNK_BITS] from (i & CHUNK_MASK) × SIGNATURE_SIZE: no copying, little slack. */
  private readonly chunks: Uint32Array[] = [];

  constructor(options: LshOptions = {}) {
    this.bands = options.bands ?? 32;
    this.rows = options.rows ?? 4;
    this.threshold = options.threshold ?? 0.5;
    if (this.bands * this.rows > SIGNATURE_SIZE) throw new Error('bands × rows exceeds the signature size');
    this.buckets = new BandTable(this.bands);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The key of each band of `sig` (band b: rows b × rows … b × rows + rows - 1, hashed). */
  bandKeys(sig: Uint32Array): number[] {
    const keys: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      let h = fmix32(b + 1);
      for (let r = 0; r < this.rows; r++) h = fmix32(h ^ sig[b * this.rows + r]!);
      keys.push(h);
    }
    return keys;
  }

  /** Estimated Jaccard similarity of `sig` and indexed signature `idx`. */
  private similarityTo(sig: Uint32Array, idx: number): number {
    return similarity(sig, this.chunks[idx >> CHUNK_BITS]!, (idx & CHUNK_MASK) * SIGNATURE_SIZE);
  }

  /**
   * The most similar indexed signature at or above the threshold, if any (of equals, the first met: band by band,
   * each band's articles in the order added). `before`: signatures to take as added before every indexed one, in
   * their order (a store's articles looked up for this query, `keys` their `bandKeys`), so that the answer is the
   * one an index holding them first would give.
   */
  query(sig: Uint32Array, before: readonly IndexedSignature[] = []): NearDuplicate | null {
    const seen = new Set<number>();
    const seenBefore = new Set<number>();
    let best: NearDuplicate | null = null;
    const keys = this.bandKeys(sig);
    for (let b = 0; b < keys.length; b++) {
      const key = keys[b]!;
      for (let i = 0; i < before.length; i++) {
        const c = before[i]!;
        if (c.keys[b] !== key || seenBefore.has(i)) continue;
        seenBefore.add(i);
        const s = similarity(sig, c.sig);
        if (s >= this.threshold && (!best || s > best.similarity)) best = { id: c.id, similarity: s };
      }
      this.buckets.forEach(key, (idx) => {
        if (seen.has(idx)) return;
        seen.add(idx);
        const s = this.similarityTo(sig, idx);
        if (s >= this.threshold && (!best || s > best.similarity)) best = { id: this.ids[idx]!, similarity: s };
      });
    }
    return best;
  }

  add(id: string, sig: Uint32Array): void {
    const idx = this.ids.length;
    this.ids.push(id);
    if ((idx & CHUNK_MASK) === 0) this.chunks.push(new Uint32Array(SIGNATURE_SIZE << CHUNK_BITS));
    this.chunks[idx >> CHUNK_BITS]!.set(sig.subarray(0, SIGNATURE_SIZE), (idx & CHUNK_MASK) * SIGNATURE_SIZE);
    for (const key of this.bandKeys(sig)) this.buckets.add(key);
  }
}
