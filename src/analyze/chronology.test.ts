import { describe, expect, it } from 'vitest';
import { chronology, type ChronologyArticle } from './chronology.js';

// A small collection written for this test: a bridge closes on 4 May; later reports keep pointing back at it.
// Publication volume peaks on 9 May (a quiet follow-up day), which must not outrank the day the reports name.
const ARTICLES: ChronologyArticle[] = [
  {
    id: 'r1',
    published: '2031-05-04',
    text: 'Engineers closed the old river bridge to all traffic on Sunday after cracks were found in two of its piers.',
  },
  {
    id: 'r2',
    published: '2031-05-06',
    text:
      'The river bridge, closed on Sunday after cracks were found in its piers, will stay shut for months. ' +
      'Commuters crowded the ferries on Tuesday as the city added extra crossings.',
  },
  {
    id: 'r3',
    published: '2031-05-07',
    text: 'Inspectors said the cracks found on May 4 in the piers of the river bridge had grown over many winters.',
  },
  {
    id: 'r4',
    published: '2031-05-09',
    text: 'Ferry operators reported record numbers of passengers this week on the busiest crossings of the river.',
  },
  {
    id: 'r5',
    published: '2031-05-09',
    text: 'Shops near the closed bridge said trade had fallen since the closure, and asked the city for help.',
  },
  {
    id: 'r6',
    published: '2031-05-09',
    text: 'The council met to weigh the cost of a temporary crossing, and the vote was put off to next month.',
  },
  {
    id: 'r7',
    published: '2031-05-20',
    text:
      'The city council voted on Tuesday to build a temporary steel crossing beside the closed bridge. ' +
      'The bridge itself was closed on May 4 after cracks were found in its piers.',
  },
];

describe('chronology', () => {
  it('ranks the day most reports point at first, above the day with most articles published', () => {
    const tl = chronology(ARTICLES, { dates: 1, sentences: 1 });
    expect(tl.map((e) => e.date)).toEqual(['2031-05-04']);
    expect(tl[0]!.sentences[0]).toMatch(/bridge/);
  });

  it('gives dates in order, at most K sentences each, each cited by article and span', () => {
    const tl = chronology(ARTICLES, { dates: 3, sentences: 2 });
    expect(tl).toHaveLength(3);
    expect(tl.map((e) => e.date)).toEqual([...tl.map((e) => e.date)].sort());
    for (const e of tl) {
      expect(e.sentences.length).toBeGreaterThan(0);
      expect(e.sentences.length).toBeLessThanOrEqual(2);
      expect(e.citations).toHaveLength(e.sentences.length);
      e.citations.forEach((c, i) => {
        const a = ARTICLES.find((x) => x.id === c.id)!;
        expect(a.text.slice(c.start, c.end)).toBe(e.sentences[i]);
      });
    }
  });

  it('keeps to the --from/--to range', () => {
    const tl = chronology(ARTICLES, { dates: 5, sentences: 1, from: '2031-05-08', to: '2031-05-31' });
    expect(tl.length).toBeGreaterThan(0);
    for (const e of tl) {
      expect(e.date >= '2031-05-08').toBe(true);
      expect(e.date <= '2031-05-31').toBe(true);
    }
  });

  it('returns nothing for an empty collection', () => {
    expect(chronology([], { dates: 3, sentences: 1 })).toEqual([]);
  });
});
