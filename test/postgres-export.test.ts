import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyArticleCorrection,
  isArticleCorrection,
  joinCorrection,
  resolveCorpus,
  splitCorrection,
  undoArticleCorrection,
  updateStories,
} from '../src/analyze/index.js';
import { addCorrection, correctionById, type Db, openStore, undoCorrection } from '../src/store/index.js';
import { postgresUnavailable, throwAwayDatabase } from './pg-database.js';
import { runCli } from './run-cli.js';

/**
 * `sitrep analyze` then `sitrep export` on PostgreSQL gives the very bytes the same runs give on SQLite: on each
 * example corpus into an empty store, and on a second corpus added to a store that holds one (the corpus steps
 * then see both, and the PostgreSQL store is copied out, added to and copied back).
 */
const unavailable = await postgresUnavailable();

const CORPORA = ['dump-harbour', 'dump-second', 'dump-summit'];

describe.skipIf(unavailable !== null)('export from PostgreSQL equals export from SQLite', () => {
  const dropped: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-export-'));
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  async function analyzeAndExport(db: string, corpora: string[]): Promise<string> {
    for (const corpus of corpora) {
      const run = await runCli(['analyze', `examples/${corpus}`, '--db', db, '--threads', '1']);
      expect(run.code, run.stderr).toBe(0);
    }
    const out = await runCli(['export', '--db', db]);
    expect(out.code, out.stderr).toBe(0);
    return out.stdout;
  }

  async function pgUrl(): Promise<string> {
    const { url, drop } = await throwAwayDatabase();
    dropped.push(drop);
    return url;
  }

  for (const corpus of CORPORA) {
    it(`${corpus} into an empty store`, async () => {
      const sqlite = await analyzeAndExport(join(dir, `${corpus}.db`), [corpus]);
      const postgres = await analyzeAndExport(await pgUrl(), [corpus]);
      expect(JSON.parse(sqlite).articles.length).toBeGreaterThan(0);
      expect(postgres === sqlite, 'the two exports differ').toBe(true);
    });
  }

  it('a second corpus added to a store, named by SITREP_DB', async () => {
    const corpora = ['dump-harbour', 'dump-summit'];
    const sqlite = await analyzeAndExport(join(dir, 'two.db'), corpora);
    const url = await pgUrl();
    for (const corpus of corpora) {
      const run = await runCli(['analyze', `examples/${corpus}`, '--threads', '1'], { env: { SITREP_DB: url } });
      expect(run.code, run.stderr).toBe(0);
    }
    const postgres = await runCli(['export'], { env: { SITREP_DB: url } });
    expect(postgres.code, postgres.stderr).toBe(0);
    expect(postgres.stdout === sqlite, 'the two exports differ').toBe(true);
    // Analyzing the same input again adds nothing, and leaves the store as it was.
    await runCli(['analyze', 'examples/dump-summit', '--db', url, '--threads', '1']);
    expect((await runCli(['export', '--db', url])).stdout === sqlite).toBe(true);
  });

  it('article corrections (a split, a join of its parts, an undo) and a later analysis', async () => {
    // What the workbench does for each, on either store (`store.write`: on PostgreSQL a working copy).
    const correct = (location: string, step: (db: Db) => Promise<void>) =>
      openStore(location).then(async (store) => {
        try {
          await store.write(async (db) => {
            await step(db);
            await resolveCorpus(db);
            updateStories(db);
            // Both stores' corrections dated alike, so that their exports can be compared byte for byte.
            db.prepare("UPDATE corrections SET created_at = '2026-01-01T00:00:00.000Z'").run();
            db.prepare(
              "UPDATE corrections SET undone_at = '2026-01-02T00:00:00.000Z' WHERE undone_at IS NOT NULL",
            ).run();
          });
        } finally {
          await store.close();
        }
      });
    const run = async (location: string): Promise<string> => {
      await analyzeAndExport(location, ['dump-harbour']);
      let parts: string[] = [];
      let original = '';
      await correct(location, async (db) => {
        // The longest article, split before its last paragraph.
        const a = db.prepare('SELECT id, text FROM articles ORDER BY length(text) DESC, id LIMIT 1').get() as {
          id: string;
          text: string;
        };
        const c = addCorrection(db, splitCorrection(db, a.id, a.text.lastIndexOf('\n\n') + 2));
        if (isArticleCorrection(c)) await applyArticleCorrection(db, c);
        parts = (c.payload as { parts: string[] }).parts;
        original = a.id;
      });
      await correct(location, async (db) => {
        const c = addCorrection(db, joinCorrection(db, parts));
        if (isArticleCorrection(c)) await applyArticleCorrection(db, c);
      });
      await correct(location, async (db) => {
        const join = db.prepare("SELECT id FROM corrections WHERE kind = 'article.join'").pluck().get() as number;
        undoCorrection(db, join);
        const c = correctionById(db, join)!;
        if (isArticleCorrection(c)) undoArticleCorrection(db, c);
      });
      const out = await analyzeAndExport(location, ['dump-harbour', 'dump-summit']);
      // The split (still in force) outlives the analysis of its dump.
      const ids = (JSON.parse(out).articles as Array<{ id: string }>).map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining(parts));
      expect(ids).not.toContain(original);
      return out;
    };
    const sqlite = await run(join(dir, 'corrected.db'));
    const postgres = await run(await pgUrl());
    const kinds = (JSON.parse(sqlite).corrections as Array<{ kind: string }>).map((c) => c.kind);
    expect(kinds).toEqual(['article.split', 'article.join']);
    expect(postgres === sqlite, 'the two exports differ').toBe(true);
  });

  it('refuses a database that does not sort text by bytes, saying how to create one', async () => {
    const { url, drop } = await throwAwayDatabase('C.UTF-8');
    dropped.push(drop);
    const run = await runCli(['export', '--db', url]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/sorts text by "C.UTF-8".*LC_COLLATE 'C'/);
  });
});
