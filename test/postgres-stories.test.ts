import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInto, type AnalyzeSummary } from '../src/analyze/index.js';
import { readSources } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';
import { postgresUnavailable, throwAwayDatabase } from './pg-database.js';

/**
 * The story step on PostgreSQL runs in the store itself (no copy of the story tables out and back): articles added
 * in two runs, and all of them in one run, give on PostgreSQL the very export SQLite gives for the same runs, and the
 * second run leaves the story rows it does not touch as they were (a rebuild would have written them all again).
 */
const unavailable = await postgresUnavailable();

const FIRST = ['examples/dump-harbour'];
const SECOND = ['examples/dump-second', 'examples/dump-summit'];

describe.skipIf(unavailable !== null)('stories placed natively on PostgreSQL', () => {
  const dropped: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-stories-'));
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  async function pgUrl(): Promise<string> {
    const { url, drop } = await throwAwayDatabase();
    dropped.push(drop);
    return url;
  }

  /** Each run's inputs analyzed in turn into the store at `location`; the summaries and the export. */
  async function runs(location: string, inputs: string[][]): Promise<{ summaries: AnalyzeSummary[]; json: string }> {
    const store = await openStore(location);
    try {
      const summaries: AnalyzeSummary[] = [];
      for (const paths of inputs) summaries.push(await analyzeInto(store, readSources(paths), { threads: 0 }));
      let json = '';
      await store.writeJsonExport((chunk) => {
        json += chunk;
      });
      return { summaries, json };
    } finally {
      await store.close();
    }
  }

  it('two runs, and one run of all, export as on SQLite', async () => {
    const twoSqlite = await runs(join(dir, 'two.db'), [FIRST, SECOND]);
    const twoPg = await runs(await pgUrl(), [FIRST, SECOND]);
    const stories = JSON.parse(twoSqlite.json).stories as Array<{ articleIds: string[] }>;
    // Articles joined stories (not only started them): the scoring against stored stories was exercised.
    expect(stories.some((s) => s.articleIds.length > 1)).toBe(true);
    expect(twoPg.json === twoSqlite.json, 'the two-run exports differ').toBe(true);
    // Natively placed: the second run read and wrote rows of the store itself.
    const second = twoPg.summaries[1]!.stories!;
    expect(second.articles).toBeGreaterThan(0);
    expect(second.rows?.written).toBeGreaterThan(0);
    const oneSqlite = await runs(join(dir, 'one.db'), [[...FIRST, ...SECOND]]);
    const onePg = await runs(await pgUrl(), [[...FIRST, ...SECOND]]);
    expect(onePg.json === oneSqlite.json, 'the one-run exports differ').toBe(true);
  });

  it('a second run leaves the story rows it does not touch unwritten', async () => {
    const url = await pgUrl();
    const client = new pg.Client({ connectionString: url });
    const written = async (): Promise<Map<string, string>> => {
      const { rows } = await client.query<{ k: string; x: string }>(
        `SELECT 'key ' || key || ' ' || article_seq AS k, xmin::text AS x FROM story_keys
         UNION ALL SELECT 'member ' || article_seq, xmin::text FROM story_members`,
      );
      return new Map(rows.map((r) => [r.k, r.x]));
    };
    await runs(url, [FIRST]);
    await client.connect();
    try {
      const before = await written();
      expect(before.size).toBeGreaterThan(0);
      await runs(url, [SECOND]);
      const after = await written();
      // Every row of the first run is still there, written by the transaction that wrote it then.
      const changed = [...before].filter(([k, x]) => after.get(k) !== x);
      expect(changed).toEqual([]);
      expect(after.size).toBeGreaterThan(before.size);
      // The step's mark: every article up to the newest is placed; a working copy's write-back drops the mark.
      const mark = async () =>
        (await client.query("SELECT value FROM meta WHERE key = 'stories_placed_seq'")).rows[0]?.value as
          | string
          | undefined;
      const state = await client.query<{ top: number; unplaced: number }>(
        `SELECT MAX(seq) AS top, COUNT(*) FILTER (WHERE NOT EXISTS
           (SELECT 1 FROM story_members m WHERE m.article_seq = a.seq))::int AS unplaced FROM articles a`,
      );
      expect(state.rows[0]).toEqual({ top: Number(await mark()), unplaced: 0 });
      const store = await openStore(url);
      await store.write(() => undefined).finally(() => store.close());
      expect(await mark()).toBeUndefined();
    } finally {
      await client.end();
    }
  });
});
