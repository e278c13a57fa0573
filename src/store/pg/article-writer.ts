import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Fingerprint, KnownArticle } from '../../resolve/index.js';
import { type ArticleSink, ownDateEvidence } from '../article-sink.js';
import type { ArticleRecord } from '../articles.js';
import { copyField, parseField, STORE_VERSION } from './mirror.js';

/**
 * Analyzed articles written straight into a PostgreSQL store, no working copy: the rows `articleRecord` makes
 * (the ones a SQLite store gets) are gathered and written a batch at a time, each table's rows with one
 * `COPY … FROM STDIN` into a temporary staging table, then moved into the store's tables by `INSERT … SELECT` in the
 * batch's one transaction:
 *
 * - an article whose id is there already (another process stored the same input meanwhile) is left out, with its
 *   rows (`ON CONFLICT (id) DO NOTHING`): storing is idempotent, as on SQLite;
 * - the new articles take their `seq` in input order, their mentions their `rowid` from `mentions_rowid_seq`
 *   (migration 016) in the order of the articles and of each article's layer: the order SQLite writes them in;
 * - the batch holds the writer lock shared (`pg_advisory_xact_lock_shared`): many writers of articles at once, but
 *   none while a working copy is written back (which holds it exclusively and replaces every table);
 * - the store's version moves, so servers see the new articles.
 *
 * A batch is all or nothing: a process killed mid-batch leaves none of it, and running its input again stores it.
 */

/**
 * Articles per batch (the SQLite store writes each at once; here a round trip per table per batch).
 * `SITREP_PG_BATCH` sets it (the worker test makes batches small to kill a worker between two of a job's batches).
 */
export const PG_BATCH_ARTICLES = Number(process.env.SITREP_PG_BATCH) || 200;

/** The writer lock (see `pgStore`): taken shared by each batch of articles, exclusively by a working copy. */
export const WRITER_LOCK = 0x5174_0002;

/** `ArticleRecord.article`'s keys; each one's column is its snake_case name (`ARTICLE_COLUMNS`). */
const ARTICLE_KEYS = [
  'id',
  'title',
  'url',
  'outlet',
  'published',
  'publishedPrecision',
  'publishedFrom',
  'anchor',
  'anchorFrom',
  'text',
  'captions',
  'authors',
  'origin',
  'warnings',
  'paragraphs',
  'sentences',
  'timexes',
  'duplicateOf',
  'similarity',
  'boundaryConfidence',
];
const ARTICLE_COLUMNS = ARTICLE_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const MENTION_COLUMNS = ['start', '"end"', 'text', 'type', 'actor_key', 'canonical', 'role', 'affiliation', 'metonym'];
const QUOTE_COLUMNS = [
  'idx',
  'start',
  '"end"',
  'text',
  'direct',
  'cue',
  'speaker',
  'speaker_name',
  'speaker_key',
  'date',
  'date_precision',
  'date_from',
  'date_range',
  'reported',
  'parts',
  'addressee',
];
const CLAIM_COLUMNS = [
  'idx',
  'start',
  '"end"',
  'proposition',
  'claimant_key',
  'claimant',
  'stance',
  'target_keys',
  'date',
  'quote_idx',
  'date_precision',
  'date_from',
  'date_range',
  'reported',
];
const EVENT_COLUMNS = ['idx', 'type', 'mode', 'negated', 'hypothetical', 'date', 'date_precision', 'data'];
const FINGERPRINT_COLUMNS = ['text_hash', 'minhash'];

/** Staging tables: the store table's column types, no constraints, emptied at each commit. */
const STAGING = `
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_articles ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, ${ARTICLE_COLUMNS.join(', ')} FROM articles WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_fingerprints ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, ${FINGERPRINT_COLUMNS.join(', ')} FROM article_fingerprints WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_mentions ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, 0 AS k, ${MENTION_COLUMNS.join(', ')} FROM mentions WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_quotes ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, ${QUOTE_COLUMNS.join(', ')} FROM quotes WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_claims ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, ${CLAIM_COLUMNS.join(', ')} FROM claims WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_events ON COMMIT DELETE ROWS AS
  SELECT 0 AS ord, ${EVENT_COLUMNS.join(', ')} FROM event_mentions WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS sitrep_new_seqs (ord INTEGER, seq INTEGER) ON COMMIT DELETE ROWS;`;

