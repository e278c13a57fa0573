import { describe, expect, it } from 'vitest';
import { timexesOfText } from './text.js';

/** The value of `phrase` in `text` resolved against `dct`. */
const value = (text: string, dct: string, phrase: string): string | undefined =>
  timexesOfText(text, dct).find((t) => t.text === phrase)?.value;

/** An invented article date: Wednesday 2026-03-11. */
const DCT = '2026-03-11';

describe('a clock time and its day across a bracketed conversion', () => {
  it('gives "10:35 a.m. (0735 GMT) Friday" the day of the weekday after the brackets', () => {
    expect(value('The bridge gave way at 10:35 a.m. (0735 GMT) Friday, cutting the road.', DCT, '10:35 a.m.')).toBe(
      '2026-03-06T10:35',
    );
    expect(value('The ferry will leave at 9 a.m. (1300 GMT) Saturday.', DCT, '9 a.m.')).toBe('2026-03-14T09:00');
  });
  it('keeps the anchor day when no day word follows the brackets, and a lower-case "wed" is no day', () => {
    expect(value('The bridge gave way at 10:35 a.m. (0735 GMT), cutting the road.', DCT, '10:35 a.m.')).toBe(
      '2026-03-11T10:35',
    );
    expect(value('They met at 4 p.m. (2100 GMT) wed in the old chapel.', DCT, '4 p.m.')).toBe('2026-03-11T16:00');
  });
});

describe('"last" with the month just past', () => {
  it('reads "last February" said in March as the February of the year before', () => {
    expect(value('Two trawlers sank off the cape last February.', DCT, 'last February')).toBe('2025-02');
  });
  it('keeps the most recent one for months further back, and "last month" for the month just past', () => {
    expect(value('Two trawlers sank off the cape last November.', DCT, 'last November')).toBe('2025-11');
    expect(value('Two trawlers sank off the cape last month.', DCT, 'last month')).toBe('2026-02');
    expect(value('Two trawlers sank off the cape last December.', '2026-01-20', 'last December')).toBe('2025-12');
  });
});
