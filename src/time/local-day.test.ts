import { describe, expect, it } from 'vitest';
import { tokenize } from '../language/tokenize.js';
import { createDoc, type DateEvidence, type Doc } from '../model/index.js';
import { annotateTime } from './annotate.js';
import { datelinePlace, localDays, publisherZone, utcOffsetMinutes } from './local-day.js';

/** An invented wire report, stamped with its publisher's day (URL date). */
function report(text: string, urlDay: string, url: string | null = null): Doc {
  const evidence: DateEvidence = { value: urlDay, precision: 'day', from: 'url', evidence: urlDay };
  const doc = createDoc('t', {
    title: 'T',
    url,
    outlet: null,
    text,
    captions: [],
    dateEvidence: [evidence],
    origin: 'test',
    warnings: [],
  });
  tokenize(doc);
  annotateTime(doc);
  return doc;
}

const timexValue = (doc: Doc, text: string): string | undefined => doc.timexes.find((t) => t.text === text)?.value;

describe('dateline places and zones', () => {
  it('reads the place of datelines with and without a date or an agency', () => {
    expect(datelinePlace('SEOUL (Wire) — The talks resumed.')).toEqual({ place: 'SEOUL', zone: 'Asia/Seoul' });
    expect(datelinePlace('VLADIVOSTOK, Russia, Sept. 13 (Wire) — A forum opened.')?.zone).toBe('Asia/Vladivostok');
    expect(datelinePlace('Kyiv (Wire) - Sirens sounded.')?.zone).toBe('Europe/Kyiv');
    // An unknown town is placed by its country.
    expect(datelinePlace('KORSUNKA, Ukraine (Wire) — Crews worked.')?.zone).toBe('Europe/Kyiv');
    expect(datelinePlace('The talks resumed in Seoul on Thursday.')).toBeNull();
  });

  it('takes the zone of a city its own table lacks from the world city table, and none for a place no table knows', () => {
    expect(datelinePlace('MOSUL (Wire) — Power returned to the old city.')).toEqual({
      place: 'MOSUL',
      zone: 'Asia/Baghdad',
    });
    expect(datelinePlace('KANDAHAR, March 3 (Wire) — Markets reopened.')?.zone).toBe('Asia/Kabul');
    expect(datelinePlace('KELLHAVEN (Wire) — Ferries ran again.')).toBeNull();
  });
  it('computes offsets with summer time from Intl', () => {
    expect(utcOffsetMinutes('Asia/Seoul', { y: 2026, m: 1, d: 15 })).toBe(540);
    expect(utcOffsetMinutes('America/New_York', { y: 2026, m: 1, d: 15 })).toBe(-300);
    expect(utcOffsetMinutes('America/New_York', { y: 2026, m: 7, d: 15 })).toBe(-240);
    expect(utcOffsetMinutes('Australia/Sydney', { y: 2026, m: 1, d: 15 })).toBe(660);
  });
  it('knows a publisher zone only from a single-zone country domain', () => {
    expect(publisherZone('https://news.example.co.kr/a/1')).toBe('Asia/Seoul');
    expect(publisherZone('https://wire.example.com/a/1')).toBeNull();
  });
  it('allows the next local day east of the publisher, the day before west of it, none for Kyiv', () => {
    const day = (value: string) => ({ value, precision: 'day' as const, from: 'url' as const });
    expect(localDays('SEOUL (Wire) — x', null, day('2026-03-11'))).toMatchObject({
      from: '2026-03-11',
      to: '2026-03-12',
    });
    expect(localDays('SYDNEY (Wire) — x', null, day('2026-03-11'))).toMatchObject({
      from: '2026-03-11',
      to: '2026-03-12',
    });
    expect(localDays('KYIV (Wire) — x', null, day('2026-03-11'))).toMatchObject({
      from: '2026-03-11',
      to: '2026-03-11',
    });
    expect(localDays('WASHINGTON (Wire) — x', null, day('2026-03-11'))).toMatchObject({
      from: '2026-03-10',
      to: '2026-03-11',
    });
    // A Korean site stamps the Seoul day; a dateline's own day is local already.
    expect(localDays('SEOUL (Wire) — x', 'https://a.example.co.kr/1', day('2026-03-11'))).toMatchObject({
      to: '2026-03-11',
    });
    expect(localDays('SEOUL (Wire) — x', null, { value: '2026-03-11', precision: 'day', from: 'text' })).toBeNull();
  });
});

describe('weekdays of foreign datelines', () => {
  // 2026-03-11 is a Wednesday (the US day of the stamp); 2026-03-12 a Thursday.
  it('a Seoul story stamped Wednesday that says "on Thursday" means the same week, and its "yesterday" follows', () => {
    const doc = report('SEOUL (Wire) — The envoys met on Thursday. Talks had stalled yesterday.', '2026-03-11');
    expect(timexValue(doc, 'Thursday')).toBe('2026-03-12');
    expect(timexValue(doc, 'yesterday')).toBe('2026-03-11');
    expect(doc.anchor?.value).toBe('2026-03-12');
    expect(doc.localDays).toMatchObject({ zone: 'Asia/Seoul', from: '2026-03-11', to: '2026-03-12' });
  });
  it('the same for Vladivostok and Sydney', () => {
    expect(
      timexValue(report('VLADIVOSTOK, Russia (Wire) — The forum closed on Thursday.', '2026-03-11'), 'Thursday'),
    ).toBe('2026-03-12');
    expect(timexValue(report('SYDNEY (Wire) — The ferry sank on Thursday.', '2026-03-11'), 'Thursday')).toBe(
      '2026-03-12',
    );
  });
  it('an earlier weekday stays in the same week, and the anchor stays the stamp', () => {
    const doc = report('SEOUL (Wire) — The envoys met on Monday. Talks stalled yesterday.', '2026-03-11');
    expect(timexValue(doc, 'Monday')).toBe('2026-03-09');
    expect(timexValue(doc, 'yesterday')).toBe('2026-03-10');
    expect(doc.anchor?.value).toBe('2026-03-11');
  });
  it('Kyiv and Washington stories keep the latest weekday up to the stamp', () => {
    expect(timexValue(report('KYIV (Wire) — Drones struck on Thursday.', '2026-03-11'), 'Thursday')).toBe('2026-03-05');
    expect(timexValue(report('WASHINGTON (Wire) — The Senate voted on Tuesday.', '2026-03-11'), 'Tuesday')).toBe(
      '2026-03-10',
    );
  });
  it('future weekdays and "last Thursday" are not moved', () => {
    const doc = report('SEOUL (Wire) — The envoys will meet on Friday, after talks last Thursday.', '2026-03-11');
    expect(timexValue(doc, 'Friday')).toBe('2026-03-13');
    expect(timexValue(doc, 'last Thursday')).toBe('2026-03-05');
  });
  it('a story without a dateline reads weekdays against its stamp as before', () => {
    expect(timexValue(report('The envoys met on Thursday in Seoul.', '2026-03-11'), 'Thursday')).toBe('2026-03-05');
  });
});
