import { describe, expect, it } from 'vitest';
import { BILOU_LABELS, allowedAfter, bilouToIob2, iobSpans, iobToBilou } from './labels.js';

const names = (ids: number[]): string[] => ids.map((i) => BILOU_LABELS[i]!);

describe('labels', () => {
  it('converts IOB2 to BILOU and back', () => {
    const iob = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG'];
    const bilou = iobToBilou(iob);
    expect(names(bilou)).toEqual(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'U-ORG']);
    expect(bilouToIob2(bilou)).toEqual(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG']);
  });

  it('reads IOB1 spans conlleval-style', () => {
    expect(iobSpans(['I-ORG', 'I-ORG', 'B-ORG', 'O', 'I-PER', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 2, end: 3, type: 'ORG' },
      { start: 4, end: 5, type: 'PER' },
      { start: 5, end: 6, type: 'LOC' },
    ]);
    expect(() => iobSpans(['X-PER'])).toThrow(/bad IOB tag/);
  });

  it('enforces BILOU transitions', () => {
    const id = (n: string): number => BILOU_LABELS.indexOf(n);
    expect(allowedAfter(-1, id('I-PER'))).toBe(false);
    expect(allowedAfter(-1, id('B-PER'))).toBe(true);
    expect(allowedAfter(id('B-PER'), id('L-PER'))).toBe(true);
    expect(allowedAfter(id('B-PER'), id('L-ORG'))).toBe(false);
    expect(allowedAfter(id('B-PER'), id('O'))).toBe(false);
    expect(allowedAfter(id('U-PER'), id('B-ORG'))).toBe(true);
  });
});