const list = (columns: readonly string[], prefix = ''): string => columns.map((c) => prefix + c).join(', ');

/** From staging into the store, in one statement per table (run in the batch's transaction, in this order). */
const MOVE = [
  // New articles only, in input order (the identity gives seqs as the sorted rows arrive); their ords and seqs kept.
  `WITH ins AS (
     INSERT INTO articles (${list(ARTICLE_COLUMNS)})
     SELECT ${list(ARTICLE_COLUMNS)} FROM (
       SELECT * FROM sitrep_new_articles n WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.id) ORDER BY ord
     ) s
     ON CONFLICT (id) DO NOTHING RETURNING seq, id)
   INSERT INTO sitrep_new_seqs (ord, seq) SELECT n.ord, ins.seq FROM ins JOIN sitrep_new_articles n ON n.id = ins.id`,
  `INSERT INTO article_fingerprints (article_seq, ${list(FINGERPRINT_COLUMNS)})
   SELECT q.seq, ${list(FINGERPRINT_COLUMNS, 'f.')} FROM sitrep_new_fingerprints f JOIN sitrep_new_seqs q USING (ord)`,
  // The subquery's ORDER BY keeps it from being merged into the outer query: rowids are drawn in this order.
  `INSERT INTO mentions (rowid, article_seq, ${list(MENTION_COLUMNS)})
   SELECT nextval('mentions_rowid_seq'), s.* FROM (
     SELECT q.seq, ${list(MENTION_COLUMNS, 'm.')} FROM sitrep_new_mentions m JOIN sitrep_new_seqs q USING (ord)
     ORDER BY m.ord, m.k
   ) s`,
  `INSERT INTO quotes (article_seq, ${list(QUOTE_COLUMNS)})
   SELECT q.seq, ${list(QUOTE_COLUMNS, 'x.')} FROM sitrep_new_quotes x JOIN sitrep_new_seqs q USING (ord)`,
  `INSERT INTO claims (article_seq, ${list(CLAIM_COLUMNS)})
   SELECT q.seq, ${list(CLAIM_COLUMNS, 'x.')} FROM sitrep_new_claims x JOIN sitrep_new_seqs q USING (ord)`,
  `INSERT INTO event_mentions (article_seq, ${list(EVENT_COLUMNS)})
   SELECT q.seq, ${list(EVENT_COLUMNS, 'x.')} FROM sitrep_new_events x JOIN sitrep_new_seqs q USING (ord)`,
];

/** Moves the store's version (as a write-back does), last in the batch so the row is held briefly. */
const BUMP_VERSION = `INSERT INTO meta (key, value) VALUES ('${STORE_VERSION}', '1')
  ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`;

interface Pending {
  record: ArticleRecord;
  fingerprint: Fingerprint | undefined;
  done: (added: boolean) => void;
}

/** COPY text lines of `rows` into `table (columns)`. */
async function copyRows(client: pg.PoolClient, table: string, columns: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const values of rows) {
      chunk += `${values.map(copyField).join('\t')}\n`;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
}

