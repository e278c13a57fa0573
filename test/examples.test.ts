import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/analyze/index.js';
import {
  allArticles,
  allClaimGroups,
  allClaims,
  allEntities,
  allEvents,
  allQuotes,
  openDb,
} from '../src/store/index.js';
import type { ExportEvent } from '../src/model/index.js';
import { decodeText } from '../src/ingest/index.js';
import { segmentText } from '../src/segment/index.js';
import { createDoc } from '../src/model/index.js';
import { tokenize } from '../src/language/index.js';
import { annotateTime } from '../src/time/index.js';

/**
 * Segmentation measured against the hand-written expectations of both example dumps. The harbour
 * dump is the development corpus; the second dump is never tuned on — only measured here.
 */
const ROOT = new URL('..', import.meta.url).pathname;

interface Expected {
  title: string;
  url: string | null;
  outlet: string | null;
  captions: number;
  firstBodyWords: string;
  lastBodyWords: string;
}

async function score(dir: string, file: string) {
  const decoded = decodeText(readFileSync(join(ROOT, 'examples', dir, file)));
  if ('error' in decoded) throw new Error(decoded.error);
  const expected = JSON.parse(readFileSync(join(ROOT, 'examples', `${dir}.expected.json`), 'utf8')) as Expected[];
  const articles = await segmentText(decoded.text, file);
  const fields = ['title', 'url', 'outlet', 'captions', 'first', 'last'] as const;
  const right: Record<(typeof fields)[number], number> = {
    title: 0,
    url: 0,
    outlet: 0,
    captions: 0,
    first: 0,
    last: 0,
  };
  expected.forEach((e, i) => {
    const a = articles[i];
    if (!a) return;
    const words = a.text.split(/\s+/).filter(Boolean);
    if (a.title === e.title) right.title++;
    if (a.url === e.url) right.url++;
    if (a.outlet === e.outlet) right.outlet++;
    if (a.captions.length === e.captions) right.captions++;
    if (words.slice(0, 6).join(' ') === e.firstBodyWords) right.first++;
    if (words.slice(-6).join(' ') === e.lastBodyWords) right.last++;
  });
  const accuracy = Object.fromEntries(fields.map((f) => [f, right[f] / expected.length])) as Record<
    (typeof fields)[number],
    number
  >;
  process.stderr.write(
    `[examples] ${dir}: ${articles.length}/${expected.length} articles; ${fields.map((f) => `${f} ${(accuracy[f] * 100).toFixed(0)}%`).join(', ')}\n`,
  );
  return { count: articles.length, expected: expected.length, accuracy };
}

describe('example dumps', () => {
  it('segments the demo corpus (development set) as its expectations say', async () => {
    const r = await score('dump-harbour', 'harbour-crisis.txt');
    expect(r.count).toBe(r.expected);
    expect(r.accuracy.title).toBe(1);
    expect(r.accuracy.url).toBe(1);
    expect(r.accuracy.captions).toBe(1);
    expect(r.accuracy.first).toBe(1);
    expect(r.accuracy.last).toBe(1);
    expect(r.accuracy.outlet).toBeGreaterThanOrEqual(0.8);
  });

  it('segments the summit sequel (the workbench walk-through adds it to the demo corpus)', async () => {
    const r = await score('dump-summit', 'aldmark-summit.txt');
    expect(r.count).toBe(r.expected);
    for (const f of ['title', 'url', 'first', 'last'] as const) expect(r.accuracy[f]).toBe(1);
  });

  it('segments the independent second dump (never tuned on) well enough', async () => {
    const r = await score('dump-second', 'doping-inquiry.txt');
    expect(r.count).toBe(r.expected);
    for (const f of ['title', 'url', 'first', 'last', 'captions'] as const)
      expect(r.accuracy[f]).toBeGreaterThanOrEqual(0.75);
  });

  it('dates every demo article as its expectations say (value and provenance; null where nothing dates it)', async () => {
    const decoded = decodeText(readFileSync(join(ROOT, 'examples', 'dump-harbour', 'harbour-crisis.txt')));
    if ('error' in decoded) throw new Error(decoded.error);
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples', 'dump-harbour.expected.json'), 'utf8')) as Array<{
      published: string | null;
      publishedFrom: string | null;
    }>;
    const articles = await segmentText(decoded.text, 'harbour-crisis.txt');
    const got = articles.map((a, i) => {
      const doc = createDoc(String(i), a);
      tokenize(doc);
      annotateTime(doc);
      return { published: doc.published?.value ?? null, publishedFrom: doc.published?.from ?? null };
    });
    expect(got).toEqual(expected.map((e) => ({ published: e.published, publishedFrom: e.publishedFrom })));
  });

  it('attributes the demo quotes to the right speakers across articles and groups accusations with their denials', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sitrep-examples-')), 'harbour.db');
    await analyzePaths([join(ROOT, 'examples/dump-harbour')], dbPath, { threads: 0 });
    const db = openDb(dbPath);
    try {
      const quotes = [...allQuotes(db)];
      const entityName = new Map([...allEntities(db)].map((e) => [e.id, e.name]));
      const quote = (start: string) => {
        const q = quotes.find((x) => x.text.includes(start));
        if (!q) throw new Error(`no quote "${start}"`);
        return {
          span: q.speakerSpan?.text ?? null,
          name: q.speakerId ? entityName.get(q.speakerId) : null,
          id: q.speakerId,
        };
      };
      expect(quote('We do not yet say who did this')).toMatchObject({ span: 'she', name: 'Mara Lindqvist' });
      expect(quote('What happened on Monday night was not law enforcement')).toMatchObject({
        span: 'Ilic',
        name: 'Dragan Ilic',
      });
      expect(quote('Firing ballistic missiles into a sea full of ferries')).toMatchObject({
        span: 'she',
        name: 'Sofia Renner',
      });
      expect(quote('This is coercion by calendar')).toMatchObject({ span: 'Katrin Novak', name: 'Katrin Novak' });
      // One actor across articles: Aalto's words in the first and in a later article.
      expect(quote('a dangerous overreaction').id).toBe(quote('What matters to us is not the name of the admiral').id);
      // Every quote carries the day its article reported it, and a date only with its source and precision.
      const published = new Map([...allArticles(db)].map((a) => [a.id, a.published]));
      for (const q of quotes) {
        expect(q.reported).toBe(published.get(q.articleId));
        if (q.date) expect([q.dateFrom, q.datePrecision]).toEqual([expect.any(String), expect.any(String)]);
        else expect(q.dateFrom).toBeNull();
      }

      const claims = new Map([...allClaims(db)].map((c) => [c.id, c]));
      const groups = [...allClaimGroups(db)].map((g) => g.claimIds.map((id) => claims.get(id)!));
      const sides = (g: (typeof groups)[number]) =>
        g.map((c) => `${c.stance}:${c.claimantId ? entityName.get(c.claimantId) : c.claimant}`);
      const jamming = groups.find((g) => g.some((c) => c.stance === 'accuses' && /jamming/.test(c.proposition)));
      expect(jamming && sides(jamming)).toEqual(expect.arrayContaining(['accuses:Norvessa', 'denies:Dragan Ilic']));
      const captain = groups.find((g) => g.some((c) => c.stance === 'accuses' && /Lesko/.test(c.proposition)));
      expect(captain && sides(captain)).toEqual(expect.arrayContaining(['accuses:Stefan Morav', 'denies:Norvessa']));
      for (const c of claims.values()) expect(c.evidence[0]!.end).toBeGreaterThan(c.evidence[0]!.start);
    } finally {
      db.close();
    }
  });
});

