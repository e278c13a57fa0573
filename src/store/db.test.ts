import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../model/index.js';
import { articleId, articleWriter } from './articles.js';
import { currentVersion, latestVersion, migrate, openDb } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { allQuotes } from './queries.js';
import { search, SearchQueryError } from './search.js';

const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'sitrep-store-')), 'test.db');

function sampleDoc(title: string, text: string, outlet = 'Test Outlet') {
  const raw = {
    title,
    url: null,
    outlet,
    text,
    captions: ['A caption. Photo: X/Y'],
    dateEvidence: [],
    origin: 'test',
    warnings: [],
  };
  const doc = createDoc(articleId(raw), raw);
  doc.entities.push({
    start: 0,
    end: 5,
    text: text.slice(0, 5),
    type: 'GPE',
    actorKey: 'country:TST',
    canonical: 'Testland',
  });
  return doc;
}

describe('store', () => {
  it('creates a fresh database at the latest schema version in WAL mode', () => {
    const db = openDb(tmp());
    expect(currentVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('upgrades a database made by every older schema, keeping its data', () => {
    for (let v = 1; v < latestVersion(); v++) {
      const path = tmp();
      const old = new Database(path);
      migrate(
        old,
        MIGRATIONS.filter((m) => m.version <= v),
      );
      // A row as the oldest schema knows it (today's writer also fills columns later migrations added).
      old
        .prepare(
          "INSERT INTO articles (id, title, text, origin) VALUES ('old1', 'Old schema article', 'Hello from an older schema.', 'test')",
        )
        .run();
      old.close();
      const db = openDb(path);
      expect(currentVersion(db)).toBe(latestVersion());
      expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(1);
      db.close();
    }
  });

  it('applies a newer additive migration to an existing database without losing rows', () => {
    const path = tmp();
    const db = openDb(path);
    articleWriter(db).insert(sampleDoc('Before upgrade', 'Stored before the schema grew.'));
    const next: Migration = {
      version: latestVersion() + 1,
      name: 'test-extra-column',
      sql: 'ALTER TABLE articles ADD COLUMN test_extra TEXT;',
    };
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([next.version]);
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([]);
    const row = db.prepare('SELECT title, test_extra FROM articles').get() as {
      title: string;
      test_extra: string | null;
    };
    expect(row).toEqual({ title: 'Before upgrade', test_extra: null });
    db.close();
  });

  it('stores an article once: the second insert is a no-op', () => {
    const db = openDb(tmp());
    const w = articleWriter(db);
    const doc = sampleDoc('Idempotent', 'Same text twice.');
    expect(w.insert(doc)).toBe(true);
    expect(w.insert(doc)).toBe(false);
    expect(w.has(doc.id)).toBe(true);
    expect((db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('keeps the parts and the addressee of a quote, and leaves them out of quotes that have none', () => {
    const db = openDb(tmp());
    const text = '"We will stay," Mara Lind told the council, "until the port is open." Lind left. "Fine," he said.';
    const doc = sampleDoc('Parts', text);
    const span = (s: string, from = 0) => {
      const start = text.indexOf(s, from);
      return { start, end: start + s.length, text: s };
    };
    const first = span('"We will stay,"');
    const second = span('"until the port is open."');
    doc.quotes.push(
      {
        ...span(text.slice(first.start, second.end)),
        direct: true,
        cue: span('told'),
        speaker: span('Mara Lind'),
        speakerName: 'Mara Lind',
        speakerKey: null,
        parts: [first, second],
        addressee: span('the council'),
      },
      { ...span('"Fine,"'), direct: true, cue: span('said'), speaker: span('he'), speakerName: null, speakerKey: null },
    );
    articleWriter(db).insert(doc);
    const [whole, single] = [...allQuotes(db)];
    expect(whole!.parts).toEqual([first, second]);
    expect(whole!.addressee).toEqual(span('the council'));
    for (const p of [...whole!.parts!, whole!.addressee!]) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(single).not.toHaveProperty('parts');
    expect(single).not.toHaveProperty('addressee');
    db.close();
  });

  it('ranks full-text hits with bm25 and tolerates query syntax characters', () => {
    const db = openDb(tmp());
    const w = articleWriter(db);
    w.insert(sampleDoc('Ferry talks resume', 'Ferry operators and unions met on Monday. Ferry ferry ferry.'));
    w.insert(sampleDoc('Budget vote delayed', 'Lawmakers postponed the vote; the ferry was not discussed.'));
    const hits = search(db, 'ferry');
    expect(hits.total).toBe(2);
    expect(hits.items[0]!.title).toBe('Ferry talks resume');
    expect(hits.items[0]!.score).toBeGreaterThan(hits.items[1]!.score);
    expect(() => search(db, '"unbalanced AND (')).toThrow(SearchQueryError);
    expect(search(db, 'unbalanced AND ( NEAR(').total).toBe(0);
    expect(search(db, '').total).toBe(0);
    db.close();
  });

  it('ranks and facets only the newest hits of a window, and still counts every hit', () => {
    const db = openDb(tmp());
    const w = articleWriter(db);
    const outlets = ['north.example', 'south.example', 'north.example', 'east.example', 'south.example'];
    for (const [i, outlet] of outlets.entries())
      w.insert(sampleDoc(`Harbour note ${i}`, `The harbour crane number ${i} stood still.`, outlet));
    w.insert(sampleDoc('Budget', 'Lawmakers postponed the vote.'));
    const all = search(db, 'harbour', 0, 100);
    expect(all.total).toBe(5);
    expect(all.ranked).toBe(5);
    const newest = search(db, 'harbour', 0, 100, { window: 2 });
    expect(newest.total).toBe(5);
    expect(newest.ranked).toBe(2);
    expect(newest.items.map((h) => h.title).sort()).toEqual(['Harbour note 3', 'Harbour note 4']);
    expect(newest.facets.outlets).toEqual([
      { value: 'east.example', count: 1 },
      { value: 'south.example', count: 1 },
    ]);
    expect(search(db, 'harbour', 2, 10, { window: 2 }).items).toEqual([]);
    const filtered = search(db, 'harbour', 0, 10, { window: 1, filter: { outlet: 'north.example' } });
    expect(filtered.total).toBe(2);
    expect(filtered.items.map((h) => h.title)).toEqual(['Harbour note 2']);
    db.close();
  });

  it('stems: a word finds its inflections through MATCH, and a phrase keeps its order', () => {
    const db = openDb(tmp());
    const w = articleWriter(db);
    w.insert(sampleDoc('Launch reported', 'The navy fired two missiles into the sea before dawn.'));
    w.insert(sampleDoc('Test site', 'A single missile was launched from the coast, officials said.'));
    w.insert(sampleDoc('Talks', 'Diplomats met to discuss trade and fishing rights.'));
    const ids = (q: string): string[] =>
      search(db, q, 0, 100)
        .items.map((h) => h.id)
        .sort();
    expect(ids('missile')).toHaveLength(2);
    expect(ids('missiles')).toEqual(ids('missile'));
    expect(ids('launches')).toEqual(ids('launched'));
    expect(ids('"fired two missiles"')).toHaveLength(1);
    expect(ids('"two fired missiles"')).toHaveLength(0);
    expect(ids('missi*')).toEqual(ids('missile'));
    expect(ids('missile -coast')).toHaveLength(1);
    expect(ids('fishing OR navy')).toHaveLength(2);
    expect(search(db, 'missile').items[0]!.excerpt.some((p) => p.mark)).toBe(true);
    db.close();
  });

  it('refuses a file that is not a database with a clear error', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = tmp();
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    expect(() => openDb(path)).toThrow(/not a sitrep database|not a database/);
  });
});
