import { describe, expect, it } from 'vitest';
import type { Dump, DumpLine, LineLabel } from './dumps.js';
import { examplesOf } from './train-lines.js';

/** A dump of invented articles: a headline, a blank line, two paragraphs each. */
function dumpOf(articles: ReadonlyArray<{ title: string; body: string[] }>): Dump {
  const lines: DumpLine[] = [];
  const add = (text: string, label: LineLabel, article: number) =>
    lines.push({ text, label, article, blankBefore: true, blankAfter: true });
  articles.forEach((a, i) => {
    add(a.title, 'headline', i);
    for (const p of a.body) add(p, 'body', i);
  });
  return {
    text: lines.map((l) => l.text).join('\n\n'),
    lines,
    articles: articles.map((a, i) => ({
      id: String(i),
      title: a.title,
      url: null,
      outlet: null,
      body: a.body,
      captions: [],
      junk: [],
      datedAs: null,
      dateline: false,
    })),
  };
}

const dump = dumpOf([
  {
    title: 'Harbour board rejects ferry plan',
    body: [
      'The harbour board of Velmar rejected the ferry plan on Monday after a long debate about its cost.',
      'Board members said the town could not carry the cost of the new pier alone.',
    ],
  },
  {
    title: 'Storm closes coastal road',
    body: [
      'A winter storm closed the coastal road between Portmere and Lindow for most of Tuesday.',
      'Crews cleared fallen trees and reopened one lane by the evening.',
    ],
  },
  {
    title: 'Library reopens after repairs',
    body: [
      'The Lindow library reopened on Wednesday after a year of repairs to its roof and windows.',
      'Readers queued outside before the doors opened.',
    ],
  },
]);

describe('training examples', () => {
  it('reads each headline after the article before it, as a correct segmentation leaves it', () => {
    const ex = examplesOf([dump]);
    // The third headline (line 6) stands two paragraphs into the article before.
    expect(ex[6]!.features).toContain('ap2');
  });

  it('reads some headlines as if the boundary before had been missed, when asked', () => {
    const ex = examplesOf([dump], 2);
    // Article 1 is taken as not started: its headline and paragraphs join article 0, so the third headline stands
    // five paragraphs in (two, the missed headline, two more).
    expect(ex[6]!.features).toContain('ap4');
    expect(ex[6]!.features).not.toContain('ap2');
    // The missed headline itself is read as it stands (after article 0's two paragraphs), and keeps its label.
    expect(ex[3]!.features).toContain('ap2');
    expect(ex[3]!.label).toBe(examplesOf([dump])[3]!.label);
  });
});
