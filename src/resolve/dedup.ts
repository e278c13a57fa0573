import { LshIndex, type LshOptions } from './lsh.js';
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
    const fingerprint = Deduplicator.fingerprint(text);
    const same = this.exact.get(fingerprint.textHash);
    if (same !== undefined) return { kind: 'exact', of: same };
    const near = this.index.query(fingerprint.minhash);
    if (near) return { kind: 'near', of: near.id, similarity: near.similarity, fingerprint };
    return { kind: 'new', fingerprint };
  }

  /** Remember an accepted article. */
  remember(id: string, fingerprint: Fingerprint): void {
    if (!this.exact.has(fingerprint.textHash)) this.exact.set(fingerprint.textHash, id);
    this.index.add(id, fingerprint.minhash);
  }
}
