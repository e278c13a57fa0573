import type pg from 'pg';
import Cursor from 'pg-cursor';

/** Rows fetched per round trip when a query's rows are streamed. */
const CURSOR_BATCH = 500;

/** The rows of `sql`, streamed through a cursor so a large table never sits in memory at once. */
export async function* streamRows<T>(client: pg.PoolClient, sql: string, params: unknown[] = []): AsyncGenerator<T> {
  const cursor = client.query(new Cursor<T>(sql, params));
  try {
    for (;;) {
      const rows = await cursor.read(CURSOR_BATCH);
      if (rows.length === 0) return;
      yield* rows;
    }
  } finally {
    await cursor.close();
  }
}

/** `fn` inside one read-only snapshot: every query it makes sees the same committed store. */
export async function inSnapshot<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
