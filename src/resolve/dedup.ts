import { type IndexedSignature, LshIndex, type LshOptions } from './lsh.js';
import { signatureOfWords, textHashOfWords, words } from './minhash.js';

/**
 * Incremental duplicate detection at ingest: an exact duplicate (same normalized text as an article
 * already seen) is skipped; a near-duplicate (syndicated copy, light edit) is kept and linked to the
 * most similar earlier article.
 */
export interface Fingerprint {
  textHash: string;
  minhash: Uint32Array;
}

export type DedupVerdict =
  | { kind: 'exact'; of: string }
  | { kind: 'near'; of: string; similarity: number; fingerprint: Fingerprint }
  | { kind: 'new'; fingerprint: Fingerprint };

/** What is already known: fingerprints of stored articles. */
export interface KnownArticle {
  id: string;
  fingerprint: Fingerprint;
}

/** A stored article looked up for `Deduplicator.judge`. */
export interface StoredCandidate extends KnownArticle, IndexedSignature {}

export class Deduplicator {
  private readonly exact = new Map<string, string>();
  private readonly index: LshIndex;

  constructor(known: Iterable<KnownArticle> = [], options: LshOptions = {}) {
    this.index = new LshIndex(options);
    for (const k of known) this.remember(k.id, k.fingerprint);
  }

  get size(): number {
    return this.index.size;
  }

  static fingerprint(text: string): Fingerprint {
    // Split the text once for both fingerprints.
    const w = words(text);
    return { textHash: textHashOfWords(w), minhash: signatureOfWords(w) };
  }

  /** Judge a new article's text against everything seen so far (does not remember it). */
  check(text: string): DedupVerdict {
    return this.judge(Deduplicator.fingerprint(text));
  }

  /**
   * Judge a fingerprint against `stored` (stored articles looked up for it, oldest first: taken as remembered before
   * everything this detector remembers) and everything remembered. With `stored` the stored articles that share
   * the text hash or a band with it, the verdict is the one a detector seeded with every stored article gives.
   */
  judge(fingerprint: Fingerprint, stored: readonly StoredCandidate[] = []): DedupVerdict {
    const first = stored.find((c) => c.fingerprint.textHash === fingerprint.textHash);
    const same = first?.id ?? this.exact.get(fingerprint.textHash);
    if (same !== undefined) return { kind: 'exact', of: same };
    const near = this.index.query(fingerprint.minhash, stored);
    if (near) return { kind: 'near', of: near.id, similarity: near.similarity, fingerprint };
    return { kind: 'new', fingerprint };
  }

  /** A stored article as `judge` takes it (its band keys worked out once). */
  candidate(known: KnownArticle): StoredCandidate {
    return { ...known, sig: known.fingerprint.minhash, keys: this.index.bandKeys(known.fingerprint.minhash) };
  }

  /** Bands × rows of the index (a store looks candidates up by the same bands). */
  get bands(): { bands: number; rows: number } {
    return { bands: this.index.bands, rows: this.index.rows };
  }

  /** Remember an accepted article. */
  remember(id: string, fingerprint: Fingerprint): void {
    if (!this.exact.has(fingerprint.textHash)) this.exact.set(fingerprint.textHash, id);
    this.index.add(id, fingerprint.minhash);
  }
}
