import { describe, expect, it } from 'vitest';
import { textDoc } from '../language/test-tagger.js';
import type { DateEvidence, Doc } from '../model/index.js';
import { tokenize } from '../language/tokenize.js';
import { annotateTime } from './annotate.js';
import { dateOfSpan } from './date-of-span.js';

function article(text: string, dateEvidence: DateEvidence[] = []): Doc {
  const doc = textDoc('t', text, dateEvidence);
  tokenize(doc);
  annotateTime(doc);
  return doc;
}

const ev = (value: string, from: DateEvidence['from'], kind?: DateEvidence['kind']): DateEvidence => ({
  value,
  precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year',
  from,
  evidence: value,
  ...(kind ? { kind } : {}),
});

describe('document dates', () => {
  it('prefers the URL, then published metadata, then captions', () => {
    const doc = article('The port reopened on Monday.', [
      ev('2026-03-12', 'caption'),
      ev('2026-03-10', 'url'),
      ev('2026-03-11', 'metadata', 'published'),
    ]);
    expect(doc.published).toEqual({ value: '2026-03-10', precision: 'day', from: 'url' });
  });
  it('keeps the anchor at the latest date the article carries (an update) and resolves against it', () => {
    const doc = article('The port reopened yesterday.', [
      ev('2026-03-10', 'url'),
      ev('2026-03-14', 'metadata', 'updated'),
    ]);
    expect(doc.published?.value).toBe('2026-03-10');
    expect(doc.anchor).toEqual({ value: '2026-03-14', precision: 'day', from: 'metadata' });
    expect(doc.timexes[0]?.value).toBe('2026-03-13');
  });
  it('refines a month-only URL with a caption day inside it', () => {
    const doc = article('Analysis of the standoff.', [ev('2026-03', 'url'), ev('2026-03-17', 'caption')]);
    expect(doc.published).toEqual({ value: '2026-03-17', precision: 'day', from: 'caption' });
    const coarse = article('Analysis of the standoff.', [ev('2026-03', 'url')]);
    expect(coarse.published).toEqual({ value: '2026-03', precision: 'month', from: 'url' });
  });
  it('reads a dateline, taking a missing year from the other evidence', () => {
    expect(article('KELLHAVEN, 15 March 2026 — Four ships waited.').published).toEqual({
      value: '2026-03-15',
      precision: 'day',
      from: 'text',
    });
    const doc = article('PORTAVEL, March 12 (GlobalWire) — The envoy arrived.', [ev('2026-03-11', 'caption')]);
    // Captions and the dateline are one tier: the later day (the filing day) wins.
    expect(doc.published).toEqual({ value: '2026-03-12', precision: 'day', from: 'text' });
  });
  it('uses the latest full date written in the text when nothing else dates the article', () => {
    const doc = article('The treaty was signed on 2 March 2026. Talks resumed on March 9, 2026.');
    expect(doc.published).toEqual({ value: '2026-03-09', precision: 'day', from: 'text' });
  });
  it('takes a story date only when the article carries none of its own', () => {
    const story = ev('2026-03-12', 'story');
    expect(article('Talks resumed on Friday.', [story]).published).toEqual({
      value: '2026-03-12',
      precision: 'day',
      from: 'story',
    });
    expect(article('Talks resumed on Friday.', [story]).timexes[0]?.value).toBe('2026-03-06');
    expect(article('Talks resumed on Friday.', [story, ev('2026-03-14', 'caption')]).published?.from).toBe('caption');
  });
  it('guesses nothing', () => {
    const doc = article('Talks resumed on Friday, 40 years after the war.');
    expect(doc.published).toBeNull();
    expect(doc.anchor).toBeNull();
    expect(doc.timexes.map((t) => t.value)).toEqual(['XXXX-WXX-5', 'P40Y']);
  });
});

describe('dateOfSpan', () => {
  const text = 'The navy seized the ship on Tuesday. Officials said the 2024 treaty still holds. Talks continue.';
  const doc = article(text, [ev('2026-03-13', 'url')]);
  const spanOf = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  it('takes a calendar expression in the same sentence', () => {
    expect(dateOfSpan(doc, spanOf('seized'))).toEqual({ value: '2026-03-10', precision: 'day' });
  });
  it('falls back to the anchor when the only date modifies a noun', () => {
    expect(dateOfSpan(doc, spanOf('said'))).toEqual({ value: '2026-03-13', precision: 'day' });
    expect(dateOfSpan(doc, spanOf('continue'))).toEqual({ value: '2026-03-13', precision: 'day' });
  });
  it('skips bounds and years that modify a noun', () => {
    const t = 'The two navies have clashed since a 2019 agreement. Troops left in 2021.';
    const d = article(t, [ev('2026-03-13', 'url')]);
    expect(dateOfSpan(d, { start: t.indexOf('clashed'), end: t.indexOf('clashed') + 7 })).toEqual({
      value: '2026-03-13',
      precision: 'day',
    });
    expect(dateOfSpan(d, { start: t.indexOf('left'), end: t.indexOf('left') + 4 })).toEqual({
      value: '2021',
      precision: 'year',
    });
  });
  it('is null for an undated article', () => {
    const undated = article('Talks continue.');
    expect(dateOfSpan(undated, { start: 6, end: 14 })).toBeNull();
  });
});
