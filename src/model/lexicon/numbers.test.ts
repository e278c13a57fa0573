import { describe, expect, it } from 'vitest';
import { CARDINAL_VALUES, CARDINALS, ORDINAL_VALUES, ORDINALS, TENS } from './numbers.js';

describe('number words', () => {
  it('list the cardinals one to nineteen, the tens and the ordinals first to twentieth, by value', () => {
    expect(CARDINALS).toHaveLength(19);
    expect(CARDINALS.slice(0, 3)).toEqual(['one', 'two', 'three']);
    expect(CARDINALS[18]).toBe('nineteen');
    expect(TENS).toHaveLength(8);
    expect(ORDINALS).toHaveLength(20);
    expect(ORDINALS[19]).toBe('twentieth');
  });

  it('are lower-case words, each written once', () => {
    const words = [...CARDINALS, ...TENS, ...ORDINALS];
    for (const w of words) expect(w).toMatch(/^[a-z]+$/);
    expect(new Set(words).size).toBe(words.length);
  });

  it('form teens and tens from the units', () => {
    // "thirteen" … "nineteen" and "sixty" … "ninety" are the unit's stem with "teen" / "ty".
    for (let v = 6; v <= 9; v++) {
      expect(CARDINALS[v + 9]).toBe(`${CARDINALS[v - 1]!.replace(/t$/, '')}teen`);
      expect(TENS[v - 2]).toBe(`${CARDINALS[v - 1]!.replace(/t$/, '')}ty`);
    }
    for (const t of TENS) expect(t).toMatch(/ty$/);
  });

  it('form the ordinals from four on with "th"', () => {
    for (const o of ORDINALS.slice(3)) expect(o).toMatch(/th$/);
  });

  it('give each word its value', () => {
    for (const [i, w] of CARDINALS.entries()) expect(CARDINAL_VALUES[w]).toBe(i + 1);
    for (const [i, w] of TENS.entries()) expect(CARDINAL_VALUES[w]).toBe((i + 2) * 10);
    for (const [i, w] of ORDINALS.entries()) expect(ORDINAL_VALUES[w]).toBe(i + 1);
    expect(Object.keys(CARDINAL_VALUES)).toHaveLength(27);
    expect(CARDINAL_VALUES.twelve).toBe(12);
    expect(ORDINAL_VALUES.third).toBe(3);
  });
});
