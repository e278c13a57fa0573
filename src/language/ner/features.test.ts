import { describe, expect, it } from 'vitest';
import { charNgrams, FeatureExtractor } from './features.js';
import { BILOU_LABELS } from './labels.js';
import { hashString } from './hash.js';

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

describe('word classes of the words two away (clusters2)', () => {
  // Invented bit paths (a leading 1, then the bits); words without one have class 0.
  const paths = new Map<number, number>([
    [hashString('Vance'), 0b10110],
    [hashString('Lisbon'), 0b11001],
    [hashString('met'), 0b10001],
  ]);
  const clusters = { paths };
  const on = new FeatureExtractor(
    { bits: 16, gazetteerLists: 0, clusters: true, clusters2: true },
    { gazetteer: null, clusters },
  );
  const off = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: true }, { gazetteer: null, clusters });

  it('adds four rows per token only when configured', () => {
    expect(on.extractDocument(doc).k - off.extractDocument(doc).k).toBe(4);
  });

  it('reads the classes of the second word left and right', () => {
    // Token 2 ("Okonkwo"): its ±2 rows come from "Vance" and "Lisbon"; token 3 ("in") from "met" and ".".
    const a = on.extractDocument(doc);
    const rows = (t: number): number[] => [...a.feats.subarray(t * a.k, (t + 1) * a.k)].slice(-4);
    expect(rows(2)).not.toEqual(rows(3));
    // The same second neighbours give the same rows: "Vance" two before token 2, and the sentence start
    // (no word) two before token 0 or 1 of either sentence.
    expect(rows(0).slice(0, 2)).toEqual(rows(1).slice(0, 2));
    expect(rows(0).slice(0, 2)).toEqual(rows(6).slice(0, 2));
  });
});

describe('character n-grams (charGrams)', () => {
  // "Okonkwo" (token 2) has a word class, "Lisbon" (token 4) has none; "met" is too short for n-grams.
  const clusters = { paths: new Map<number, number>([[hashString('Okonkwo'), 0b10110]]) };
  const res = { gazetteer: null, clusters };
  const base = { bits: 16, gazetteerLists: 0, clusters: true };
  const off = new FeatureExtractor(base, res);
  const rare = new FeatureExtractor({ ...base, charGrams: 'rare' }, res);
  const all = new FeatureExtractor({ ...base, charGrams: 'all' }, res);
  /** Row count of token t's rows that are set. */
  const used = (fx: FeatureExtractor, t: number): number => {
    const df = fx.extractDocument(doc);
    return [...df.feats.subarray(t * df.k, (t + 1) * df.k)].filter((r) => r >= 0).length;
  };

  it('lists the distinct 3- and 4-grams of the marked word', () => {
    expect(charNgrams('lisbon')).toEqual([
      '^li',
      'lis',
      'isb',
      'sbo',
      'bon',
      'on$',
      '^lis',
      'lisb',
      'isbo',
      'sbon',
      'bon$',
    ]);
    expect(charNgrams('aaaaa')).toEqual(['^aa', 'aaa', 'aa$', '^aaa', 'aaaa', 'aaa$']);
  });

  it('adds rows only to longer words, and with "rare" only to words without a word class', () => {
    expect(all.extractDocument(doc).k - off.extractDocument(doc).k).toBe(24);
    expect(used(rare, 4) - used(off, 4)).toBe(11);
    expect(used(rare, 2) - used(off, 2)).toBe(0);
    expect(used(all, 2) - used(off, 2)).toBe(charNgrams('okonkwo').length);
    expect(used(all, 1) - used(off, 1)).toBe(0);
  });
});

describe('word identity slots', () => {
  it('point at the rows of the word itself: its form and lower-cased form come first among its own rows', () => {
    const fx = new FeatureExtractor({ bits: 16, gazetteerLists: 0, clusters: false }, none);
    const df = fx.extractDocument(doc);
    const [w, lw] = fx.wordIdentitySlots();
    // "Vance" at tokens 0 and 7: same form, same rows; "Lisbon" (token 4) differs.
    expect(df.feats[0 * df.k + w!]).toBe(df.feats[7 * df.k + w!]);
    expect(df.feats[0 * df.k + lw!]).toBe(df.feats[7 * df.k + lw!]);
    expect(df.feats[4 * df.k + w!]).not.toBe(df.feats[0 * df.k + w!]);
    expect(df.feats[0 * df.k + w!]).toBe(fx.row(2, hashString('Vance')));
    // The word pairs: "met" + "Okonkwo" (template 16, left pair) and "Okonkwo" + "in" (17, right pair) of token 2.
    const [, , bigL, bigR] = fx.wordIdentitySlots();
    const lower = (x: string): number => hashString(x.toLowerCase(), 1);
    expect(df.feats[2 * df.k + bigL!]).toBe(fx.row2(16, lower('met'), lower('Okonkwo')));
    expect(df.feats[2 * df.k + bigR!]).toBe(fx.row2(17, lower('Okonkwo'), lower('in')));
  });
});
