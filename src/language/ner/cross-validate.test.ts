import { describe, expect, it } from 'vitest';
import { contiguousFolds, crossValidate, meanSd } from './cross-validate.js';
import { prepareDocuments, trainTagger, withoutRareFeatures } from './train.js';
import { FeatureExtractor } from './features.js';
import { serializeModel, deserializeModel } from './model-file.js';
import { TINY_CORPUS } from './fixtures.test-data.js';

describe('contiguousFolds', () => {
  it('cuts documents in order into blocks of about equal token counts', () => {
    expect([...contiguousFolds([10, 10, 10, 10, 10, 10], 3)]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...contiguousFolds([50, 5, 5, 5, 5, 30], 2)]).toEqual([0, 1, 1, 1, 1, 1]);
  });
});

describe('meanSd', () => {
  it('gives the sample standard deviation', () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
    expect(meanSd([4])).toEqual({ mean: 4, sd: 0 });
  });
});

describe('crossValidate (tiny corpus)', () => {
  const setting = {
    name: 't',
    features: { aggregate: 50, history: true },
    epochs: 3,
    stage2: true,
    bits: 14,
    minCount: 1,
  };
  const r = crossValidate(TINY_CORPUS, { gazetteer: null, clusters: null }, setting, 2);

  it('reports one held-out F1 per fold and epoch for both passes, and the training fit', () => {
    expect(r.stage1.map((xs) => xs.length)).toEqual([2, 2, 2]);
    expect(r.stage2.map((xs) => xs.length)).toEqual([2, 2, 2]);
    expect(r.train1).toHaveLength(2);
    for (const f of [...r.stage1.flat(), ...r.stage2.flat(), ...r.train1, ...r.train2]) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    // F1 on the held-out entities unseen in the training blocks: one per fold and pass, a share.
    expect(r.unseen1).toHaveLength(2);
    expect(r.unseen2).toHaveLength(2);
    for (const f of [...r.unseen1, ...r.unseen2]) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    // Held-out names of this corpus recur across the halves, so the fit is not trivial on either side.
    expect(r.train1[0]).toBeGreaterThan(0.5);
  });
});

describe('context aggregation and prediction history', () => {
  const model = trainTagger(TINY_CORPUS, {
    bits: 14,
    epochs: 10,
    folds: 2,
    features: { aggregate: 50, history: true },
  });

  it('are recorded in the model file and survive a round trip', () => {
    const loaded = deserializeModel(serializeModel(model));
    expect(loaded.cfg.aggregate).toBe(50);
    expect(loaded.cfg.history).toBe(true);
    const doc = [
      ['Okonkwo', 'met', 'Vance', 'in', 'Nairobi', '.'],
      ['Vance', 'later', 'left', 'Nairobi', '.'],
    ];
    expect(loaded.tagSentences(doc)).toEqual(model.tagSentences(doc));
  });

  it('still learns the training sentences', () => {
    for (const doc of TINY_CORPUS)
      expect(model.tagSentences(doc.sentences.map((s) => s.tokens))).toEqual(doc.sentences.map((s) => s.tags));
  });

  it('rejects an unknown template in an ablation', () => {
    expect(() => trainTagger(TINY_CORPUS, { bits: 12, epochs: 1, features: { drop: ['nope'] } })).toThrow(/nope/);
  });
});

describe('withoutRareFeatures', () => {
  it('drops the static rows seen in fewer tokens than the cut-off, and keeps the documents as they were', () => {
    const fx = new FeatureExtractor(
      { bits: 14, gazetteerLists: 0, clusters: false },
      { gazetteer: null, clusters: null },
    );
    const docs = prepareDocuments(fx, TINY_CORPUS);
    const before = docs.map((d) => d.df.feats.slice());
    const pruned = withoutRareFeatures(docs, 14, 2);
    const kept = (ds: typeof docs): number => ds.reduce((a, d) => a + d.df.feats.filter((r) => r >= 0).length, 0);
    expect(kept(pruned)).toBeLessThan(kept(docs));
    // The bias row is in every token, so it stays.
    expect(pruned[0]!.df.feats[0]).toBe(docs[0]!.df.feats[0]);
    docs.forEach((d, i) => {
      expect(d.df.feats).toEqual(before[i]);
    });
  });
});
