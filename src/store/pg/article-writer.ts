import type pg from 'pg';
import { Deduplicator, type Fingerprint, type KnownArticle } from '../../resolve/index.js';
import { type ArticleSink, ownDateEvidence } from '../article-sink.js';
import type { ArticleRecord } from '../articles.js';
import { copyRows, STORE_VERSION } from './mirror.js';

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

/**
 * Taken exclusively by each batch from its duplicate check to its commit (`pg_advisory_xact_lock`): a batch's
 * articles are judged against every article committed before it, other writers' included (`lateDuplicates`).
 */
export const DEDUP_LOCK = 0x5174_0004;

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

/**
 * Write one batch in one transaction; answers, for each article in order, whether it was new. `leftOut`: the articles
 * this sink left out at write time as exact copies of stored ones, by id, each with the stored one's id. A near copy
 * linked to one of them (judged before it was left out) is linked to the stored copy instead, so that every
 * `duplicate_of` names a stored article (the texts are the same, so is the similarity); the batch's own left-out
 * articles are added on commit.
 */
async function writeBatch(
  client: pg.PoolClient,
  batch: readonly Pending[],
  leftOut: Map<string, string>,
): Promise<boolean[]> {
  for (const { record } of batch) {
    const stored = record.duplicateOf === null ? undefined : leftOut.get(record.duplicateOf);
    if (stored !== undefined) {
      record.duplicateOf = stored;
      record.article.duplicateOf = stored;
    }
  }
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
      `sitrep_new_articles (ord, ${list(ARTICLE_COLUMNS)})`,
      batch.map(({ record }, ord) => [ord, ...ARTICLE_KEYS.map((k) => record.article[k])]),
    );
    await copyRows(client, `sitrep_new_fingerprints (ord, ${list(FINGERPRINT_COLUMNS)})`, fingerprints);
    await copyRows(client, `sitrep_new_mentions (ord, k, ${list(MENTION_COLUMNS)})`, mentions);
    await copyRows(client, `sitrep_new_quotes (ord, ${list(QUOTE_COLUMNS)})`, quotes);
    await copyRows(client, `sitrep_new_claims (ord, ${list(CLAIM_COLUMNS)})`, claims);
    await copyRows(client, `sitrep_new_events (ord, ${list(EVENT_COLUMNS)})`, events);
    // One batch at a time from here to the commit: each sees the articles of every batch committed before it.
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEDUP_LOCK]);
    const late = await lateDuplicates(client, batch);
    const gone = new Map(late.exact.map(({ ord, of }) => [batch[ord]!.record.id, of]));
    if (late.exact.length > 0)
      await client.query('DELETE FROM sitrep_new_articles WHERE ord = ANY($1::int[])', [late.exact.map((e) => e.ord)]);
    // Near copies in this batch of an article just left out: linked to its stored copy.
    const relinked = batch.flatMap(({ record }, ord) => {
      const of = record.duplicateOf === null ? undefined : gone.get(record.duplicateOf);
      return of === undefined ? [] : [{ ord, of }];
    });
    for (const { ord, of } of relinked)
      await client.query('UPDATE sitrep_new_articles SET duplicate_of = $2 WHERE ord = $1', [ord, of]);
    for (const { ord, of, similarity } of late.near)
      await client.query('UPDATE sitrep_new_articles SET duplicate_of = $2, similarity = $3 WHERE ord = $1', [
        ord,
        of,
        similarity,
      ]);
    for (const sql of MOVE) await client.query(sql);
    const { rows } = await client.query<{ ord: number }>('SELECT ord FROM sitrep_new_seqs');
    const added = new Set(rows.map((r) => r.ord));
    if (added.size > 0) await client.query(BUMP_VERSION);
    await client.query('COMMIT');
    for (const [id, of] of gone) leftOut.set(id, of);
    for (const { ord, of } of relinked) {
      const { record } = batch[ord]!;
      record.duplicateOf = of;
      record.article.duplicateOf = of;
    }
    for (const { ord, of, similarity } of late.near) {
      const { record } = batch[ord]!;
      record.duplicateOf = of;
      record.article.duplicateOf = of;
      record.article.similarity = similarity;
    }
    return batch.map((_, ord) => added.has(ord));
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Duplicates of a batch's articles that other writers committed after the articles were judged (their lookup, before
 * analysis): by ord, the exact ones (left out, as an exact duplicate is at its lookup) and, for an article judged
 * new, the near one it is now linked to (the stored article `Deduplicator.judge` picks among the stored ones). Run
 * under `DEDUP_LOCK`. Stored articles the batch's articles were judged against are looked up again and judged the
 * same way, so only what is new can change a verdict: a run alone on the store finds nothing here.
 */
async function lateDuplicates(
  client: pg.PoolClient,
  batch: readonly Pending[],
): Promise<{
  exact: Array<{ ord: number; of: string }>;
  near: Array<{ ord: number; of: string; similarity: number }>;
}> {
  const exact: Array<{ ord: number; of: string }> = [];
  const near: Array<{ ord: number; of: string; similarity: number }> = [];
  const fingerprints = batch.flatMap((p) => (p.fingerprint ? [p.fingerprint] : []));
  if (fingerprints.length === 0) return { exact, near };
  const own = new Set(batch.map((p) => p.record.id));
  const dedup = new Deduplicator();
  // An article of the batch already stored (by another writer) is left out by its id, not judged against itself.
  const stored = (await storedCandidates(client, fingerprints))
    .filter((k) => !own.has(k.id))
    .map((k) => dedup.candidate(k));
  if (stored.length === 0) return { exact, near };
  batch.forEach(({ record, fingerprint }, ord) => {
    if (!fingerprint) return;
    const verdict = dedup.judge(fingerprint, stored);
    if (verdict.kind === 'exact') exact.push({ ord, of: verdict.of });
    else if (verdict.kind === 'near' && !record.duplicateOf)
      near.push({ ord, of: verdict.of, similarity: verdict.similarity });
  });
  return { exact, near };
}

