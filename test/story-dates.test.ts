import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeItems } from '../src/analyze/index.js';
import type { IngestItem, RawArticle } from '../src/model/index.js';
import { allArticles, openDb } from '../src/store/index.js';

/** An undated near-duplicate of a dated article takes its date, marked `story`; nothing else does. */
const BODY = [
  'Harbour pilots in Veldmark walked off the job on Tuesday after talks over night-shift pay broke down, the pilots union said.',
  'Union secretary Ilse Varga said about forty pilots had joined the stoppage and that ships would queue outside the port until the authority returned to the table.',
  'The port authority said it regretted the action and that a mediator had been asked to meet both sides before the weekend.',
  'Shipping agents said at least six container vessels were waiting at anchor by the evening, and two ferries had been cancelled.',
].join('\n\n');

function article(title: string, url: string | null, text: string): RawArticle {
  return {
    title,
    url,
    outlet: null,
    text,
    captions: [],
    dateEvidence: url ? [{ value: '2026-05-12', precision: 'day', from: 'url', evidence: url }] : [],
    origin: title,
    warnings: [],
  };
}

async function* items(list: RawArticle[]): AsyncIterable<IngestItem> {
  for (const a of list) yield { kind: 'article', article: a };
}

describe('story dates', () => {
  it('dates an undated near-duplicate from its dated original, and leaves an unrelated undated article undated', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-story-')), 'a.db'));
    try {
      await analyzeItems(
        db,
        items([
          article('Harbour pilots strike over pay', 'https://example.org/news/2026/05/12/pilots-strike', BODY),
          article('Pilots strike at Veldmark harbour', null, BODY.replace('the pilots union said', 'the union said')),
          article(
            'Museum reopens',
            null,
            'The city museum reopened on Tuesday after a two-year renovation, its director said.',
          ),
        ]),
        { threads: 1 },
      );
      const got = [...allArticles(db)].map((a) => [a.title, a.published, a.publishedFrom, a.anchor ?? null]);
      expect(got).toEqual([
        ['Harbour pilots strike over pay', '2026-05-12', 'url', '2026-05-12'],
        ['Pilots strike at Veldmark harbour', '2026-05-12', 'story', '2026-05-12'],
        ['Museum reopens', null, null, null],
      ]);
    } finally {
      db.close();
    }
  });
});
