import { describe, expect, it } from 'vitest';
import { resolveYearless, yearlessDays } from './text-dates.js';

describe('yearless days', () => {
  it('reads a weekday-date pair and takes the one year in which the weekday fits', () => {
    const [pair] = yearlessDays('The ministry said on Wednesday (Sep 13) that the talks would resume.');
    expect(pair).toMatchObject({ month: 9, day: 13, weekday: 3 });
    // 13 September 2017 was a Wednesday; 2016 and 2018 do not fit.
    expect(resolveYearless(pair!, ['2017'])?.value).toBe('2017-09-13');
    expect(resolveYearless(pair!, ['2017-09-12'])?.value).toBe('2017-09-13');
  });

  it('leaves a pair undated when no hint is given or the weekday fits no hinted year', () => {
    const [pair] = yearlessDays('Officials met on Tuesday, March 3, behind closed doors.');
    expect(pair).toMatchObject({ month: 3, day: 3, weekday: 2 });
    expect(resolveYearless(pair!, [])).toBeNull();
    // 3 March was a Tuesday in 2015 and 2020, neither within a year of 2017.
    expect(resolveYearless(pair!, ['2017'])).toBeNull();
    expect(resolveYearless(pair!, ['2020-02'])?.value).toBe('2020-03-03');
  });

  it('dates a yearless dateline only from a hint within a month', () => {
    const [d] = yearlessDays('PORT ELLIS, Sept 13 (Harbour Wire) - Ferries were halted on Monday.');
    expect(d).toMatchObject({ month: 9, day: 13, weekday: null });
    expect(resolveYearless(d!, ['2017-09'])?.value).toBe('2017-09-13');
    expect(resolveYearless(d!, ['2017-05-02'])).toBeNull();
    expect(resolveYearless(d!, ['2017'])).toBeNull();
  });

  it('ignores pairs that already write the year', () => {
    expect(yearlessDays('It happened on Friday, March 3, 2017, at noon.')).toEqual([]);
  });
});