describe('events of the demo corpus', () => {
  // The whole run: pipeline, store, corpus resolution (events merged across sentences and outlets).
  let events: ExportEvent[] = [];
  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sitrep-ex-')), 'ex.db');
    await analyzePaths([join(ROOT, 'examples/dump-harbour')], dbPath, { threads: 0 });
    const db = openDb(dbPath, { readonly: true });
    events = [...allEvents(db)];
    db.close();
  });

  const find = (type: string, source: string, target?: string): ExportEvent[] =>
    events.filter(
      (e) => e.type === type && e.source.includes(source) && (target === undefined || e.target.includes(target)),
    );

  it('lists the U.S. sanctions once, dated, with every outlet that reported them', () => {
    const hits = find('SANCTION', 'United States', 'Veskaria').filter((e) => e.date === '2026-03-13');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.articleIds.length).toBeGreaterThanOrEqual(2);
    expect(hits[0]!.mentions).toBeGreaterThanOrEqual(2);
    expect(hits[0]!.attributes).toMatchObject({ imposer: ['United States'], sanctioned: ['Veskaria'] });
  });

  it('reads the missile launch with its count, class and sea area', () => {
    const launch = find('MOBILIZE', 'Veskaria').find((e) => e.attributes.seaArea === 'Halder Sea');
    expect(launch).toBeDefined();
    expect(launch!.attributes).toMatchObject({ count: 3 });
    expect(launch!.attributes.class).toEqual(expect.arrayContaining(['short-range', 'ballistic']));
    expect(launch!.date).toMatch(/^2026-03-1[01]$/);
  });

  it('reads the dismissal of the navy chief as a personnel change', () => {
    const sacking = find('COERCE', 'Teodor Vanek', 'Ruslan Dobrev');
    expect(sacking).toHaveLength(1);
    expect(sacking[0]!.date).toBe('2026-03-14');
    expect(sacking[0]!.attributes.person).toBe('Ruslan Dobrev');
  });

  it('places the Geneva talks and keeps the coast guard boarding in the strait', () => {
    const talks = events.find(
      (e) => e.type === 'CONSULT' && e.source.includes('Norvessa') && e.source.includes('Veskaria'),
    );
    expect(talks).toMatchObject({ location: 'Geneva', date: '2026-03-16' });
    const boarding = find('COERCE', 'Norvessa', 'Mirela Star');
    expect(boarding).toHaveLength(1);
    expect(boarding[0]!.date).toBe('2026-03-09');
  });

  it('flags what did not happen: the question whether the U.S. would send warships, and a denied blockade', () => {
    const question = find('MOBILIZE', 'United States');
    expect(question.length).toBeGreaterThan(0);
    expect(question.every((e) => e.hypothetical)).toBe(true);
    const denial = find('COERCE', 'Veskaria').find((e) => e.negated);
    expect(denial?.mode).toBe('denied');
  });
});