/** Times a batch is tried when PostgreSQL broke a deadlock by failing it. */
const BATCH_TRIES = 5;

/**
 * `writeBatch`, again when PostgreSQL failed it to break a deadlock (SQLSTATE 40P01). Two writers storing the same
 * articles in different orders (one article in two inputs) each wait for the other's uncommitted row of an id; the
 * batch PostgreSQL fails was rolled back whole, so it is written again (its articles the other stored are then left
 * out as already there).
 */
async function writeBatchRetrying(
  client: pg.PoolClient,
  batch: readonly Pending[],
  leftOut: Map<string, string>,
): Promise<boolean[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(client, batch, leftOut);
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= BATCH_TRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt * Math.random()));
    }
  }
}

/** Bytes of `minhash` in one LSH band (4 rows of 32-bit numbers): the cut `sitrep_minhash_bands` makes (migration 017). */
const BAND_BYTES = 16;

/** The 16-byte bands of a fingerprint's signature, as stored. */
function bandsOf(fingerprint: Fingerprint): Buffer[] {
  const m = fingerprint.minhash;
  const bytes = Buffer.from(m.buffer, m.byteOffset, m.byteLength);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += BAND_BYTES) out.push(bytes.subarray(at, at + BAND_BYTES));
  return out;
}

/**
 * What the store holds of `items` now: which of their ids are stored, and the stored articles whose fingerprints
 * share a text hash or an LSH band with theirs, oldest first (by the indexes on `text_hash` and on the bands,
 * migration 017): O(items and their candidates), not O(store).
 */
async function lookupStored(
  client: pg.PoolClient,
  items: ReadonlyArray<{ id: string; fingerprint: Fingerprint | undefined }>,
): Promise<{ ids: string[]; known: KnownArticle[] }> {
  if (items.length === 0) return { ids: [], known: [] };
  const ids = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [
    items.map((i) => i.id),
  ]);
  const fingerprints = items.flatMap((i) => (i.fingerprint ? [i.fingerprint] : []));
  return { ids: ids.rows.map((r) => r.id), known: await storedCandidates(client, fingerprints) };
}

/** The stored articles whose fingerprints share a text hash or an LSH band with one of `fingerprints`, oldest first. */
async function storedCandidates(client: pg.PoolClient, fingerprints: readonly Fingerprint[]): Promise<KnownArticle[]> {
  if (fingerprints.length === 0) return [];
  // A named statement, planned once for any values (the sink's session forces generic plans): planned for the
  // values, the thousands of bands make PostgreSQL expect most rows to match and scan the table instead of the index.
  const { rows } = await client.query<{ id: string; text_hash: string; minhash: Buffer }>({
    name: 'sitrep-stored-candidates',
    text: `SELECT a.id, f.text_hash, f.minhash FROM article_fingerprints f JOIN articles a ON a.seq = f.article_seq
            WHERE f.text_hash = ANY($1::text[]) OR sitrep_minhash_bands(f.minhash) && $2::bytea[]
            ORDER BY a.seq`,
    values: [fingerprints.map((f) => f.textHash), fingerprints.flatMap(bandsOf)],
  });
  return rows.map((r) => {
    const bytes = new Uint8Array(r.minhash);
    return {
      id: r.id,
      fingerprint: { textHash: r.text_hash, minhash: new Uint32Array(bytes.buffer, 0, bytes.byteLength >>> 2) },
    };
  });
}

/**
 * A sink writing articles natively into the PostgreSQL store of `pool`, on a connection of its own until `close`.
 * Nothing of the store is read when it opens: the analysis looks up what it needs of the articles it is about to
 * judge (`lookup`: their ids, the stored articles that may be duplicates of them), a few at a time.
 */
export async function pgArticleSink(pool: pg.Pool, batchSize = PG_BATCH_ARTICLES): Promise<ArticleSink> {
  const client = await pool.connect();
  /** Ids stored that this sink has looked up or written (not every stored id). */
  const ids = new Set<string>();
  let anyStored: boolean;
  try {
    await client.query(STAGING);
    await client.query('SET plan_cache_mode = force_generic_plan');
    anyStored = (await client.query('SELECT 1 FROM articles LIMIT 1')).rowCount !== 0;
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  let pending: Pending[] = [];
  /** Articles this sink left out at write time as exact copies of stored ones: id → the stored one's id. */
  const leftOut = new Map<string, string>();
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const added = await writeBatchRetrying(client, batch, leftOut);
    batch.forEach((p, i) => {
      if (added[i]) ids.add(p.record.id);
      p.done(added[i]!);
    });
  };
  let closed = false;
  return {
    storedBefore: anyStored ? 1 : 0,
    has: (id) => ids.has(id),
    known: () => [],
    lookup: async (items) => {
      const found = await lookupStored(client, items);
      for (const id of found.ids) ids.add(id);
      return found.known;
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
      // The connection goes back to the pool: as it came (a failed reset drops it instead).
      const reset = await client.query('RESET plan_cache_mode').then(
        () => undefined,
        (err: Error) => err,
      );
      client.release(reset);
    },
  };
}
