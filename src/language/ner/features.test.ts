import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from './features.js';
import { BILOU_LABELS } from './labels.js';

const none = { gazetteer: null, clusters: null };
const doc = [
  ['Vance', 'met', 'Okonkwo', 'in', 'Lisbon', '.'],
  ['Later', 'Vance', 'flew', 'home', '.'],
];

/** The non-empty rows of the last `slots` static rows of token t. */
function tailRows(fx: FeatureExtractor, t: number, slots: number): number[] {
  const df = fx.extractDocument(doc);
  return [...df.feats.subarray((t + 1) * df.k - slots, (t + 1) * df.k)].filter((r) => r >= 0);
}

describe('context aggregation', () => {
  const fx = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: false, aggregate: 100 }, none);

  it('gives a repeated capitalized word the neighbours of its other occurrence', () => {
    // First "Vance" (token 0) gets "later" before and "flew" after its second occurrence (token 7).
    expect(tailRows(fx, 0, 6)).toHaveLength(2);
    expect(tailRows(fx, 7, 6)).toHaveLength(2);
    expect(tailRows(fx, 0, 6)).not.toEqual(tailRows(fx, 7, 6));
  });

  it('gives nothing to words seen once, and nothing beyond the window', () => {
    expect(tailRows(fx, 2, 6)).toHaveLength(0);
    const near = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: false, aggregate: 3 }, none);
    expect(tailRows(near, 0, 6)).toHaveLength(0);
  });

  it('adds its rows only when configured', () => {
    const off = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: false }, none);
    expect(fx.extractDocument(doc).k - off.extractDocument(doc).k).toBe(6);
  });
});

describe('prediction history (second pass)', () => {
  it('gives a word the first-pass types of its other occurrences and the label of the nearest earlier one', () => {
    const fx = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: false, history: true }, none);
    const df = fx.extractDocument(doc);
    const first = new Uint8Array(df.n);
    first[0] = BILOU_LABELS.indexOf('U-PER'); // on the first "Vance"
    const extra = fx.stage2Features(df, first);
    const K = extra.length / df.n;
    expect(K).toBe(12);
    const hist = (t: number): number[] => [...extra.subarray(t * K + 6, (t + 1) * K)].filter((r) => r >= 0);
    expect(hist(0)).toHaveLength(1); // the later "Vance" was O: one share, no earlier occurrence
    expect(hist(7)).toHaveLength(2); // the earlier one was PER: one share and the nearest earlier label
    expect(hist(2)).toHaveLength(0);
  });
});
