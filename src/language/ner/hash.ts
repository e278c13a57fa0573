/**
 * 32-bit integer hashing used for feature ids, gazetteer phrases and word-cluster keys.
 * Feature strings are never built at run time: every feature is an integer mix of a template id
 * and one or more value hashes, so extracting features costs a few multiplications per token.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, seed = 0): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Combine a running hash with another 32-bit value (murmur3 finalizer on the xor-multiply). */
export function mix(h: number, v: number): number {
  let x = Math.imul(h ^ Math.imul(v, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of a token sequence as a phrase: order-sensitive combination of per-token hashes. */
export function extendPhrase(phraseHash: number, tokenHash: number): number {
  return mix(Math.imul(phraseHash, 31) ^ 0x5bd1e995, tokenHash);
}

/** The empty phrase. */
export const PHRASE_SEED = 0x2545f491;
