import { describe, expect, it } from 'vitest';
import { WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES, WEEKDAY_PREFIXES, WEEKDAYS, weekdayNumber } from './weekdays.js';

describe('weekdays', () => {
  it('are the seven days with their ISO numbers, Monday first', () => {
    expect(WEEKDAYS.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(WEEKDAY_NAMES[0]).toBe('monday');
    expect(WEEKDAY_NAMES[6]).toBe('sunday');
  });

  it('are lower-case words ending in "day", each written once', () => {
    for (const w of WEEKDAY_NAMES) expect(w).toMatch(/^[a-z]+day$/);
    const words = [...WEEKDAY_NAMES, ...WEEKDAY_ABBREVIATIONS];
    for (const w of words) expect(w).toMatch(/^[a-z]+$/);
    expect(new Set(words).size).toBe(words.length);
  });

  it('abbreviate each name by a prefix of it, longest first, starting with its first three letters', () => {
    expect(new Set(WEEKDAY_PREFIXES).size).toBe(7);
    for (const [i, d] of WEEKDAYS.entries()) {
      for (const a of d.abbreviations) {
        expect(d.name.startsWith(a)).toBe(true);
        expect(a.startsWith(WEEKDAY_PREFIXES[i]!)).toBe(true);
      }
      expect([...d.abbreviations].sort((x, y) => y.length - x.length)).toEqual(d.abbreviations);
    }
  });

  it('give the ISO number of a name or abbreviation in any case, with or without its period; 0 for other words', () => {
    for (const d of WEEKDAYS) {
      for (const w of [d.name, ...d.abbreviations]) {
        expect(weekdayNumber(w)).toBe(d.number);
        expect(weekdayNumber(`${w.toUpperCase()}.`)).toBe(d.number);
      }
    }
    expect(weekdayNumber('Tues.')).toBe(2);
    for (const w of ['', 'mo', 'mondays', 'today', 'march']) expect(weekdayNumber(w)).toBe(0);
  });
});
