import { describe, expect, it } from 'vitest';
import { exchangeClusters } from './exchange-clusters.js';

/** A made-up corpus in which days and cities fill different slots. */
function corpus(): string[][] {
  const days = ['Monday', 'Tuesday', 'Friday', 'Sunday'];
  const cities = ['Oslo', 'Lima', 'Quito', 'Hanoi'];
  const verbs = ['met', 'left', 'arrived', 'spoke'];
  const sents: string[][] = [];
  for (let i = 0; i < 400; i++) {
    const day = days[i % 4]!;
    const city = cities[(i * 7 + 1) % 4]!;
    const verb = verbs[(i * 3 + 2) % 4]!;
    sents.push(['The', 'envoy', verb, 'in', city, 'on', day, '.']);
  }
  return sents;
}

describe('exchangeClusters', () => {
  it('puts words that fill the same slot in one class and words of other slots elsewhere', () => {
    const r = exchangeClusters(corpus(), { classes: 6, minCount: 2 });
    const path = (w: string) => r.paths[r.words.indexOf(w)]!;
    expect(path('Tuesday')).toBe(path('Monday'));
    expect(path('Lima')).toBe(path('Oslo'));
    expect(path('left')).toBe(path('met'));
    expect(path('Oslo')).not.toBe(path('Monday'));
    expect(path('met')).not.toBe(path('Oslo'));
  });

  it('never lowers the likelihood from one pass to the next and is deterministic', () => {
    const a = exchangeClusters(corpus(), { classes: 5, minCount: 2 });
    for (let i = 1; i < a.objective.length; i++)
      expect(a.objective[i]!).toBeGreaterThanOrEqual(a.objective[i - 1]! - 1e-6);
    expect(exchangeClusters(corpus(), { classes: 5, minCount: 2 }).paths).toEqual(a.paths);
  });

  it('leaves out words below the count cut-off', () => {
    const sents = [...corpus(), ['A', 'rare', 'word', '.']];
    const r = exchangeClusters(sents, { classes: 4, minCount: 2 });
    expect(r.words).not.toContain('rare');
    expect(r.words).toContain('envoy');
  });
});
