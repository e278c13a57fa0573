import { createHash } from 'node:crypto';

/**
 * MinHash signatures over word shingles, and a banded LSH index over them: the classic near-duplicate
 * detector (Broder 1997; Leskovec, Rajaraman & Ullman, ch. 3). A signature's agreement rate with another
 * estimates the Jaccard similarity of their shingle sets; bands of rows make likely pairs collide.
 */
export const SIGNATURE_SIZE = 128;
export const SHINGLE_WORDS = 4;

/** The words of a text, lower-cased, letters and digits only (punctuation and spacing edits don't count). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hash of the normalized text: equal for texts that differ only in case, punctuation and spacing. */
export function textHash(text: string): string {
  return textHashOfWords(words(text));
}

/** `textHash` of already split words. */
export function textHashOfWords(w: readonly string[]): string {
  return createHash('sha1').update(w.join(' ')).digest('hex');
}

/** FNV-1a over a string, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finalizer: a good 32-bit mixer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = fmix32(x + 0x9e3779b9 + i);
    seeds[i] = x;
  }
  return seeds;
})();

/** Distinct hashed word shingles of a text (texts shorter than one shingle give one shingle of all words). */
export function shingles(text: string, size = SHINGLE_WORDS): Uint32Array {
  return shinglesOfWords(words(text), size);
}

/** `shingles` of already split words (each word is hashed once, not once per shingle it is in). */
export function shinglesOfWords(w: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  return Uint32Array.from(new Set(shingleHashes(w, size)));
}

/** The hashed shingles of words in text order, repeats kept (fewer words than a shingle: one of all of them). */
function shingleHashes(w: readonly string[], size: number): Uint32Array {
  if (w.length === 0) return new Uint32Array(0);
  if (w.length < size) return Uint32Array.of(fnv1a(w.join(' ')));
  const hashes = wordHashes(w);
  const out = new Uint32Array(w.length - size + 1);
  for (let i = 0; i < out.length; i++) out[i] = shingleAt(hashes, i, size);
  return out;
}

function wordHashes(w: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(w.length);
  for (let i = 0; i < w.length; i++) hashes[i] = fnv1a(w[i]!);
  return hashes;
}

/** The hash of the shingle of `size` words from word `i`, out of the words' hashes. */
function shingleAt(hashes: Uint32Array, i: number, size: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + size; j++) h = Math.imul(h ^ hashes[j]!, 0x01000193) >>> 0;
  return fmix32(h);
}

/**
 * The MinHash signature of hashed shingles: per seed, the minimum of mix(shingle ^ seed) (repeated shingles
 * change nothing). Seeds are the outer loop so each running minimum stays in a local: 1.45x faster than
 * updating the signature array for every shingle and seed, with the same values.
 */
export function signature(hashedShingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE);
  const n = hashedShingles.length;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let k = 0; k < n; k++) {
      const h = fmix32(hashedShingles[k]! ^ seed);
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** `signature(shinglesOfWords(w))`, without collecting the shingles in a set first (the minimum is the same over repeats). */
export function signatureOfWords(w: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  return signature(shingleHashes(w, size));
}

export function minhash(text: string): Uint32Array {
  return signature(shingles(text));
}

/** Estimated Jaccard similarity: the share of signature positions that agree (`b` read from offset `at`). */
export function similarity(a: Uint32Array, b: Uint32Array, at = 0): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[at + i]) same++;
  return same / SIGNATURE_SIZE;
}
