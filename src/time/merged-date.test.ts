import { describe, expect, it } from 'vitest';
import { mergedDate, type MentionDate } from './merged-date.js';

const day = (value: string) => ({ value, precision: 'day' as const });
const month = (value: string) => ({ value, precision: 'month' as const });

describe('mergedDate', () => {
  it("takes the sentence's own date over an article's day, with the day that mention was reported", () => {
    const mentions: MentionDate[] = [
      { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') },
      { date: day('2026-03-12'), dateFrom: 'sentence', reported: day('2026-03-15') },
      { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') },
    ];
    expect(mergedDate(mentions)).toEqual({
      date: day('2026-03-12'),
      dateFrom: 'sentence',
      dateRange: null,
      reported: day('2026-03-15'),
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

  it('refines a coarse sentence date by a finer date inside it, never by one outside it', () => {
    // "Earlier this week" read as the month, beside the day another outlet's report gives.
    const week = { start: '2026-03-09', end: '2026-03-11' };
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence', dateRange: week },
        { date: day('2026-03-10'), dateFrom: 'anchor' },
      ]).date,
    ).toEqual(day('2026-03-10'));
    // A day outside the days the expression spans is another claim: the stated month stays.
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence', dateRange: week },
        { date: day('2026-03-20'), dateFrom: 'anchor' },
      ]).date,
    ).toEqual(month('2026-03'));
    // A year stated in the sentence ("the 2022 invasion") is not moved to an article's day in another year.
    expect(
      mergedDate([
        { date: { value: '2022', precision: 'year' }, dateFrom: 'sentence' },
        { date: day('2023-09-13'), dateFrom: 'anchor' },
      ]).date,
    ).toEqual({ value: '2022', precision: 'year' });
  });

  it("does not refine a stated date by an article's day unless the statement gives the days it spans", () => {
    // "In 2022" beside the day an article was published: the article's day is when the news was told.
    expect(
      mergedDate([
        { date: { value: '2022', precision: 'year' }, dateFrom: 'sentence' },
        { date: day('2022-09-13'), dateFrom: 'anchor' },
      ]),
    ).toMatchObject({ date: { value: '2022', precision: 'year' }, dateFrom: 'sentence' });
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence' },
        { date: day('2026-03-20'), dateFrom: 'anchor' },
      ]),
    ).toMatchObject({ date: month('2026-03'), dateFrom: 'sentence' });
    // A carried date ranks below the sentence's own: it does not refine it either.
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence' },
        { date: day('2026-03-20'), dateFrom: 'carried' },
      ]).date,
    ).toEqual(month('2026-03'));
    // A finer date of the same source does.
    expect(
      mergedDate([
        { date: month('2026-03'), dateFrom: 'sentence' },
        { date: day('2026-03-20'), dateFrom: 'sentence' },
      ]).date,
    ).toEqual(day('2026-03-20'));
  });

  it('gives the same answer whatever order the mentions come in', () => {
    const mentions: MentionDate[] = [
      { date: day('2026-03-09'), dateFrom: 'sentence', reported: day('2026-03-12') },
      { date: day('2026-03-10'), dateFrom: 'sentence', reported: day('2026-03-11') },
      {
        date: month('2026-03'),
        dateFrom: 'sentence',
        dateRange: { start: '2026-03-02', end: '2026-03-08' },
        reported: month('2026-03'),
      },
      { date: day('2026-03-09'), dateFrom: 'sentence', reported: day('2026-03-10') },
    ];
    const one = mergedDate(mentions);
    expect(one).toEqual({
      date: day('2026-03-09'),
      dateFrom: 'sentence',
      dateRange: null,
      reported: day('2026-03-10'),
    });
    expect(mergedDate([...mentions].reverse())).toEqual(one);
    expect(mergedDate([mentions[1]!, mentions[3]!, mentions[0]!, mentions[2]!])).toEqual(one);
  });

  it('keeps an undated event undated, with the first day it was reported (a day over its month)', () => {
    expect(
      mergedDate([
        { date: null, reported: day('2026-03-20') },
        { date: null, dateFrom: null, reported: day('2026-03-18') },
        { date: null, reported: month('2026-03') },
      ]),
    ).toEqual({ date: null, dateFrom: null, dateRange: null, reported: day('2026-03-18') });
  });
});
