import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle, timelinePage } from '../analyze/index.js';
import {
  articleDetail,
  articleWriter,
  type Db,
  evidenceTexts,
  evidenceWithTimex,
  openDb,
  removeArticle,
} from '../store/index.js';
import { textArticle } from '../model/index.js';
import { exampleStore } from './test-store.js';

let db: Db;

beforeAll(async () => {
  ({ db } = await exampleStore('timeline-evidence'));
}, 120_000);

afterAll(() => db?.close());

/**
 * What an entry must show, worked out from the article itself: the span's text, and the first dated timex inside it
 * when the event's date was read off its sentence.
 */
function expected(e: {
  date: string | null;
  dateFrom?: string | null;
  evidence: Array<{ articleId: string; start: number; end: number }>;
}) {
  const ev = e.evidence[0]!;
  const a = articleDetail(db, ev.articleId)!;
  const t = a.timexes.find((x) => x.start >= ev.start && x.end <= ev.end && x.precision !== null);
  return {
    sentence: a.text.slice(ev.start, ev.end),
    dateEvidence:
      e.date && t && e.dateFrom === 'sentence'
        ? { articleId: ev.articleId, start: t.start, end: t.end, text: t.text }
        : (null as unknown),
  };
}

describe('timeline evidence', () => {
  it('shows each event’s sentence and dating expression, read fresh and from the kept spans alike', () => {
    const pass = () => {
      const { days, total } = timelinePage(db, 0, 1000);
      expect(total).toBeGreaterThan(10);
      return days.flatMap((d) => d.events);
    };
    const cold = pass();
    const dated = cold.filter((e) => e.dateEvidence !== null);
    // The example corpus dates some of its events by an expression in the sentence itself.
    expect(dated.length).toBeGreaterThan(0);
    // And some by their article although their sentence names another time: no dating expression is shown for them.
    const other = cold.filter((e) => {
      const ev = e.evidence[0]!;
      const timexes = articleDetail(db, ev.articleId)!.timexes;
      return e.dateFrom === 'anchor' && timexes.some((x) => x.start >= ev.start && x.end <= ev.end && x.precision);
    });
    expect(other.length).toBeGreaterThan(0);
    for (const e of other) expect(e.dateEvidence).toBeNull();
    for (const e of cold) expect({ sentence: e.sentence, dateEvidence: e.dateEvidence }).toEqual(expected(e));
    // The second pass reads every span from the cache: the same entries.
    expect(pass()).toEqual(cold);
  });

  it('answers a span of an article the store does not hold with no text, and keeps nothing for it', () => {
    const ghost = { articleId: '0000000000000000', start: 0, end: 5 };
    expect(evidenceWithTimex(db, [ghost])).toEqual([{ text: '', timex: null }]);
    const real = timelinePage(db, 0, 1).days[0]!.events[0]!.evidence[0]!;
    const [a, b] = evidenceWithTimex(db, [real, ghost]);
    expect(a!.text).toBe(articleDetail(db, real.articleId)!.text.slice(real.start, real.end));
    expect(b).toEqual({ text: '', timex: null });
  });

  it('cuts a span after an astral character (an emoji) at its UTF-16 offsets', () => {
    const own = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-evidence-astral-')), 'store.db'));
    try {
      const text =
        'Crowds cheered 🎉 as the bridge opened on Monday.\n\nThe mayor said on Tuesday that tolls would end in May.';
      const doc = analyzeArticle(
        textArticle(text, 'astral.txt', { title: 'Bridge opens', authors: [], paragraphs: [] }),
        'astral0000000001',
      );
      articleWriter(own).insert(doc);
      const start = text.indexOf('The mayor');
      const span = { articleId: 'astral0000000001', start, end: text.length };
      expect(evidenceWithTimex(own, [span])[0]!.text).toBe('The mayor said on Tuesday that tolls would end in May.');
      expect(evidenceTexts(own, [span])[0]!.text).toBe(text.slice(start));
    } finally {
      own.close();
    }
  });

  it('cuts every span as JavaScript slices the stored text, astral pairs and NUL characters included', () => {
    const own = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-evidence-every-')), 'store.db'));
    try {
      const texts = {
        astral0000000002: 'Ships 🚢 left port 🌊🌊 on Friday; the 😀 crew waved.',
        nul0000000000003: 'Ferry\u0000 service resumed 🚢 on Sunday after\u0000 repairs.',
      };
      for (const [id, text] of Object.entries(texts))
        articleWriter(own).insert(
          analyzeArticle(textArticle(text, `${id}.txt`, { title: 'Port', authors: [], paragraphs: [] }), id),
        );
      let cut = 0;
      for (const id of Object.keys(texts)) {
        const stored = articleDetail(own, id)!.text;
        // What the check is about is still there once stored: the astral characters, the NULs.
        expect(stored).toMatch(id.startsWith('nul') ? /\u0000.*🚢.*\u0000/ : /🚢.*🌊🌊.*😀/);
        for (let start = 0; start <= stored.length + 1; start++)
          for (let end = start; end <= stored.length + 2; end += 3) {
            const span = { articleId: id, start, end };
            const want = stored.slice(start, end);
            expect(evidenceTexts(own, [span])[0]!.text).toBe(want);
            expect(evidenceWithTimex(own, [span])[0]!.text).toBe(want);
            cut++;
          }
      }
      expect(cut).toBeGreaterThan(300);
    } finally {
      own.close();
    }
  });

  it('shows the new text of an article made again under the same id (a split part remade)', () => {
    const own = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-evidence-remade-')), 'store.db'));
    try {
      const store = (text: string) =>
        articleWriter(own).insert(
          analyzeArticle(
            textArticle(text, 'dump.txt#2@40', { title: 'Part two', authors: [], paragraphs: [] }),
            'part000000000002',
          ),
        );
      store('Navy drills near the strait\n\nThe navy held drills near the strait on Wednesday.');
      const span = { articleId: 'part000000000002', start: 0, end: 27 };
      expect(evidenceWithTimex(own, [span])[0]!.text).toBe('Navy drills near the strait');
      // Made again with its first line read as a headline: another text, the same id, a new row.
      own.transaction(() => removeArticle(own, 'part000000000002'))();
      const remade = 'The navy held drills near the strait on Wednesday.';
      store(remade);
      expect(evidenceWithTimex(own, [span])[0]!.text).toBe(remade.slice(0, 27));
    } finally {
      own.close();
    }
  });
});
