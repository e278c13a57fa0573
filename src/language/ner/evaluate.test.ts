import { describe, expect, it } from 'vitest';
import { entityF1Where, evaluateTags } from './evaluate.js';

describe('evaluateTags', () => {
  it('counts exact span and type matches only', () => {
    const gold = [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      ['B-ORG', 'I-ORG', 'O'],
    ];
    const pred = [
      ['B-PER', 'I-PER', 'O', 'B-ORG'],
      ['B-ORG', 'O', 'O'],
    ];
    const ev = evaluateTags(gold, pred);
    expect(ev.gold).toBe(3);
    expect(ev.predicted).toBe(3);
    expect(ev.correct).toBe(1);
    expect(ev.f1).toBeCloseTo(1 / 3);
    expect(ev.perType.PER!.f1).toBe(1);
    expect(ev.perType.LOC!.recall).toBe(0);
    expect(ev.perType.ORG!.precision).toBe(0);
    expect(ev.tokenAccuracy).toBeCloseTo(5 / 7);
  });

  it('rejects mismatched shapes', () => {
    expect(() => evaluateTags([['O']], [])).toThrow();
    expect(() => evaluateTags([['O']], [['O', 'O']])).toThrow();
  });
});

describe('entityF1Where', () => {
  it('scores only the entities whose text passes the filter, gold and predicted alike', () => {
    const tokens = [['Vance', 'Okonkwo', 'saw', 'Lisbon']];
    const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']];
    const pred = [['B-PER', 'O', 'O', 'B-ORG']];
    // Everything: 0 of 2 right.
    expect(entityF1Where(tokens, gold, pred, () => true).f1).toBe(0);
    // Without "Lisbon": gold "Vance Okonkwo", predicted "Vance", no match.
    const noLisbon = entityF1Where(tokens, gold, pred, (t) => t !== 'Lisbon');
    expect([noLisbon.gold, noLisbon.predicted, noLisbon.correct]).toEqual([1, 1, 0]);
    // Only "Lisbon": one gold LOC, one predicted ORG.
    const only = entityF1Where(tokens, gold, [['O', 'O', 'O', 'B-LOC']], (t) => t === 'Lisbon');
    expect(only.f1).toBe(1);
  });
});
