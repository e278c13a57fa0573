import { describe, expect, it } from 'vitest';
import { evaluateTags } from './evaluate.js';

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
