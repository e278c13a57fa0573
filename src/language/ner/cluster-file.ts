import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { hashString } from './hash.js';
import { normalizeWord } from './shape.js';
import type { WordClusters } from './resources.js';

/**
 * The committed word-cluster file (`models/word-clusters.tsv.gz`, written by `npm run train:clusters`):
 * one word a line, most frequent first, `bits<TAB>word` as in Brown-clustering output (without its count
 * column: the file is a vocabulary with classes, nothing else of the text it came from).
 */

export interface ClusterEntry {
  word: string;
  /** Encoded path `(1 << length) | bits` (see `pathPrefix`). */
  path: number;
}

export function pathBits(path: number): string {
  const len = 31 - Math.clz32(path);
  return len > 0 ? (path & ((1 << len) - 1)).toString(2).padStart(len, '0') : '';
}

export function bitsPath(bits: string): number {
  return bits.length ? (1 << bits.length) | Number.parseInt(bits, 2) : 1;
}

export function writeClusterFile(entries: readonly ClusterEntry[]): Buffer {
  const lines = entries.map((e) => `${pathBits(e.path)}\t${e.word}`);
  return gzipSync(`${lines.join('\n')}\n`, { level: 9 });
}

export function readClusterEntries(bytes: Uint8Array): ClusterEntry[] {
  const out: ClusterEntry[] = [];
  for (const line of gunzipSync(bytes).toString('utf8').split('\n')) {
    if (!line) continue;
    const [bits = '', word = ''] = line.split('\t');
    out.push({ word, path: bitsPath(bits) });
  }
  return out;
}

/**
 * The tagger's lookup table: each word by its exact form, and its normalized (lower-case) form for the most
 * frequent word with that form, so an unseen casing still finds a class.
 */
export function clustersFromEntries(entries: readonly ClusterEntry[]): WordClusters {
  const paths = new Map<number, number>();
  const lowerSeen = new Set<string>();
  for (const e of entries) {
    paths.set(hashString(e.word), e.path);
    const norm = normalizeWord(e.word);
    if (!lowerSeen.has(norm)) {
      lowerSeen.add(norm);
      paths.set(hashString(norm, 1), e.path);
    }
  }
  return { paths };
}

/** The committed cluster file, relative to the repository root. */
export const DEFAULT_CLUSTER_FILE = 'models/word-clusters.tsv.gz';

export function loadClusterFile(path: string): WordClusters {
  return clustersFromEntries(readClusterEntries(readFileSync(path)));
}
