/**
 * Lexical resources the feature extractor consults. Both are stored inside the model file as hashes,
 * so the tagger needs nothing but that file at run time.
 */

/** Phrase gazetteer: hash of the normalized token sequence → bit set of the lists holding it. */
export interface Gazetteer {
  /** List names, bit i of an entry = list i (at most 30 lists). */
  lists: string[];
  /** Longest phrase, in tokens. */
  maxLen: number;
  entries: Map<number, number>;
}

/**
 * Hierarchical word clusters (Brown-style bit paths): hash of the exact word → path encoded as
 * `(1 << length) | bits`, so prefixes of the path are cheap to take.
 */
export interface WordClusters {
  paths: Map<number, number>;
}

/** Prefix of an encoded cluster path, re-encoded the same way (so prefixes of different lengths differ). */
export function pathPrefix(path: number, len: number): number {
  const full = 31 - Math.clz32(path);
  if (full <= len) return path;
  return path >>> (full - len);
}
