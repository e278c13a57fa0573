import { describe, expect, it } from 'vitest';
import { MONTH_NAMES } from './months.js';
import { STOP_WORDS } from './stop-words.js';
import { WEEKDAY_NAMES } from './weekdays.js';

describe('stop words', () => {
  it('are lower-case function words, without the names of days and months', () => {
    expect(STOP_WORDS.size).toBeGreaterThan(100);
    for (const w of STOP_WORDS) expect(w).toMatch(/^[a-z']+$/);
    for (const w of ['the', 'of', 'and', 'would', 'neither']) expect(STOP_WORDS.has(w)).toBe(true);
    for (const w of [...WEEKDAY_NAMES, ...MONTH_NAMES.filter((m) => m !== 'may')])
      expect(STOP_WORDS.has(w)).toBe(false);
  });
});
