import { describe, expect, it } from 'vitest';
import { timexesOfText } from './text.js';

/** The value of `phrase` in `text` resolved against `dct`. */
const value = (text: string, dct: string, phrase: string): string | undefined =>
  timexesOfText(text, dct).find((t) => t.text === phrase)?.value;

const DCT = '2026-03-11';

describe('narrative time from a year or month the text named', () => {
  it('"a year later", "three years earlier", "a decade on" count from the year just named, not the article', () => {
    expect(value('The mill opened in 2014. A year later, it closed.', DCT, 'A year later')).toBe('2015');
    expect(value('Rebels took the pass in 2014, and troops retook it two years later.', DCT, 'two years later')).toBe(
      '2016',
    );
    expect(
      value('The mill opened in 2014. Three years earlier, the site was a farm.', DCT, 'Three years earlier'),
    ).toBe('2011');
    expect(value('The mill opened in 2014. A decade later, it closed.', DCT, 'A decade later')).toBe('2024');
    expect(value('The mill opened in the summer of 2019. A year later, it shut.', DCT, 'A year later')).toBe('2020');
  });
  it('months count from a month just named; from a year alone the month is not known', () => {
    expect(value('The mill opened in March 2019. Three months later, it closed.', DCT, 'Three months later')).toBe(
      '2019-06',
    );
    expect(value('The mill opened in 2014. Six months later, it closed.', DCT, 'Six months later')).toBe('XXXX-XX');
  });
  it('counterparts: with nothing named, or a day named last, or the year far back, the count is as before', () => {
    expect(value('Sales rose 5% from a year earlier, the firm said.', DCT, 'a year earlier')).toBe('2025');
    expect(
      value('The mill opened in 2014. On March 2, 2019, it shut. A year later it reopened.', DCT, 'A year later'),
    ).toBe('2020');
    expect(value('The mill opened on Monday. Two days later, it shut.', DCT, 'Two days later')).toBe('2026-03-11');
    expect(
      value(
        'The mill opened in 1998. Its owner sold it. The buyer kept the staff. Workers were pleased. Sales rose 5% from a year earlier.',
        DCT,
        'a year earlier',
      ),
    ).toBe('2025');
    // "ago" counts from the article, whatever was named before.
    expect(value('The mill opened in 2014. Two years ago, it closed.', DCT, 'Two years ago')).toBe('2024');
  });
});

describe('a month placing a past event', () => {
  it('"closed in May" in March is last May: a past event lies before the report', () => {
    expect(value('The mill closed in May.', DCT, 'May')).toBe('2025-05');
    expect(value('The strike began during April.', DCT, 'April')).toBe('2025-04');
  });
  it('counterparts: a date announced in the past tense, after a noun or a participle of "be", stays ahead', () => {
    expect(value('The board set the vote for June.', DCT, 'June')).toBe('2026-06');
    expect(value('The firm announced a cut in its output in May.', DCT, 'May')).toBe('2026-05');
    expect(value('The vote was scheduled in May.', DCT, 'May')).toBe('2026-05');
    expect(value('The mill closed in February.', DCT, 'February')).toBe('2026-02');
  });
});
