import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../../language/test-tagger.js';
import type { Doc } from '../../model/index.js';
import { annotateQuotes, type CandidateDump } from '../annotate.js';
import { loadSpeakerModel, SpeakerModel, speakerModel } from './model.js';
import { accuracy, crossValidate, type Example, train } from './train.js';

const model = (weights: Record<string, number>, margin = 0) =>
  new SpeakerModel({ version: 1, margin, weights, provenance: {} });

function run(text: string, phrases: [string, string][], ranker?: SpeakerModel | null): Doc {
  const doc = taggedDoc('r1', text, phrases);
  annotateQuotes(doc, ranker === undefined ? {} : { ranker });
  return doc;
}

const speakers = (doc: Doc) => doc.quotes.filter((q) => q.direct).map((q) => q.speaker?.text ?? null);

const TOLD = '“We will not sign anything this week, whatever the ministry says about fees,” Ivo Sarr told Lena Holm.';
const PEOPLE: [string, string][] = [
  ['Ivo Sarr', 'PER'],
  ['Lena Holm', 'PER'],
];

describe('speaker candidates', () => {
  it('offers the rules’ choice, the names and the addressee of "told", each with its features', () => {
    const dumps: CandidateDump[] = [];
    const doc = taggedDoc('r1', TOLD, PEOPLE);
    annotateQuotes(doc, { ranker: null, collect: (d) => dumps.push(d) });
    expect(dumps).toHaveLength(1);
    const at = (name: string) => dumps[0]!.candidates.find((c) => doc.text.slice(c.start, c.end) === name)!;
    expect(at('Ivo Sarr').rule).toBe(true);
    expect(at('Ivo Sarr').feats).toContain('P=after');
    expect(at('Lena Holm').rule).toBe(false);
    expect(at('Lena Holm').feats).toContain('cueObj:tell');
    expect(at('Lena Holm').feats).toContain('t=PERSON');
  });
});

describe('speaker ranker', () => {
  it('keeps the rules’ speaker when no model is given or the file is missing', () => {
    expect(loadSpeakerModel('/nonexistent/speakers.json')).toBeNull();
    expect(speakers(run(TOLD, PEOPLE, null))).toEqual(['Ivo Sarr']);
    // A model that has learnt nothing ties every candidate: the rules' choice stands.
    expect(speakers(run(TOLD, PEOPLE, model({})))).toEqual(['Ivo Sarr']);
  });

  it('replaces the rules’ choice only by more than the margin', () => {
    // An adverb between the subject and the verb: the rules' choice is not `sure`, the ranker may overrule it.
    const later = TOLD.replace('Sarr told', 'Sarr later told');
    expect(speakers(run(later, PEOPLE, model({ 'cueObj:tell': 5 })))).toEqual(['Lena Holm']);
    expect(speakers(run(later, PEOPLE, model({ 'cueObj:tell': 5 }, 10)))).toEqual(['Ivo Sarr']);
  });

  it('keeps a speaker the rules read off a construction grammar fixes, whatever the weights', () => {
    // "“…,” Ivo Sarr told Lena Holm": the verb right after the quote, its subject next to it.
    expect(speakers(run(TOLD, PEOPLE, model({ 'cueObj:tell': 50 })))).toEqual(['Ivo Sarr']);
    const quoted =
      'The Harbour Daily quoted Lena Holm as saying, “We will not sign anything this week, whatever they say.”';
    const phrases: [string, string][] = [...PEOPLE, ['Harbour Daily', 'ORG']];
    expect(speakers(run(quoted, phrases, model({ 'P=sentActor': 50, 't=ORG': 50 })))).toEqual(['Lena Holm']);
  });

  it('with the committed model, credits a quote with no attribution to the person the paragraph is about', () => {
    expect(speakerModel()).not.toBeNull();
    const text =
      'Lena Holm answered questions for an hour. Asked about the strike, she was firm. “Nobody will be dismissed for taking part in the strike, not one of them.”';
    const phrases: [string, string][] = [['Lena Holm', 'PER']];
    expect(speakers(run(text, phrases, null))).toEqual([null]);
    const doc = run(text, phrases);
    expect(speakers(doc)).toEqual(['she']);
    expect(doc.quotes.find((q) => q.direct)?.speakerName).toBe('Lena Holm');
    // The quote's own attribution stays with the rules.
    expect(speakers(run(TOLD, PEOPLE))).toEqual(['Ivo Sarr']);
  });
});

describe('training', () => {
  const ex = (article: number, okAt: number, ruleAt: number, n = 3): Example => ({
    article,
    cands: Array.from({ length: n }, (_, k) => ({
      feats: [k === okAt ? 'good' : 'bad', `slot${k}`, ...(k === ruleAt ? ['rule'] : [])],
      ok: k === okAt,
      rule: k === ruleAt,
    })),
  });

  it('learns to prefer the right candidate over the rules’ wrong one, and cross-validates by article', () => {
    const data = Array.from({ length: 40 }, (_, i) => ex(i, i % 3, (i + 1) % 3));
    const w = train(data, { epochs: 3, seed: 1 });
    expect((w.get('good') ?? 0) > (w.get('bad') ?? 0)).toBe(true);
    const acc = accuracy(w, data);
    expect(acc.model).toBe(1);
    expect(acc.rules).toBe(0);
    const folds = crossValidate(data, 4, { epochs: 3, seed: 1 }, [0, 100]);
    expect(folds).toHaveLength(2);
    expect(folds[0]!.every((f) => f.model === 1)).toBe(true);
    // A margin no score difference reaches leaves every rules' choice in place.
    expect(folds[1]!.every((f) => f.model === f.rules && f.changed === 0)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const data = Array.from({ length: 30 }, (_, i) => ex(i, i % 2, (i + 1) % 2, 2));
    expect([...train(data, { epochs: 2, seed: 5 })]).toEqual([...train(data, { epochs: 2, seed: 5 })]);
  });
});
