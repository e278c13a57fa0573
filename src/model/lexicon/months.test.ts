import { describe, expect, it } from 'vitest';
import {
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  MONTH_PREFIXES,
  MONTHS,
  monthNumber,
  monthNumberOfPrefix,
} from './months.js';

describe('months', () => {
  it('are the twelve months in calendar order', () => {
    expect(MONTHS.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(MONTH_NAMES[0]).toBe('january');
    expect(MONTH_NAMES[11]).toBe('december');
  });

  it('are lower-case words, each written once', () => {
    const words = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS];
    for (const w of words) expect(w).toMatch(/^[a-z]+$/);
    expect(new Set(words).size).toBe(words.length);
  });

  it('abbreviate each name by a prefix of it, longest first', () => {
    for (const m of MONTHS) {
      for (const a of m.abbreviations) {
        expect(m.name.startsWith(a)).toBe(true);
        expect(a.length).toBeGreaterThanOrEqual(3);
        expect(a.length).toBeLessThan(m.name.length);
      }
      expect([...m.abbreviations].sort((x, y) => y.length - x.length)).toEqual(m.abbreviations);
    }
  });

  it('are told apart by their first three letters, which every word of a month starts with', () => {
    expect(new Set(MONTH_PREFIXES).size).toBe(12);
    for (const m of MONTHS) {
      for (const w of [m.name, ...m.abbreviations]) expect(monthNumberOfPrefix(w)).toBe(m.number);
    }
  });

  it('give the number of a name or abbreviation in any case, with or without its period', () => {
    for (const m of MONTHS) {
      for (const w of [m.name, ...m.abbreviations]) {
        expect(monthNumber(w)).toBe(m.number);
        expect(monthNumber(w.toUpperCase())).toBe(m.number);
        expect(monthNumber(`${w[0]!.toUpperCase()}${w.slice(1)}.`)).toBe(m.number);
      }
    }
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('May')).toBe(5);
  });

  it('give 0 for other words', () => {
    for (const w of ['', 'ma', 'marc', 'mayday', 'jan..', 'constructor', 'monday']) expect(monthNumber(w)).toBe(0);
    for (const w of ['', 'ja', 'xyz', 'mon']) expect(monthNumberOfPrefix(w)).toBe(0);
    expect(monthNumberOfPrefix('Marzo')).toBe(3);
  });
});
