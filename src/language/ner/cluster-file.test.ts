import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './data-dir.js';
import {
  DEFAULT_CLUSTER_FILE,
  bitsPath,
  clustersFromEntries,
  loadClusterFile,
  pathBits,
  readClusterEntries,
  writeClusterFile,
} from './cluster-file.js';
import { hashString } from './hash.js';
import { pathPrefix } from './resources.js';

describe('cluster file', () => {
  it('encodes bit strings as paths whose prefixes are the bit-string prefixes', () => {
    const p = bitsPath('0110101');
    expect(pathBits(p)).toBe('0110101');
    expect(pathBits(pathPrefix(p, 4))).toBe('0110');
    expect(pathBits(bitsPath('0001'))).toBe('0001');
    expect(pathBits(bitsPath(''))).toBe('');
  });

  it('reads back what it writes', () => {
    const entries = [
      { word: 'Harbour', path: bitsPath('101') },
      { word: 'harbour', path: bitsPath('0011') },
    ];
    expect(readClusterEntries(writeClusterFile(entries))).toEqual(entries);
  });

  it('finds a word by its exact form, and an unseen casing by the most frequent form', () => {
    const c = clustersFromEntries([
      { word: 'Harbour', path: bitsPath('101') },
      { word: 'harbour', path: bitsPath('0011') },
    ]);
    expect(c.paths.get(hashString('harbour'))).toBe(bitsPath('0011'));
    expect(c.paths.get(hashString('harbour', 1))).toBe(bitsPath('101'));
  });
});

describe('the committed word classes', () => {
  const c = loadClusterFile(resolve(repoRoot, DEFAULT_CLUSTER_FILE));
  const path = (w: string) => c.paths.get(hashString(w));

  it('puts weekdays with weekdays, months with months and capitals with capitals, apart from each other', () => {
    expect(path('Monday')).toBe(path('Tuesday'));
    expect(path('January')).toBe(path('March'));
    expect(path('Paris')).toBe(path('Berlin'));
    expect(new Set([path('Monday'), path('January'), path('Paris'), path('said')]).size).toBe(4);
  });

  it('finds a lower-cased form of a capitalized word', () => {
    expect(c.paths.get(hashString('berlin', 1))).toBe(path('Berlin'));
  });
});
