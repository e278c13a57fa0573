import { describe, expect, it } from 'vitest';
import { isIsoDay } from './calendar.js';

describe('isIsoDay', () => {
  it('takes a day of the calendar written YYYY-MM-DD', () => {
    for (const d of ['2031-05-05', '2024-02-29', '1999-12-31', '2000-01-01']) expect(isIsoDay(d), d).toBe(true);
  });
  it('refuses days that do not exist and other shapes', () => {
    for (const d of [
      '2031-02-30',
      '2023-02-29',
      '2031-13-01',
      '2031-00-10',
      '2031-04-31',
      '2031-5-5',
      'May',
      '2031-05-05T00:00',
    ])
      expect(isIsoDay(d), d).toBe(false);
  });
});
