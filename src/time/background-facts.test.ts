import { describe, expect, it } from 'vitest';
import { article, dateOf } from './test-article.js';

describe('background facts (issue 19, item 2): never the article day', () => {
  it('leaves a fact placed after or before an occasion of an earlier year undated', () => {
    expect(
      dateOf(article('After the 2006 test, the council imposed sanctions on the firm.'), 'imposed').date,
    ).toBeNull();
    expect(dateOf(article('Following the 2014 floods, the town built a new levee.'), 'built').date).toBeNull();
    expect(dateOf(article('Before the March 2019 vote, the party split into two camps.'), 'split').date).toBeNull();
    expect(dateOf(article('Until 2020, the ferry sailed twice a day.'), 'sailed').date).toBeNull();
  });
  it('keeps the article day for a bound of this year or this week, or with no expression', () => {
    expect(dateOf(article("After Monday's vote, the council imposed sanctions."), 'imposed')).toMatchObject({
      date: { value: '2026-03-11' },
      dateFrom: 'anchor',
    });
    expect(dateOf(article('After the vote, the council imposed sanctions.'), 'imposed').dateFrom).toBe('anchor');
    expect(dateOf(article('After the January talks, the council imposed sanctions.'), 'imposed').dateFrom).toBe(
      'anchor',
    );
  });
  it('carries a year or month the narrative is placed in to the past-tense sentence after it', () => {
    const doc = article(
      'The mine collapsed in 2006. Rescuers pulled out twelve men. The operator has paid no damages.',
    );
    expect(dateOf(doc, 'pulled')).toMatchObject({ date: { value: '2006', precision: 'year' }, dateFrom: 'carried' });
    // A present perfect tells of the time up to now: no year carried to it.
    expect(dateOf(doc, 'paid').dateFrom).toBe('anchor');
    const month = article('In May 2024, the ferry ran aground. Its crew waded ashore.');
    expect(dateOf(month, 'waded')).toMatchObject({ date: { value: '2024-05' }, dateFrom: 'carried' });
  });
  it('carries no year of the article, nor a year named after a noun ("a 2006 law")', () => {
    const doc = article('In 2026 the fund grew. The board approved the plan.');
    expect(dateOf(doc, 'approved').dateFrom).toBe('anchor');
    const noun = article('The court cited a 2006 law. The minister resigned.');
    expect(dateOf(noun, 'resigned').dateFrom).toBe('anchor');
  });
});
