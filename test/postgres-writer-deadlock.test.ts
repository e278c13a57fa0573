import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../src/store/articles.js';
import { bareRecord, postgresUnavailable, suiteDatabase, withSinks } from './pg-database.js';

/**
 * Two writers storing the same articles in different orders deadlock on each other's uncommitted ids; PostgreSQL
 * fails one of the two transactions. A batch of the native writer failed that way is written again, not lost to an
 * error (an `analyze` beside another one would stop with "deadlock detected").
 */
const unavailable = await postgresUnavailable();

/** A made-up article's record, no layers. */
const record = (id: string): ArticleRecord => bareRecord(id, `Notice ${id}`, `The Quillmoor ferry notice ${id}.`);

describe.skipIf(unavailable !== null)('the native PostgreSQL writer beside another writer', () => {
  const db = suiteDatabase();

  it('writes a batch again when PostgreSQL fails it to break a deadlock', async () => {
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await withSinks(db.url, [10], async (pool, [sink]) => {
        // The other writer has stored "b" (not committed yet); the sink writes "a", then waits for "b".
        await other.query('BEGIN');
        await other.query("INSERT INTO articles (id, title, text, origin) VALUES ('b', 'Notice b', 'b', 'test')");
        const added: boolean[] = [];
        await sink.add(record('a'), undefined, (x) => added.push(x));
        await sink.add(record('b'), undefined, (x) => added.push(x));
        const flushed = sink.flush();
        flushed.catch(() => undefined);
        // Wait until the sink's insert is really waiting: on a loaded machine the writer can take seconds to get
        // there, and if the other writer's insert waited first PostgreSQL would fail the other one instead.
        const deadline = Date.now() + 100_000;
        for (;;) {
          const { rowCount } = await pool.query(
            "SELECT 1 FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted",
          );
          if (rowCount) break;
          if (Date.now() > deadline) throw new Error('the writer never waited for the other transaction');
          await new Promise((r) => setTimeout(r, 25));
        }
        // …and the other writer now stores "a": each waits for the other, PostgreSQL fails the one that waited first.
        await other.query("INSERT INTO articles (id, title, text, origin) VALUES ('a', 'Notice a', 'a', 'test')");
        await other.query('COMMIT');
        await flushed;
        expect(added).toEqual([false, false]);
        const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles');
        expect(rows[0]!.n).toBe(2);
      });
    } finally {
      await other.end();
    }
  }, 150_000);
});
