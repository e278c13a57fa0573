import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresUnavailable, throwAwayDatabase } from '../../test/pg-database.js';
import { createDoc } from '../model/index.js';
import { removeArticle, restoreArticle } from './article-rows.js';
import { articleId, articleWriter } from './articles.js';
import { currentVersion, latestVersion, migrate, openDb } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { allQuotes } from './queries.js';
import { SEARCH_WINDOW, search, SearchQueryError } from './search.js';
import { migratePg } from './pg/connect.js';
import { openStore } from './store.js';
import { writeJsonExport } from './export/json.js';

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

/** Migration 015's work: four indexes replaced by ones that carry the lists' keys, three added. */
function expectListIndexes(names: string[]): void {
  for (const name of ['quotes_speaker', 'claims_claimant', 'quotes_date', 'articles_outlet'])
    expect(names).not.toContain(name);
  expect(names).toEqual(
    expect.arrayContaining([
      'quotes_speaker_seq',
      'claims_claimant_seq',
      'quotes_date_seq',
      'articles_outlet_seq',
      'claims_stance_seq',
      'claims_date_seq',
      'events_id_date',
    ]),
  );
}

describe('store', () => {
  it("has the lists' indexes of migration 015, and none of the four it replaced", () => {
    const db = openDb(tmp());
    expectListIndexes(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
    db.close();
  });

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

  it('keeps a query’s hit count up to date as articles arrive, and counts afresh when one has gone', () => {
    const path = tmp();
    const db = openDb(path);
    const writer = openDb(path);
    const w = articleWriter(writer);
    for (let i = 0; i < 4; i++) w.insert(sampleDoc(`Harbour note ${i}`, `The harbour crane number ${i} stood still.`));
    // A window of 1: the total is counted past the window, the count this keeps.
    const total = () => search(db, 'harbour', 0, 10, { window: 1 }).total;
    expect(total()).toBe(4);
    w.insert(sampleDoc('Harbour note 4', 'The harbour crane number 4 stood still.'));
    w.insert(sampleDoc('Budget', 'Lawmakers postponed the vote.'));
    expect(total()).toBe(5);
    // An article counted before is deleted (its full-text entry with it): the count starts over.
    writer.prepare("DELETE FROM articles WHERE title = 'Harbour note 1'").run();
    expect(total()).toBe(4);
    w.insert(sampleDoc('Harbour note 5', 'The harbour crane number 5 stood still.'));
    expect(total()).toBe(5);
    // An article correction removes a counted article and its undo puts back another under its old seq: as many
    // articles, none newer, and one hit fewer.
    const budget = writer.prepare("SELECT id FROM articles WHERE title = 'Budget'").pluck().get() as string;
    const gone = writer.transaction(() => removeArticle(writer, budget))()!;
    expect(total()).toBe(5);
    const harbour = writer.prepare("SELECT id FROM articles WHERE title = 'Harbour note 2'").pluck().get() as string;
    const back = writer.transaction(() => {
      const s = removeArticle(writer, harbour)!;
      restoreArticle(writer, gone);
      return s;
    })();
    expect(total()).toBe(4);
    // And back again: the removed hit is restored under its old seq.
    writer.transaction(() => {
      removeArticle(writer, budget);
      restoreArticle(writer, back);
    })();
    expect(total()).toBe(5);
    // While a bulk load has the full-text index behind, the count is exact and nothing is kept.
    writer.prepare("INSERT INTO meta (key, value) VALUES ('bulk_load', '1')").run();
    writer
      .prepare(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', (SELECT seq FROM articles WHERE title = 'Harbour note 5'), 'Harbour note 5', 'The harbour crane number 5 stood still.')",
      )
      .run();
    expect(total()).toBe(4);
    writer.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')").run();
    writer.prepare("DELETE FROM meta WHERE key = 'bulk_load'").run();
    expect(total()).toBe(5);
    writer.close();
    db.close();
  });

  it('ranks every hit through the store (the command line), the newest window through search()', async () => {
    const path = tmp();
    const db = openDb(path);
    const w = articleWriter(db);
    db.transaction(() => {
      for (let i = 0; i <= SEARCH_WINDOW; i++) w.insert(sampleDoc(`Harbour note ${i}`, `Crane ${i} stood still.`));
    })();
    expect(search(db, 'harbour', 0, 1).ranked).toBe(SEARCH_WINDOW);
    db.close();
    const store = await openStore(path);
    const all = await store.search('harbour', 0, SEARCH_WINDOW + 10);
    expect(all.total).toBe(SEARCH_WINDOW + 1);
    expect(all.items).toHaveLength(SEARCH_WINDOW + 1);
    expect(all.items.map((h) => h.title)).toContain('Harbour note 0');
    expect(all.facets.outlets).toEqual([{ value: 'Test Outlet', count: SEARCH_WINDOW + 1 }]);
  });

  it('refuses a file that is not a database with a clear error', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = tmp();
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    expect(() => openDb(path)).toThrow(/not a sitrep database|not a database/);
  });
});

