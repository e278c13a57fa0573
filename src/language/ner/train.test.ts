import { describe, expect, it } from 'vitest';
import { trainTagger } from './train.js';
import { serializeModel, deserializeModel } from './model-file.js';
import { TINY_CORPUS } from './fixtures.test-data.js';

const model = trainTagger(TINY_CORPUS, { bits: 14, epochs: 10, folds: 2 });

describe('trainTagger (tiny hand-written corpus)', () => {
  it('learns its training sentences', () => {
    for (const doc of TINY_CORPUS) {
      const tags = model.tagSentences(doc.sentences.map((s) => s.tokens));
      expect(tags).toEqual(doc.sentences.map((s) => s.tags));
    }
  });

  it('generalizes to a new sentence built from learned contexts', () => {
    const [tags] = model.tagSentences([['Marta', 'Okonkwo', 'flew', 'to', 'Nairobi', '.']]);
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']);
  });

  it('returns one IOB2 tag per token in the input shape, including empty sentences', () => {
    const out = model.tagSentences([['Vance', 'left'], [], ['.']]);
    expect(out.map((s) => s.length)).toEqual([2, 0, 1]);
    for (const s of out) for (const t of s) expect(t).toMatch(/^(O|[BI]-(PER|LOC|ORG|MISC))$/);
  });

  it('never emits I- after O or after another type', () => {
    const out = model.tagSentences([
      ['Okonkwo', 'Shipping', 'Lisbon', 'Holdings', 'the', 'Vance', 'Caldera', 'Kenyan'],
    ]);
    const tags = out[0]!;
    for (let i = 0; i < tags.length; i++) {
      if (tags[i]!.startsWith('I-')) expect(tags[i - 1]?.slice(2)).toBe(tags[i]!.slice(2));
    }
  });

  it('is deterministic', () => {
    const again = trainTagger(TINY_CORPUS, { bits: 14, epochs: 10, folds: 2 });
    expect(Buffer.compare(serializeModel(again), serializeModel(model))).toBe(0);
  });

  it('survives a save/load round trip', () => {
    const loaded = deserializeModel(serializeModel(model));
    for (const doc of TINY_CORPUS) {
      const s = doc.sentences.map((x) => x.tokens);
      expect(loaded.tagSentences(s)).toEqual(model.tagSentences(s));
    }
  });

  it('rejects bad input clearly', () => {
    expect(() => model.tagSentences('Lisbon' as unknown as string[][])).toThrow(/array of sentences/);
    expect(() => model.tagSentences([[1 as unknown as string]])).toThrow(/token strings/);
    expect(() => trainTagger([{ sentences: [{ tokens: ['a'], tags: ['B-FOO'] }] }], { bits: 10 })).toThrow(/FOO/);
  });
});

describe('word dropout in training', () => {
  const train = (wordDropout?: number) =>
    serializeModel(trainTagger(TINY_CORPUS, { bits: 14, epochs: 6, folds: 2, wordDropout }));

  it('changes nothing at 0, and changes the weights (deterministically) when set', () => {
    const plain = train();
    expect(Buffer.compare(train(0), plain)).toBe(0);
    expect(Buffer.compare(train(0.5), plain)).not.toBe(0);
    expect(Buffer.compare(train(0.5), train(0.5))).toBe(0);
  });

  it('still learns to tag a name from its context', () => {
    const m = trainTagger(TINY_CORPUS, { bits: 14, epochs: 10, folds: 2, wordDropout: 0.3 });
    const [tags] = m.tagSentences([['Marta', 'Okonkwo', 'flew', 'to', 'Nairobi', '.']]);
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']);
  });
});
