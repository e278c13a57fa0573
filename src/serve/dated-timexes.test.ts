import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/index.js';
import { textArticle } from '../model/index.js';
import {
  articleDetail,
  articleWriter,
  type Db,
  evidenceWithTimex,
  MIGRATIONS,
  migrate,
  openDb,
  removeArticle,
} from '../store/index.js';

const TEXT =
  'Talks resumed in Geneva on Monday.\n\nThe envoy said on 4 March 2025 that a deal could come within weeks, ' +
  'and officials met again last Friday and in the coming days.';
const ID = 'dated00000000001';

function store(name: string): { db: Db; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), `sitrep-dated-${name}-`)), 'store.db');
  return { db: openDb(path), path };
}

/** The pairs a reader needs: the article's time expressions that have a precision, [start, end], in its order. */
function datedOf(db: Db, id: string): Array<[number, number]> {
  return articleDetail(db, id)!
    .timexes.filter((t) => t.precision !== null)
    .map((t) => [t.start, t.end]);
}

const doc = () => analyzeArticle(textArticle(TEXT, 'talks.txt', { title: 'Talks', authors: [], paragraphs: [] }), ID);

describe("an article's dating expressions, kept beside it", () => {
  it('are written with the article into a narrow row, and dropped with it', () => {
    const { db } = store('write');
    try {
      articleWriter(db).insert(doc());
      const seq = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(ID) as number;
      const pairs = db.prepare('SELECT pairs FROM article_dated WHERE seq = ?').pluck().get(seq) as string;
      expect(datedOf(db, ID).length).toBeGreaterThan(1);
      expect(JSON.parse(pairs)).toEqual(datedOf(db, ID));
      db.transaction(() => removeArticle(db, ID))();
      expect(db.prepare('SELECT COUNT(*) FROM article_dated').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('are filled by the migration for the articles a store held before it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sitrep-dated-old-')), 'store.db');
    const old = new Database(path);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 18),
    );
    articleWriter(old).insert(doc());
    old.close();
    const db = openDb(path);
    try {
      const pairs = db.prepare('SELECT pairs FROM article_dated').pluck().all() as string[];
      expect(pairs.map((p) => JSON.parse(p))).toEqual([datedOf(db, ID)]);
    } finally {
      db.close();
    }
  });

  it("date a timeline entry from that row, and from the article's own time expressions where it has none", () => {
    const { db, path } = store('read');
    try {
      articleWriter(db).insert(doc());
      const start = TEXT.indexOf('The envoy');
      const span = { articleId: ID, start, end: TEXT.indexOf('.', start + 20) + 1 };
      const want = articleDetail(db, ID)!.timexes.find(
        (t) => t.precision !== null && t.start >= span.start && t.end <= span.end,
      )!;
      expect(want).toBeDefined();
      const fresh = () => {
        // A new connection: nothing kept from the reads before.
        const r = openDb(path, { readonly: true });
        try {
          return evidenceWithTimex(r, [span])[0]!;
        } finally {
          r.close();
        }
      };
      expect(fresh().timex).toEqual({ start: want.start, end: want.end, text: want.text });
      // The entry reads the row: emptied, the sentence has no dating expression.
      db.prepare("UPDATE article_dated SET pairs = '[]'").run();
      expect(fresh().timex).toBeNull();
      // No row (a store the migration has not filled, time expressions that were not JSON): read from the article.
      db.prepare('UPDATE article_dated SET pairs = NULL').run();
      expect(fresh().timex).toEqual({ start: want.start, end: want.end, text: want.text });
      db.prepare('DELETE FROM article_dated').run();
      expect(fresh().timex).toEqual({ start: want.start, end: want.end, text: want.text });
      expect(fresh().text).toBe(TEXT.slice(span.start, span.end));
    } finally {
      db.close();
    }
  });
});