/** Write one batch in one transaction; answers, for each article in order, whether it was new. */
async function writeBatch(client: pg.PoolClient, batch: readonly Pending[]): Promise<boolean[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock_shared($1)', [WRITER_LOCK]);
    const fingerprints: unknown[][] = [];
    const mentions: unknown[][] = [];
    const quotes: unknown[][] = [];
    const claims: unknown[][] = [];
    const events: unknown[][] = [];
    batch.forEach(({ record, fingerprint }, ord) => {
      if (fingerprint) {
        const m = fingerprint.minhash;
        fingerprints.push([ord, fingerprint.textHash, Buffer.from(m.buffer, m.byteOffset, m.byteLength)]);
      }
      record.mentions.forEach((row, k) => {
        mentions.push([ord, k, ...row]);
      });
      record.quotes.forEach((row, i) => {
        quotes.push([ord, i, ...row]);
      });
      record.claims.forEach((row, i) => {
        claims.push([ord, i, ...row]);
      });
      record.events.forEach((row, i) => {
        events.push([ord, i, ...row]);
      });
    });
    await copyRows(
      client,
      'sitrep_new_articles',
      `ord, ${list(ARTICLE_COLUMNS)}`,
      batch.map(({ record }, ord) => [ord, ...ARTICLE_KEYS.map((k) => record.article[k])]),
    );
    await copyRows(client, 'sitrep_new_fingerprints', `ord, ${list(FINGERPRINT_COLUMNS)}`, fingerprints);
    await copyRows(client, 'sitrep_new_mentions', `ord, k, ${list(MENTION_COLUMNS)}`, mentions);
    await copyRows(client, 'sitrep_new_quotes', `ord, ${list(QUOTE_COLUMNS)}`, quotes);
    await copyRows(client, 'sitrep_new_claims', `ord, ${list(CLAIM_COLUMNS)}`, claims);
    await copyRows(client, 'sitrep_new_events', `ord, ${list(EVENT_COLUMNS)}`, events);
    for (const sql of MOVE) await client.query(sql);
    const { rows } = await client.query<{ ord: number }>('SELECT ord FROM sitrep_new_seqs');
    const added = new Set(rows.map((r) => r.ord));
    if (added.size > 0) await client.query(BUMP_VERSION);
    await client.query('COMMIT');
    return batch.map((_, ord) => added.has(ord));
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Times a batch is tried when PostgreSQL broke a deadlock by failing it. */
const BATCH_TRIES = 5;

/**
 * `writeBatch`, again when PostgreSQL failed it to break a deadlock (SQLSTATE 40P01). Two writers storing the same
 * articles in different orders (one article in two inputs) each wait for the other's uncommitted row of an id; the
 * batch PostgreSQL fails was rolled back whole, so it is written again (its articles the other stored are then left
 * out as already there).
 */
async function writeBatchRetrying(client: pg.PoolClient, batch: readonly Pending[]): Promise<boolean[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(client, batch);
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= BATCH_TRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt * Math.random()));
    }
  }
}

/** The stored articles' ids and fingerprints, oldest first, read with one COPY … TO. */
async function readKnown(client: pg.PoolClient): Promise<{ ids: Set<string>; known: KnownArticle[] }> {
  const ids = new Set<string>();
  const known: KnownArticle[] = [];
  const stream = client.query(
    copyTo(`COPY (SELECT a.id, f.text_hash, f.minhash FROM articles a
                  LEFT JOIN article_fingerprints f ON f.article_seq = a.seq ORDER BY a.seq) TO STDOUT`),
  );
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    const [id, hash, minhash] = line.split('\t') as [string, string, string];
    ids.add(id);
    if (hash === '\\N' || minhash === '\\N') continue;
    const bytes = new Uint8Array(parseField(minhash, 'bytes') as Buffer);
    known.push({
      id,
      fingerprint: {
        textHash: parseField(hash, 'text') as string,
        minhash: new Uint32Array(bytes.buffer, 0, bytes.byteLength >>> 2),
      },
    });
  }
  return { ids, known };
}

/**
 * A sink writing articles natively into the PostgreSQL store of `pool`, on a connection of its own until `close`.
 * What is stored when it opens (ids, fingerprints) is read once.
 */
export async function pgArticleSink(pool: pg.Pool, batchSize = PG_BATCH_ARTICLES): Promise<ArticleSink> {
  const client = await pool.connect();
  let known: KnownArticle[];
  let ids: Set<string>;
  try {
    await client.query(STAGING);
    ({ ids, known } = await readKnown(client));
  } catch (err) {
    client.release();
    throw err;
  }
  let pending: Pending[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const added = await writeBatchRetrying(client, batch);
    batch.forEach((p, i) => {
      if (added[i]) ids.add(p.record.id);
      p.done(added[i]!);
    });
  };
  let closed = false;
  return {
    storedBefore: ids.size,
    has: (id) => ids.has(id),
    known: () => {
      const out = known;
      known = [];
      return out;
    },
    ownDate: async (id) => {
      const { rows } = await client.query<{ published: string | null; precision: string | null; from: string | null }>(
        'SELECT published, published_precision AS precision, published_from AS "from" FROM articles WHERE id = $1',
        [id],
      );
      const r = rows[0];
      return r ? ownDateEvidence(id, r.published, r.precision, r.from) : null;
    },
    add: async (record, fingerprint, done) => {
      pending.push({ record, fingerprint, done });
      if (pending.length >= batchSize) await flush();
    },
    flush,
    total: async () => Number((await client.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles')).rows[0]!.n),
    close: async () => {
      if (closed) return;
      closed = true;
      client.release();
    },
  };
}
