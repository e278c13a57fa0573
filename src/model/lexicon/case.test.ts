import { describe, expect, it } from 'vitest';
import { capitalize, hasLowerCase, isAllCaps, isCapitalized, isUpperCaseText, startsLowerCase } from './case.js';

/** Every ASCII character, Latin-1 and a few other scripts (with and without case), and letters beyond the BMP. */
const SAMPLES: readonly string[] = [
  ...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)),
  ...'ÀÉßàéÿ×÷ǅΣσЖж北ا'.split(''),
  '𝐀',
  '𝐚',
  '𐐀',
  '𐐨',
];

describe('case tests', () => {
  it('agree with their Unicode-category definitions, fast path or not', () => {
    for (const c of SAMPLES) {
      for (const t of [c, `${c}x`, `${c}X`, `A${c}`, `a${c}`, `1${c}`]) {
        expect(isCapitalized(t), t).toBe(/^\p{Lu}/u.test(t));
        expect(startsLowerCase(t), t).toBe(/^\p{Ll}/u.test(t));
        expect(hasLowerCase(t), t).toBe(/\p{Ll}/u.test(t));
      }
    }
    expect(isCapitalized('')).toBe(false);
    expect(startsLowerCase('')).toBe(false);
  });

  it('call a token all caps when it has letters and none is lower-case', () => {
    expect(isAllCaps('NATO')).toBe(true);
    expect(isAllCaps('U.S.')).toBe(true);
    expect(isAllCaps('Nato')).toBe(false);
    expect(isAllCaps('2024')).toBe(false);
    expect(isAllCaps('北京')).toBe(true);
  });

  it('call a text upper-case only when its letters have case', () => {
    expect(isUpperCaseText('BREAKING NEWS')).toBe(true);
    expect(isUpperCaseText('Breaking news')).toBe(false);
    expect(isUpperCaseText('2024')).toBe(false);
    expect(isUpperCaseText('北京')).toBe(false);
  });

  it('capitalize a word', () => {
    expect(capitalize('monday')).toBe('Monday');
    expect(capitalize('')).toBe('');
  });
});
