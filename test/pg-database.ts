import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { ArticleSink } from '../src/store/article-sink.js';
import type { ArticleRecord } from '../src/store/articles.js';
import { pgArticleSink } from '../src/store/pg/article-writer.js';
import { openPool } from '../src/store/pg/connect.js';
import { postgresForTests, TEST_PG } from '../src/queue/test-pg.js';

/**
 * The PostgreSQL server is `TEST_PG` (`SITREP_TEST_PG`, else this machine's, trust auth).
 * Null when a server answers; else why not, said on stderr (the PostgreSQL tests are then skipped with that message).
 * Under CI a missing server throws instead (`postgresForTests`): there the PostgreSQL tests must run, not skip.
 */
export async function postgresUnavailable(): Promise<string | null> {
  if (await postgresForTests()) return null;
  const reason = `no PostgreSQL server at ${TEST_PG}: PostgreSQL tests skipped`;
  console.warn(reason);
  return reason;
}

/** A new, empty database sorting text by bytes (what sitrep needs) unless told otherwise; `drop` removes it. */
export async function throwAwayDatabase(collate = 'C'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '${collate}' LC_CTYPE 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A throw-away database for the `describe` block this is called in: made before its tests, dropped after them. Its
 * `url` is set once the tests run.
 */
export function suiteDatabase(): { readonly url: string } {
  const db = { url: '' };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ url: db.url, drop } = await throwAwayDatabase());
  });
  afterAll(async () => {
    await drop?.();
  });
  return db;
}

/**
 * Native article writers on the store at `url`, one per batch size given (`undefined`: the writer's own), sharing one
 * pool; `use` gets the pool and the sinks, which are closed, then the pool ended, however it ends.
 */
export async function withSinks<B extends Array<number | undefined>, T>(
  url: string,
  batches: [...B],
  use: (pool: pg.Pool, sinks: { [K in keyof B]: ArticleSink }) => Promise<T>,
): Promise<T> {
  const pool = await openPool(url);
  const sinks: ArticleSink[] = [];
  try {
    for (const batch of batches) sinks.push(await pgArticleSink(pool, batch));
    return await use(pool, sinks as { [K in keyof B]: ArticleSink });
  } finally {
    for (const sink of sinks) await sink.close();
    await pool.end();
  }
}

/** A made-up article's record with `text`, no layers (nothing dated, no URL, no outlet). */
export function bareRecord(id: string, title: string, text: string): ArticleRecord {
  return {
    id,
    duplicateOf: null,
    article: {
      id,
      title,
      url: null,
      outlet: null,
      published: null,
      publishedPrecision: null,
      publishedFrom: null,
      anchor: null,
      anchorFrom: null,
      text,
      captions: '[]',
      authors: '[]',
      origin: 'test',
      warnings: '[]',
      paragraphs: '[]',
      sentences: '[]',
      timexes: '[]',
      duplicateOf: null,
      similarity: null,
      boundaryConfidence: null,
    },
    mentions: [],
    quotes: [],
    claims: [],
    events: [],
  };
}
