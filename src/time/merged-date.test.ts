import { describe, expect, it } from 'vitest';
import { mergedDate, type MentionDate } from './merged-date.js';

const day = (value: string) => ({ value, precision: 'day' as const });
const month = (value: string) => ({ value, precision: 'month' as const });

describe('mergedDate', () => {
  it("takes the sentence's own date over an article's day, and the earliest reporting day", () => {
    const mentions: MentionDate[] = [
      { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') },
      { date: day('2026-03-12'), dateFrom: 'sentence', reported: day('2026-03-13') },
      { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') },
    ];
    expect(mergedDate(mentions)).toEqual({
      date: day('2026-03-12'),
      dateFrom: 'sentence',
      dateRange: null,
      reported: day('2026-03-13'),
    });
  });

  it('prefers the more precise of two sentence dates, then the one more mentions give', () => {
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence' },
        { date: day('2026-03-09'), dateFrom: 'sentence', dateRange: { start: '2026-03-09', end: '2026-03-15' } },
      ]),
    ).toMatchObject({ date: day('2026-03-09'), dateRange: { start: '2026-03-09', end: '2026-03-15' } });
    expect(
      mergedDate([
        { date: day('2026-03-10'), dateFrom: 'carried' },
        { date: day('2026-03-11'), dateFrom: 'carried' },
        { date: day('2026-03-11'), dateFrom: 'carried' },
      ]).date,
    ).toEqual(day('2026-03-11'));
  });

  it('takes a reporting day over its month: an article dated only to the month says less', () => {
    const month = { value: '2026-03', precision: 'month' as const };
    expect(
      mergedDate([
        { date: null, reported: month },
        { date: null, reported: day('2026-03-12') },
      ]).reported,
    ).toEqual(day('2026-03-12'));
    expect(
      mergedDate([
        { date: null, reported: day('2026-03-12') },
        { date: null, reported: month },
      ]).reported,
    ).toEqual(day('2026-03-12'));
  });
  it('keeps an event undated when no mention dates it, with the day it was first reported', () => {
    expect(
      mergedDate([
        { date: null, reported: day('2026-03-20') },
        { date: null, dateFrom: null, reported: day('2026-03-18') },
      ]),
    ).toEqual({ date: null, dateFrom: null, dateRange: null, reported: day('2026-03-18') });
  });
});
