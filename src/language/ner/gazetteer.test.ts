import { describe, expect, it } from 'vitest';
import { gazetteerOf } from './build-gazetteer.js';
import { FeatureExtractor, staticTemplateCount, type FeatureConfig } from './features.js';
import { TINY_CORPUS } from './fixtures.test-data.js';
import { serializeModel } from './model-file.js';
import { trainTagger } from './train.js';

// Invented names only.
const gazetteer = gazetteerOf({
  place: ['Velmora', 'Velmora Bay', 'Port Velmora Bay', 'Ostrakand'],
  org: ['Quillon Freight', 'Quillon Freight Lines Ltd'],
  person: ['Velmora'],
});
const L = gazetteer.lists.length;
const sentence = ['Quillon', 'Freight', 'ships', 'left', 'Port', 'Velmora', 'Bay', 'for', 'velmora', '.'];

function extractor(extra: Partial<FeatureConfig> = {}): FeatureExtractor {
  return new FeatureExtractor(
    { bits: 16, gazetteerLists: L, clusters: false, ...extra },
    { gazetteer, clusters: null },
  );
}

/** Match code of token t in list g: 0 none, 1 B, 2 I, 3 L, 4 U. */
function codes(sentences: string[][]): (t: number, g: number) => number {
  const c = extractor().gazetteerCodes(
    sentences,
    sentences.reduce((n, s) => n + s.length, 0),
  );
  return (t, g) => c[t * L + g]!;
}

describe('gazetteer matching', () => {
  const code = codes([sentence]);
  const [place, org, person] = [0, 1, 2];

  it('marks the longest entry of each list with its BILU position', () => {
    expect([4, 5, 6].map((t) => code(t, place))).toEqual([1, 2, 3]);
    expect([0, 1].map((t) => code(t, org))).toEqual([1, 3]);
    // "Quillon Freight Lines Ltd" is only a longer entry: no partial match of it.
    expect(code(2, org)).toBe(0);
  });

  it('matches each list on its own: a shorter entry of another list inside a longer one', () => {
    expect(code(5, person)).toBe(4);
    expect(code(5, place)).toBe(2);
  });

  it('matches regardless of case, and never across sentences', () => {
    expect(code(8, place)).toBe(4);
    const split = codes([
      ['to', 'Port'],
      ['Velmora', 'Bay', 'now'],
    ]);
    // "Port Velmora Bay" is cut by the sentence end; "Velmora Bay" is an entry of its own.
    expect(split(1, place)).toBe(0);
    expect([2, 3, 4].map((t) => split(t, place))).toEqual([1, 3, 0]);
  });

  it('tells where the gazetteer rows are among the static rows', () => {
    const fx = extractor();
    const k = staticTemplateCount(fx.cfg);
    expect(fx.gazetteerSlots()).toEqual([k - (L + 3), k]);
    expect(extractor({ gazTypes: true }).gazetteerSlots()).toEqual([k - (L + 3), k + 6]);
  });

  it('keeps a capitalized match apart from a lower-case one when gazCase is set', () => {
    /** The gazetteer rows of token t (the first L of the last L + 3 static rows: no clusters, no aggregation). */
    const rows = (fx: FeatureExtractor, s: string[], t: number): number[] => {
      const df = fx.extractDocument([s]);
      const k = staticTemplateCount(fx.cfg);
      expect(df.k).toBe(k);
      return [...df.feats.subarray(t * k + k - (L + 3), t * k + k - 3)];
    };
    const upper = ['from', 'Ostrakand', 'now'];
    const lower = ['from', 'ostrakand', 'now'];
    const plain = extractor();
    const cased = extractor({ gazCase: true });
    expect(rows(plain, upper, 1)[0]).toBeGreaterThanOrEqual(0);
    expect(rows(plain, upper, 1)).toEqual(rows(plain, lower, 1));
    expect(rows(cased, upper, 1)[0]).not.toBe(rows(cased, lower, 1)[0]);
    // Lists without a match have no row either way.
    expect(rows(cased, upper, 1).slice(1)).toEqual([-1, -1]);
    expect(staticTemplateCount(cased.cfg)).toBe(staticTemplateCount(plain.cfg));
  });
});

describe('gazetteer lists pooled by type (gazTypes)', () => {
  const pooled = gazetteerOf({
    city: ['Velmora Bay'],
    region: ['Port Velmora Bay'],
    'person-name': ['Velmora'],
    unknown: ['Port'],
  });
  const cfg = { bits: 16, gazetteerLists: pooled.lists.length, clusters: false };
  const fx = new FeatureExtractor({ ...cfg, gazTypes: true }, { gazetteer: pooled, clusters: null });
  const s = ['to', 'Port', 'Velmora', 'Bay', 'now'];

  it('matches the longest entry over the union of a type’s lists', () => {
    // Groups: person (bit of person-name), place (city | region).
    const codes = fx.gazetteerCodes([s], s.length, Int32Array.from([1 << 2, (1 << 0) | (1 << 1)]));
    expect([0, 1, 2, 3, 4].map((t) => codes[t * 2 + 1])).toEqual([0, 1, 2, 3, 0]);
    expect([0, 1, 2, 3, 4].map((t) => codes[t * 2])).toEqual([0, 0, 4, 0, 0]);
  });

  it('adds six rows per token', () => {
    const plain = new FeatureExtractor(cfg, { gazetteer: pooled, clusters: null });
    expect(staticTemplateCount(fx.cfg) - staticTemplateCount(plain.cfg)).toBe(6);
    expect(fx.extractDocument([s]).k).toBe(staticTemplateCount(fx.cfg));
  });
});

describe('gazetteer dropout in training', () => {
  // A gazetteer that knows some of the names of the hand-written corpus.
  const resources = {
    gazetteer: gazetteerOf({ place: ['Nairobi', 'Lisbon'], person: ['Okonkwo', 'Vance'] }),
    clusters: null,
  };
  const train = (gazDropout?: number) =>
    serializeModel(trainTagger(TINY_CORPUS, { bits: 14, epochs: 6, folds: 2, resources, gazDropout }));

  it('changes nothing at 0, and changes the weights when set', () => {
    const plain = train();
    expect(Buffer.compare(train(0), plain)).toBe(0);
    expect(Buffer.compare(train(0.5), plain)).not.toBe(0);
    expect(Buffer.compare(train(0.5), train(0.5))).toBe(0);
  });
});