/**
 * What both kinds of store answer (`openStore`): written through the same writer, searched through `Store.search`.
 * The PostgreSQL run needs a server (this machine's, or `SITREP_TEST_PG`): without one it is skipped, saying so.
 */
const pgUnavailable = await postgresUnavailable();

const BACKENDS = [
  { name: 'sqlite', skip: false, open: () => openStore(tmp()) },
  {
    name: 'postgres',
    skip: pgUnavailable !== null,
    open: async () => {
      const { url, drop } = await throwAwayDatabase();
      const store = await openStore(url);
      cleanups.push(async () => {
        await store.close();
        await drop();
      });
      return store;
    },
  },
];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(BACKENDS)('store on $name', (backend) => {
  beforeEach((ctx) => {
    if (backend.skip) ctx.skip();
  });

  it('ranks full-text hits (title above text) and tolerates query syntax characters', async () => {
    const store = await backend.open();
    await store.write((db) => {
      const w = articleWriter(db);
      w.insert(sampleDoc('Ferry talks resume', 'Ferry operators and unions met on Monday. Ferry ferry ferry.'));
      w.insert(sampleDoc('Budget vote delayed', 'Lawmakers postponed the vote; the ferry was not discussed.'));
    });
    const hits = await store.search('ferry');
    expect(hits.total).toBe(2);
    expect(hits.items[0]!.title).toBe('Ferry talks resume');
    expect(hits.items[0]!.score).toBeGreaterThan(hits.items[1]!.score);
    await expect(store.search('"unbalanced AND (')).rejects.toThrow(SearchQueryError);
    expect((await store.search('unbalanced AND ( NEAR(')).total).toBe(0);
    expect((await store.search('')).total).toBe(0);
  });

  it('stems: a word finds its inflections, and a phrase keeps its order', async () => {
    const store = await backend.open();
    await store.write((db) => {
      const w = articleWriter(db);
      w.insert(sampleDoc('Launch reported', 'The navy fired two missiles into the sea before dawn.'));
      w.insert(sampleDoc('Test site', 'A single missile was launched from the coast, officials said.'));
      w.insert(sampleDoc('Talks', 'Diplomats met to discuss trade and fishing rights.'));
    });
    const ids = async (q: string): Promise<string[]> => (await store.search(q, 0, 100)).items.map((h) => h.id).sort();
    expect(await ids('missile')).toHaveLength(2);
    expect(await ids('missiles')).toEqual(await ids('missile'));
    expect(await ids('launches')).toEqual(await ids('launched'));
    expect(await ids('"fired two missiles"')).toHaveLength(1);
    expect(await ids('"two fired missiles"')).toHaveLength(0);
    expect(await ids('missi*')).toEqual(await ids('missile'));
    expect(await ids('missile -coast')).toHaveLength(1);
    expect(await ids('fishing OR navy')).toHaveLength(2);
    const hit = (await store.search('missile')).items[0]!;
    expect(hit.excerpt.some((p) => p.mark && /missile/i.test(p.text))).toBe(true);
    expect(hit.snippet).toMatch(/\[missiles?\]/i);
    const filtered = await store.search('missile', 0, 20, { filter: { outlet: 'Elsewhere' } });
    expect(filtered.total).toBe(0);
    expect((await store.search('missile')).facets.outlets).toEqual([{ value: 'Test Outlet', count: 2 }]);
  });

  it('never gives the seq of a removed article again, not even in a later write (a working copy on PostgreSQL)', async () => {
    const store = await backend.open();
    const seqOf = (db: Database.Database, id: string): number =>
      Number(db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(id));
    const first = sampleDoc('First report', 'The first report of the day.');
    const newest = sampleDoc('Second report', 'The second report, removed later.');
    let removedSeq = 0;
    await store.write((db) => {
      const w = articleWriter(db);
      w.insert(first);
      w.insert(newest);
      removedSeq = seqOf(db, newest.id);
      // The newest article goes (an article correction removes it): its seq is the highest ever given.
      db.transaction(() => removeArticle(db, newest.id))();
    });
    const later = sampleDoc('Third report', 'A report stored after the removal.');
    await store.write((db) => {
      articleWriter(db).insert(later);
      // What is keyed by an article's id and seq (the timeline's evidence cache) relies on this.
      expect(seqOf(db, later.id)).toBeGreaterThan(removedSeq);
    });
  });

  it('exports what was written, the same from either kind of store', async () => {
    const store = await backend.open();
    await store.write((db) => {
      articleWriter(db).insert(sampleDoc('Harbour reopens', 'The harbour reopened on Tuesday after repairs.'));
    });
    let out = '';
    await store.writeJsonExport((chunk) => {
      out += chunk;
    });
    const sqlite = openDb(tmp());
    articleWriter(sqlite).insert(sampleDoc('Harbour reopens', 'The harbour reopened on Tuesday after repairs.'));
    let expected = '';
    await writeJsonExport(sqlite, (chunk) => {
      expected += chunk;
    });
    sqlite.close();
    expect(JSON.parse(out).articles[0].title).toBe('Harbour reopens');
    expect(out).toBe(expected);
  });
});

describe.skipIf(pgUnavailable !== null)('migration 014 on PostgreSQL', () => {
  const TABLES = ['entities', 'events', 'claim_groups'] as const;
  const insert: Record<(typeof TABLES)[number], string> = {
    entities: "INSERT INTO entities (id, name, type, mentions) VALUES ($1, 'Invented', 'person', 1)",
    events: "INSERT INTO events (id, type, data) VALUES ($1, 'meet', '{}')",
    claim_groups: "INSERT INTO claim_groups (id, data) VALUES ($1, '{}')",
  };

  it('numbers the rows already there in their order, and the copy reads that order after an UPDATE moved them', async () => {
    const { url, drop } = await throwAwayDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(
        await migratePg(
          pool,
          MIGRATIONS.filter((m) => m.version < 14),
        ),
      ).toHaveLength(13);
      // Written c, a, b (not the order of their ids) by a write-back before the migration.
      for (const table of TABLES) for (const id of ['c', 'a', 'b']) await pool.query(insert[table], [id]);
      // The later migrations (015: indexes only; 016: a sequence) run too.
      expect(await migratePg(pool)).toEqual(MIGRATIONS.filter((m) => m.version >= 14).map((m) => m.version));
      const { rows: indexes } = await pool.query<{ indexname: string }>(
        'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()',
      );
      expectListIndexes(indexes.map((r) => r.indexname));
      for (const table of TABLES) {
        const { rows } = await pool.query<{ id: string; rowid: string }>(`SELECT id, rowid FROM ${table} ORDER BY id`);
        expect(rows.map((r) => [r.id, Number(r.rowid)])).toEqual([
          ['a', 2],
          ['b', 3],
          ['c', 1],
        ]);
        // c's new row version goes after a and b: its position is no longer its order.
        await pool.query(`UPDATE ${table} SET id = id WHERE id = 'c'`);
      }
      const store = await openStore(url);
      try {
        const copy = openDb(tmp());
        await store.copyInto(copy);
        for (const table of TABLES)
          expect(copy.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all()).toEqual(['c', 'a', 'b']);
        copy.close();
        // A write-back writes the copy's rowids: the same order, read by the next copy.
        await store.write(() => undefined);
        for (const table of TABLES) {
          const { rows } = await pool.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY rowid`);
          expect(rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
        }
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await drop();
    }
  }, 120_000);
});
